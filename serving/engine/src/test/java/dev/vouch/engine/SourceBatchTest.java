package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The merge's batch of values equals each source's cell, float for float, on reviewed films and predicted ones. */
class SourceBatchTest {
    @Test
    void aBatchGivesEachSourcesValueOfEveryFilmAsTheCellDoes() {
        Random rnd = new Random(19);
        // rank 16 on both sides; some reviewers without a mean, opinions without a score, films without factors
        RankingModel m = TopListTest.random(rnd, 400, 12, 0.05, false, 16, 16);
        RankingModel.OpinionArrays o = m.opinions();
        int checked = 0;
        int reviewed = 0;
        for (int q = 0; q < 30; q++) {
            int[] trusted = rnd.ints(0, m.reviewerCount()).distinct().limit(2 + rnd.nextInt(5)).toArray();
            ReviewerView.Source[] sources = new ReviewerView.Source[trusted.length];
            for (int i = 0; i < trusted.length; i++) {
                // every other source through a dense view, as below EXACT_FILMS
                sources[i] = i % 3 == 2 ? ReviewerView.Source.of(m, trusted[i], ReviewerView.of(m, trusted[i]))
                        : ReviewerView.Source.of(m, trusted[i]);
            }
            // the trusted reviewers' own films first (their opinions override the prediction), then any film
            int[] films = IntStream.concat(
                    IntStream.of(trusted).flatMap(r -> IntStream.range(o.start()[r], o.start()[r + 1]).map(i -> o.film()[i])),
                    rnd.ints(40, 0, m.filmCount())).distinct().limit(80).toArray();
            ReviewerView.Source.Batch batch = new ReviewerView.Source.Batch(sources, 80);
            batch.compute(films, films.length);
            float[] value = new float[1];
            float[] z = new float[1];
            byte[] kind = new byte[1];
            for (int j = 0; j < films.length; j++) {
                for (int i = 0; i < sources.length; i++) {
                    sources[i].cell(films[j], value, z, kind, 0);
                    assertThat(Float.floatToIntBits(batch.values[j * sources.length + i]))
                            .as("film %d, source %d", films[j], trusted[i]).isEqualTo(Float.floatToIntBits(value[0]));
                    checked++;
                    reviewed += kind[0] == ReviewerView.REVIEWED || (kind[0] == ReviewerView.NONE && !Float.isNaN(z[0]))
                            ? 1 : 0;
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(reviewed).as("cells from the sources' own opinions").isGreaterThan(100);
    }
}
