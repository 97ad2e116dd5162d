package dev.vouch.serving.suggest;

import dev.vouch.serving.model.Films;
import dev.vouch.serving.model.Model;

/** Turns a film index and its explanation into a {@link Suggestion}. */
final class Suggestions {
    private Suggestions() {
    }

    static Suggestion of(Model model, int film, Explanation explanation, double relevance) {
        Films films = model.films();
        return new Suggestion(films.id(film), films.title(film), films.yearOrNull(film), films.genres(film),
                explanation.kind(), relevance, explanation);
    }
}
