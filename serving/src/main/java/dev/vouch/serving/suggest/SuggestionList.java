package dev.vouch.serving.suggest;

import java.util.List;

/**
 * Suggestions, best first.
 *
 * @param modelVersion the model version that answered
 * @param reviewer     the trusted reviewer (single-reviewer suggestions), else null
 * @param aspect       the aspect ranked by, else null
 * @param sources      the sources used, in fallback order: trusted, personal, tag_match, popular
 * @param items        the suggestions
 */
public record SuggestionList(String modelVersion, String reviewer, String aspect, List<String> sources,
                             List<Suggestion> items) {
    public SuggestionList {
        sources = List.copyOf(sources);
        items = List.copyOf(items);
    }
}
