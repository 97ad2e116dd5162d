package dev.vouch.jobs.generate;

import java.util.List;

/**
 * The fixed vocabulary of the generator. Lists, not maps, so that the output never depends on hash order; the
 * first {@code groups} entries of {@link #GROUPS} are the groups planted in a run.
 */
final class TasteCatalogue {
    private TasteCatalogue() {}

    static final List<TasteGroup> GROUPS = List.of(
            new TasteGroup("Noir", List.of("Crime", "Thriller", "Mystery"),
                    List.of("moody lighting", "femme fatale", "twisty plot", "hard-boiled", "rain-soaked streets",
                            "voice-over narration", "double cross", "smoky jazz"),
                    List.of("Crooked", "Naked", "Silent", "Midnight", "Cold", "Borrowed", "Last", "Dark"),
                    List.of("Alibi", "City", "Kiss", "Street", "Witness", "Dame", "Ledger", "Harbor")),
            new TasteGroup("Space Opera", List.of("Sci-Fi", "Adventure", "Action"),
                    List.of("epic space battles", "worldbuilding", "chosen one", "alien empires", "starships",
                            "found family", "hyperspace", "galactic politics"),
                    List.of("Distant", "Burning", "Eternal", "Shattered", "Crimson", "Outer", "Fallen", "Lost"),
                    List.of("Star", "Empire", "Nebula", "Armada", "Throne", "Frontier", "Moons", "Galaxy")),
            new TasteGroup("Slow Cinema", List.of("Drama", "Art House"),
                    List.of("long takes", "contemplative", "minimal dialogue", "natural light", "ambiguous ending",
                            "static camera", "meditative", "landscape"),
                    List.of("Quiet", "Late", "Autumn", "Still", "Pale", "Empty", "Slow", "Winter"),
                    List.of("River", "Field", "Afternoon", "Harvest", "House", "Horizon", "Silence", "Light")),
            new TasteGroup("Slasher", List.of("Horror", "Thriller"),
                    List.of("final girl", "jump scares", "masked killer", "practical gore", "summer camp",
                            "body count", "creepy score", "killer pov"),
                    List.of("Bloody", "Screaming", "Hollow", "Rotten", "Black", "Sharp", "Final", "Wicked"),
                    List.of("Night", "Camp", "Cabin", "Knife", "Prom", "Mask", "Basement", "Hook")),
            new TasteGroup("Romcom", List.of("Romance", "Comedy"),
                    List.of("meet cute", "banter", "feel-good", "chemistry", "wedding chaos", "airport dash",
                            "enemies to lovers", "cozy"),
                    List.of("Accidental", "Perfect", "Sweet", "Second", "Lucky", "Little", "Charming", "Sunny"),
                    List.of("Date", "Wedding", "Proposal", "Valentine", "Crush", "Summer", "Bakery", "Match")),
            new TasteGroup("Documentary", List.of("History", "Biography", "Music"),
                    List.of("eye-opening", "archival footage", "talking heads", "true story", "investigative",
                            "social issues", "nature", "observational"),
                    List.of("Hidden", "Forgotten", "Untold", "Inside", "Real", "Unseen", "Stolen", "Living"),
                    List.of("Story", "Truth", "Years", "Voices", "Archive", "Record", "Coast", "Machine")));

    /** Tags any film can get; which ones a reviewer reaches for follows the rating. */
    static final List<String> PRAISE = List.of("must see", "rewatchable", "masterpiece", "great cast", "classic");
    static final List<String> COMPLAINTS = List.of("overrated", "boring", "too long", "predictable", "forgettable");
    static final List<String> NEUTRAL = List.of("based on a book", "director's cut", "seen in theater",
            "slow start", "ensemble cast");

    /** Aspect names, lower case as the ingest contract stores them, on a 1..10 scale. */
    static final List<String> ASPECTS = List.of("story", "acting", "visuals", "soundtrack");
    static final int ASPECT_MAX = 10;

    /**
     * Title shapes; {0} and {3} are adjectives, {1} and {2} nouns, each pair distinct. The comma shape exercises
     * RFC 4180 quoting in movies.csv.
     */
    static final List<String> TITLE_SHAPES = List.of("The {0} {1}", "{0} {1}", "{1} of the {2}", "The {1}",
            "{0} {1}, {3} {2}", "A {0} {1}");
}
