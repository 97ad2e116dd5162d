package dev.vouch.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vouch.jobs.common.Schemas;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.publish.ModelTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tables built from opinions alone, on two planted taste groups: every table has its declared schema, kindred
 * reviewers come from one's own group, similar films from one's own group's favourites, aspects and tags aggregate.
 */
class ModelBuilderTest {
    private static final SparkSession SPARK = TestSpark.get();
    private static Map<String, Dataset<Row>> tables;

    /** Reviewers a0..a4 love films x0..x3 and dislike y0..y3; b0..b4 the other way round. */
    @BeforeAll
    static void build() {
        List<Row> rows = new ArrayList<>();
        int id = 0;
        for (String group : List.of("a", "b")) {
            for (int r = 0; r < 5; r++) {
                for (int f = 0; f < 4; f++) {
                    double loveX = group.equals("a") ? 5 : 1;
                    rows.add(review(id++, group + r, "x" + f, loveX - (r % 2) * 0.5,
                            f == 0 ? List.of(" Moody ", "slow") : List.of()));
                    rows.add(review(id++, group + r, "y" + f, 6 - loveX, List.of()));
                }
            }
        }
        Dataset<Row> reviews = SPARK.createDataFrame(rows, Tables.REVIEWS_SCHEMA);
        TrainParams p = TrainParams.defaults();
        tables = new ModelBuilder(reviews, new TrainParams(p.rank(), p.regParam(), p.maxIter(), p.biasReg(), false,
                p.ranks(), p.regParams(), p.validationFraction(), 60, 3, 42, p.implicit())).build(Map.of());
    }

    private static Row review(int id, String reviewer, String film, double score, List<String> tags) {
        Row aspect = RowFactory.create("Story", score * 2, 10.0);
        return RowFactory.create("r" + id, reviewer, film, score, 0.0, 5.0, score / 5, List.of(aspect).toArray(),
                tags.toArray(), null, null, "test", "inline", id);
    }

    @Test
    void everyTableHasItsDeclaredSchema() {
        tables.forEach((name, table) -> Schemas.check(name, ModelTables.schemaOf(name), table.schema(), true));
        assertThat(tables.keySet()).containsExactlyInAnyOrder(ModelTables.OPINIONS, ModelTables.FILM_TAGS,
                ModelTables.FILM_ASPECTS, ModelTables.SIMILAR_FILMS, ModelTables.KINDRED);
    }

    @Test
    void kindredReviewersShareTheirGroupAndAgree() {
        List<Row> kindred = tables.get(ModelTables.KINDRED).collectAsList();
        assertThat(kindred).isNotEmpty();
        for (Row k : kindred) {
            assertThat(k.getString(1).charAt(0)).as(k.toString()).isEqualTo(k.getString(0).charAt(0));
            assertThat(k.getInt(4)).isEqualTo(8);          // co_rated: all eight films
            assertThat(k.getDouble(5)).isGreaterThan(0.8); // agreement: 1 − mean |Δ score_norm|
        }
        assertThat(kindred.stream().filter(k -> k.getString(0).equals("a0"))).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void similarFilmsAreCoLikedWithinAGroupAndTagsAreShared() {
        List<Row> similar = tables.get(ModelTables.SIMILAR_FILMS).collectAsList();
        assertThat(similar).filteredOn(s -> s.getString(2).equals(ModelTables.CO_LIKED)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getString(1).charAt(0)).isEqualTo(s.getString(0).charAt(0)));
        List<Row> tags = tables.get(ModelTables.FILM_TAGS).filter("film_id = 'x0'").orderBy("tag").collectAsList();
        assertThat(tags).extracting(t -> t.getString(1)).containsExactly("moody", "slow");
        assertThat(tags).extracting(t -> t.getInt(2)).containsExactly(10, 10);
    }

    @Test
    void aspectsAreMeanSubScoresOnTheirScale() {
        Row x0 = tables.get(ModelTables.FILM_ASPECTS).filter("film_id = 'x0'").first();
        assertThat(x0.getString(1)).isEqualTo("story");
        assertThat(x0.getInt(3)).isEqualTo(10);
        // group a: 5, 4.5, 5, 4.5, 5 → ×2/10; group b: 1, 0.5, 1, 0.5, 1 → ×2/10
        assertThat(x0.getDouble(2)).isCloseTo((4.8 + 0.8) * 2 / 10 / 2, within(1e-9));
    }
}
