package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.generate.SyntheticOpinions.Params;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of one run with the documented defaults (300 reviewers, 2,000 films, 40,000 opinions, seed 42). */
class SyntheticOpinionsTest {
    private static final Pattern TITLE_YEAR = Pattern.compile("^(.+) \\((\\d{4})\\)$");

    @TempDir
    static Path dir;
    static SyntheticOpinions.Summary summary;
    static List<List<String>> ratings;
    static Map<String, String> userGroup = new HashMap<>();
    static Map<String, String> movieGroup = new HashMap<>();

    @BeforeAll
    static void generate() {
        summary = SyntheticOpinions.write(dir, Params.defaults());
        ratings = CsvRows.body(dir.resolve("ratings.csv"));
        for (List<String> row : CsvRows.body(dir.resolve("groups.csv"))) {
            (row.get(0).equals("user") ? userGroup : movieGroup).put(row.get(1), row.get(2));
        }
    }

    @Test
    void everyFileStartsWithItsHeader() {
        assertThat(CsvRows.header(dir.resolve("movies.csv"))).containsExactly("movieId", "title", "genres");
        assertThat(CsvRows.header(dir.resolve("ratings.csv"))).containsExactly("userId", "movieId", "rating", "timestamp");
        assertThat(CsvRows.header(dir.resolve("tags.csv"))).containsExactly("userId", "movieId", "tag", "timestamp");
        assertThat(CsvRows.header(dir.resolve("aspects.csv")))
                .containsExactly("userId", "movieId", "aspect", "score", "max");
        assertThat(CsvRows.header(dir.resolve("groups.csv"))).containsExactly("kind", "id", "group");
    }

    @Test
    void countsMeetTheTargets() {
        assertThat(ratings).hasSize(40_000);
        assertThat(CsvRows.body(dir.resolve("movies.csv"))).hasSize(2_000);
        assertThat(ratings.stream().map(r -> r.get(0)).distinct()).hasSize(300);
        // 0-3 tags per opinion, 0.9 on average by construction
        assertThat(CsvRows.body(dir.resolve("tags.csv")).size()).isBetween(30_000, 42_000);
        assertThat(CsvRows.body(dir.resolve("aspects.csv"))).isNotEmpty();
        assertThat(summary).isEqualTo(new SyntheticOpinions.Summary(dir, 2_000, 300, 40_000,
                CsvRows.body(dir.resolve("tags.csv")).size(), CsvRows.body(dir.resolve("aspects.csv")).size()));
    }

    @Test
    void ratingsAreOnTheHalfStarGridWithPlausibleTimestamps() {
        long first = Instant.parse("1996-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("2024-12-31T23:59:59Z").getEpochSecond();
        assertThat(ratings).filteredOn(r -> {
            double rating = Double.parseDouble(r.get(2));
            long t = Long.parseLong(r.get(3));
            return r.size() != 4 || rating < 0.5 || rating > 5.0 || rating * 2 != Math.rint(rating * 2)
                    || t < first || t > last;
        }).isEmpty();
        assertThat(ratings.stream().map(r -> r.get(0) + "/" + r.get(1)).distinct())
                .as("one rating per user and film").hasSize(ratings.size());
    }

    @Test
    void plantedGroupsShowInTheRatings() {
        double[] sum = new double[2];
        int[] n = new int[2];
        for (List<String> r : ratings) {
            int same = userGroup.get(r.get(0)).equals(movieGroup.get(r.get(1))) ? 1 : 0;
            sum[same] += Double.parseDouble(r.get(2));
            n[same]++;
        }
        double within = sum[1] / n[1];
        double across = sum[0] / n[0];
        // Planted gap: +1.0 vs -0.8 stars = 1.8, shrunk a little by clamping at 0.5 and 5.0.
        assertThat(within - across).isGreaterThan(1.2);
        // 70% asked; the heaviest reviewers outgrow their own group and spill over.
        assertThat((double) n[1] / ratings.size()).isBetween(0.6, 0.72);
    }

    @Test
    void tagsAndAspectsBelongToRatedFilmsThatExist() {
        Set<String> rated = new HashSet<>();
        ratings.forEach(r -> rated.add(r.get(0) + "/" + r.get(1)));
        // Collect offenders and assert once: AssertJ's contains() on a Set scans it, too slow for 70,000 rows.
        List<List<String>> tags = CsvRows.body(dir.resolve("tags.csv"));
        assertThat(tags).filteredOn(t -> t.size() != 4 || !rated.contains(t.get(0) + "/" + t.get(1))
                || t.get(2).isBlank()).isEmpty();
        List<List<String>> aspects = CsvRows.body(dir.resolve("aspects.csv"));
        assertThat(aspects).filteredOn(a -> a.size() != 5 || !rated.contains(a.get(0) + "/" + a.get(1))
                || !TasteCatalogue.ASPECTS.contains(a.get(2)) || !a.get(4).equals("10")
                || Integer.parseInt(a.get(3)) < 1 || Integer.parseInt(a.get(3)) > 10).isEmpty();
        assertThat(ratings).filteredOn(r -> !movieGroup.containsKey(r.get(1))).isEmpty();
    }

    @Test
    void moviesHaveTitleYearAndTheirGroupAsFirstGenre() {
        boolean sawQuotedComma = false;
        for (List<String> m : CsvRows.body(dir.resolve("movies.csv"))) {
            assertThat(m).hasSize(3);
            Matcher title = TITLE_YEAR.matcher(m.get(1));
            assertThat(title.matches()).as(m.get(1)).isTrue();
            assertThat(Integer.parseInt(title.group(2))).isBetween(1950, 2024);
            List<String> genres = List.of(m.get(2).split("\\|"));
            assertThat(genres.get(0)).isEqualTo(movieGroup.get(m.get(0)));
            assertThat(genres).hasSizeBetween(1, 2);
            sawQuotedComma |= m.get(1).contains(",");
        }
        assertThat(sawQuotedComma).as("some titles need RFC 4180 quoting").isTrue();
    }

    @Test
    void groupsListEveryReviewerAndFilmOnce() {
        assertThat(userGroup).hasSize(300);
        assertThat(movieGroup).hasSize(2_000);
        assertThat(CsvRows.body(dir.resolve("groups.csv"))).hasSize(2_300);
        List<String> names = TasteCatalogue.GROUPS.stream().map(TasteGroup::name).toList();
        assertThat(Set.copyOf(userGroup.values())).containsExactlyInAnyOrderElementsOf(names);
        assertThat(Set.copyOf(movieGroup.values())).containsExactlyInAnyOrderElementsOf(names);
    }
}
