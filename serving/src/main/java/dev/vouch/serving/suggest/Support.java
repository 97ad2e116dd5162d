package dev.vouch.serving.suggest;

import dev.vouch.serving.model.Kindred;
import dev.vouch.serving.model.Model;
import dev.vouch.serving.model.Opinions;

/**
 * Evidence from the reviewers who agree with R (R's kindred list) on one film.
 *
 * @param count     kindred reviewers who scored the film
 * @param meanScore their mean score on the film's own scale, NaN when count is 0
 */
public record Support(int count, double meanScore) {
    /** The support for {@code film} among the kindred of {@code reviewer}. */
    public static Support of(Model model, int reviewer, int film) {
        Kindred kindred = model.kindred();
        Opinions opinions = model.opinions();
        int count = 0;
        double sum = 0;
        for (int k = kindred.start(reviewer); k < kindred.end(reviewer); k++) {
            int p = opinions.find(kindred.other(k), film);
            if (p >= 0 && !Float.isNaN(opinions.scoreNorm(p))) {
                count++;
                sum += opinions.scoreNorm(p);
            }
        }
        return new Support(count, count == 0 ? Double.NaN : sum / count * model.films().scaleMax(film));
    }
}
