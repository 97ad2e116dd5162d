package dev.vouch.jobs.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the six critics of {@code data/reviews} sit in the planted world, so that the demo's synthetic reviewers
 * and its critics share films and tastes. Each critic belongs to a planted taste group (by their taste, see
 * data/README.md), and each of the 20 films they reviewed is planted in the group of the critic who rates it highest
 * relative to their own habits. The films keep the id every source gives a film known by title and year
 * ({@code film:<slug>-<year>}), so the synthetic ratings land on the critics' films.
 *
 * <p>Planted only when all {@link SyntheticOpinions.Params#MAX_GROUPS} groups are (the critics need theirs) and
 * the world has at least {@link #MIN_FILMS} films; the critics' films then replace the first 20 planted films
 * (ids 1..20, drawn as usual, so every other film and every random draw stays as it was).
 */
final class CriticFilms {
    static final String FILE = "critics.csv";
    static final int MIN_FILMS = 1_000;
    /** Critics' films are well known: picked as often as a planted film two sd above the mean (log-normal). */
    static final double POPULARITY = Math.exp(2);
    static final double QUALITY = 0.3;

    private CriticFilms() {}

    /** A critic of data/reviews and their planted group. */
    record Critic(String reviewerId, String name, String group) {}

    /** A film of data/reviews: the id every source shares, its title and year, and its planted group. */
    record RealFilm(String id, String title, int year, String group) {}

    static final List<Critic> CRITICS = List.of(
            new Critic("reviews:ines-duarte", "Inès Duarte", "Slow Cinema"),
            new Critic("reviews:tom-hendry", "Tom Hendry", "Space Opera"),
            new Critic("reviews:soren-lund", "Søren Lund", "Space Opera"),
            new Critic("reviews:morgan-blackwood", "Morgan Blackwood", "Slasher"),
            new Critic("reviews:priya-nair", "Priya Nair", "Romcom"),
            new Critic("reviews:grace-achebe", "Grace Achebe", "Documentary"));

    static final List<RealFilm> FILMS = List.of(
            new RealFilm("film:alien-1979", "Alien", 1979, "Space Opera"),
            new RealFilm("film:amelie-2001", "Amélie", 2001, "Slow Cinema"),
            new RealFilm("film:arrival-2016", "Arrival", 2016, "Space Opera"),
            new RealFilm("film:avengers-endgame-2019", "Avengers: Endgame", 2019, "Space Opera"),
            new RealFilm("film:blade-runner-2049-2017", "Blade Runner 2049", 2017, "Space Opera"),
            new RealFilm("film:coco-2017", "Coco", 2017, "Romcom"),
            new RealFilm("film:free-solo-2018", "Free Solo", 2018, "Documentary"),
            new RealFilm("film:get-out-2017", "Get Out", 2017, "Slasher"),
            new RealFilm("film:hereditary-2018", "Hereditary", 2018, "Slasher"),
            new RealFilm("film:interstellar-2014", "Interstellar", 2014, "Space Opera"),
            new RealFilm("film:jurassic-park-1993", "Jurassic Park", 1993, "Space Opera"),
            new RealFilm("film:mad-max-fury-road-2015", "Mad Max: Fury Road", 2015, "Space Opera"),
            new RealFilm("film:minari-2020", "Minari", 2020, "Documentary"),
            new RealFilm("film:moonlight-2016", "Moonlight", 2016, "Slow Cinema"),
            new RealFilm("film:paddington-2-2017", "Paddington 2", 2017, "Romcom"),
            new RealFilm("film:parasite-2019", "Parasite", 2019, "Documentary"),
            new RealFilm("film:spirited-away-2001", "Spirited Away", 2001, "Slow Cinema"),
            new RealFilm("film:the-babadook-2014", "The Babadook", 2014, "Slasher"),
            new RealFilm("film:the-shining-1980", "The Shining", 1980, "Slasher"),
            new RealFilm("film:toy-story-1995", "Toy Story", 1995, "Romcom"));

    static boolean planted(SyntheticOpinions.Params p) {
        return p.groups() == SyntheticOpinions.Params.MAX_GROUPS && p.films() >= MIN_FILMS;
    }

    /** The planted film that stands for real film {@code i} (its id stays {@code i + 1}). */
    static PlantedWorld.Film film(int i, List<TasteGroup> groups) {
        RealFilm r = FILMS.get(i);
        int group = groups.stream().map(TasteGroup::name).toList().indexOf(r.group());
        return new PlantedWorld.Film(i + 1, r.title(), r.year(), group, List.of(r.group()), QUALITY, POPULARITY);
    }

    /** The movieId written for a planted film: the shared film id for a critic's film, else the number. */
    static String movieId(PlantedWorld world, int id) {
        return world.critics() && id <= FILMS.size() ? FILMS.get(id - 1).id() : Integer.toString(id);
    }

    /** critics.csv: {@code reviewer_id,group} for each critic, in the order above; nothing when not planted. */
    static void write(Path dir, PlantedWorld world) throws IOException {
        Path file = dir.resolve(FILE);
        if (!world.critics()) {
            Files.deleteIfExists(file);
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(Csv.line("reviewer_id", "group"));
            for (Critic c : CRITICS) {
                w.write(Csv.line(c.reviewerId(), c.group()));
            }
        }
    }
}
