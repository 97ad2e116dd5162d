package dev.vouch.serving.suggest;

import dev.vouch.engine.TopK;

import dev.vouch.serving.model.FilmTags;
import dev.vouch.serving.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/** The non-personal sources: films matching the reader's tags, then popular films. */
final class Fallbacks {
    private final Model model;
    private final Explainer explainer;

    Fallbacks(Model model, Explainer explainer) {
        this.model = model;
        this.explainer = explainer;
    }

    /** Films ranked by the summed TF-IDF weight of the reader's tags on them; relevance is that sum. */
    List<Suggestion> tagMatch(List<String> tags, int limit, IntPredicate accept) {
        if (tags.isEmpty()) {
            return List.of();
        }
        FilmTags filmTags = model.filmTags();
        float[] score = new float[model.films().size()];
        Arrays.fill(score, Float.NaN);
        for (String tag : tags) {
            for (int f : filmTags.filmsWith(tag)) {
                float w = filmTags.weightOf(f, tag);
                score[f] = Float.isNaN(score[f]) ? w : score[f] + w;
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (int f : TopK.select(score, limit, 0f, accept)) {
            List<String> matched = tags.stream().filter(t -> filmTags.weightOf(f, t) > 0).toList();
            out.add(Suggestions.of(model, f, explainer.tagMatch(matched), score[f]));
        }
        return out;
    }

    /** The most popular films (the model's damped mean); relevance is the popularity. */
    List<Suggestion> popular(int limit, IntPredicate accept) {
        List<Suggestion> out = new ArrayList<>();
        int n = model.films().size();
        for (int rank = 0; rank < n && out.size() < limit; rank++) {
            int f = model.popularFilm(rank);
            if (accept.test(f)) {
                out.add(Suggestions.of(model, f, explainer.popular(f), model.films().popularity(f)));
            }
        }
        return out;
    }
}
