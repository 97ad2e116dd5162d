package dev.vouch.jobs.generate;

import java.util.List;

/**
 * One planted taste group: a primary genre that its films carry and its reviewers love, plus the vocabulary used to
 * name those films and tag opinions about them.
 *
 * @param name       the group, also the film's primary genre (e.g. {@code "Noir"})
 * @param sideGenres genres a film of this group may carry as its second genre
 * @param tags       tags reviewers give films of this group; kept apart from other groups so tag-based
 *                   similarity has something to find
 * @param adjectives title words used as adjectives
 * @param nouns      title words used as nouns
 */
record TasteGroup(String name, List<String> sideGenres, List<String> tags, List<String> adjectives,
        List<String> nouns) {

    TasteGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        sideGenres = List.copyOf(sideGenres);
        tags = List.copyOf(tags);
        adjectives = List.copyOf(adjectives);
        nouns = List.copyOf(nouns);
        if (tags.isEmpty() || adjectives.isEmpty() || nouns.isEmpty()) {
            throw new IllegalArgumentException(name + ": tags, adjectives and nouns must not be empty");
        }
    }
}
