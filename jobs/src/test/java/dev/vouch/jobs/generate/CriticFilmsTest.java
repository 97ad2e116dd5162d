package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.common.Ids;
import dev.vouch.jobs.generate.SyntheticOpinions.Params;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo world: the synthetic reviewers rate the critics' films, planted in the critics' taste groups. */
class CriticFilmsTest {
    @TempDir
    static Path dir;
    static List<List<String>> ratings;
    static Map<String, String> userGroup = new HashMap<>();
    static Map<String, String> movieGroup = new HashMap<>();

    @BeforeAll
    static void generate() {
        SyntheticOpinions.write(dir, Params.defaults());
        ratings = CsvRows.body(dir.resolve("ratings.csv"));
        for (List<String> row : CsvRows.body(dir.resolve("groups.csv"))) {
            (row.get(0).equals("user") ? userGroup : movieGroup).put(row.get(1), row.get(2));
        }
    }

    @Test
    void theCriticsFilmsKeepTheIdEverySourceGivesThem() {
        for (CriticFilms.RealFilm f : CriticFilms.FILMS) {
            assertThat(f.id()).isEqualTo(Ids.filmFromTitle(f.title(), f.year()));
            assertThat(movieGroup.get(f.id())).isEqualTo(f.group());
        }
        assertThat(CsvRows.body(dir.resolve("movies.csv"))).contains(
                List.of("film:arrival-2016", "Arrival (2016)", "Space Opera"),
                List.of("21", CsvRows.body(dir.resolve("movies.csv")).get(20).get(1),
                        CsvRows.body(dir.resolve("movies.csv")).get(20).get(2)));
        // The shared prefix survives ingest under any source name
        assertThat(Ids.of("synthetic", "film:arrival-2016")).isEqualTo("film:arrival-2016");
        assertThat(Ids.of("synthetic", "21")).isEqualTo("synthetic:21");
    }

    @Test
    void theSyntheticWorldRatesEveryCriticFilmAndItsGroupLikesItBest() {
        for (CriticFilms.RealFilm f : CriticFilms.FILMS) {
            double[] sum = new double[2];
            int[] n = new int[2];
            ratings.stream().filter(r -> r.get(1).equals(f.id())).forEach(r -> {
                int same = userGroup.get(r.get(0)).equals(f.group()) ? 1 : 0;
                sum[same] += Double.parseDouble(r.get(2));
                n[same]++;
            });
            assertThat(n[1]).as(f.id() + " raters in its group").isGreaterThanOrEqualTo(15);
            assertThat(sum[1] / n[1] - sum[0] / n[0]).as(f.id()).isGreaterThan(1.0);
        }
    }

    @Test
    void theCriticsAndTheirGroupsAreWrittenDown() throws Exception {
        assertThat(CsvRows.body(dir.resolve("critics.csv"))).contains(List.of("reviews:ines-duarte", "Slow Cinema"))
                .hasSize(6).allMatch(r -> userGroup.containsValue(r.get(1)));
    }

    @Test
    void aSmallOrPartialWorldHasNoCritics(@TempDir Path small) throws Exception {
        SyntheticOpinions.write(small, Params.defaults().withSize(40, 200, 2_000));
        assertThat(small.resolve("critics.csv")).doesNotExist();
        assertThat(Files.readString(small.resolve("ratings.csv"))).doesNotContain("film:");
        assertThat(CriticFilms.planted(Params.defaults().withGroups(5))).isFalse();
    }
}
