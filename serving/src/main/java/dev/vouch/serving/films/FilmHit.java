package dev.vouch.serving.films;

import dev.vouch.serving.model.Model;

/** A film in search results and lists. */
public record FilmHit(String id, String title, Integer year, int nRatings) {
    static FilmHit of(Model model, int film) {
        return new FilmHit(model.films().id(film), model.films().title(film), model.films().yearOrNull(film),
                model.films().nRatings(film));
    }
}
