package dev.vouch.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.engine.RankParams;
import dev.vouch.engine.RankingModel;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.evaluate.FoldFitter;
import dev.vouch.jobs.publish.ModelTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A fitter that keeps the explicit side of its tables across implicit models (the evaluation's grid, a fold's peer)
 * builds exactly the tables and ranking model a fresh fitter builds for each: sharing saves work, never changes what
 * is ranked.
 */
class FoldFitterSharingTest {
    private static final SparkSession SPARK = TestSpark.get();

    @Test
    void sharedExplicitTablesGiveTheSameModelsAsFreshFits() {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 12; r++) {
            for (int f = 0; f < 10; f++) {
                if ((r * 7 + f * 3) % 4 == 0) {
                    continue;
                }
                double score = 1 + ((r + 2 * f) % 5);
                rows.add(RowFactory.create("r" + r + "/f" + f, "r" + r, "f" + f, score, 0.0, 5.0, score / 5,
                        new Row[0], (f % 3 == 0 ? List.of("slow") : List.<String>of()).toArray(), null, null,
                        "test", "inline", rows.size() + 1));
            }
        }
        Dataset<Row> reviews = SPARK.createDataFrame(rows, Tables.REVIEWS_SCHEMA);
        Dataset<Row> films = SPARK.createDataFrame(List.of(RowFactory.create("f1", "One", 2001,
                new String[] {"Drama"}, "test")), Tables.FILMS_SCHEMA);
        Dataset<Row> reviewers = SPARK.createDataFrame(List.of(RowFactory.create("r1", "Critic One", "critic",
                "test")), Tables.REVIEWERS_SCHEMA);
        ModelBuilder.Indexed indexed = new ModelBuilder.Indexed(IndexTable.of(reviews, "reviewer_id", BiasedAls.REVIEWER),
                IndexTable.of(reviews, "film_id", BiasedAls.FILM));
        Dataset<Row> rated = TrainModelJob.ratings(reviews, indexed.reviewers(), indexed.films()).cache();
        TrainParams params = TrainParams.defaults().withChosen(4, 0.05);
        BiasedAlsModel explicit = new BiasedAls(params).fit(rated);
        RankParams ranking = ModelManifest.defaultRanking(params);
        List<ImplicitParams> implicits = List.of(params.implicit().withChosen(4, 5, false),
                params.implicit().withChosen(6, 20, true));

        FoldFitter shared = new FoldFitter(films, reviewers, indexed);
        for (ImplicitParams implicit : implicits) {
            FoldFitter.Fit reused = shared.fit(reviews, rated, params, explicit, implicit, ranking);
            FoldFitter.Fit fresh = new FoldFitter(films, reviewers, indexed).fit(reviews, rated, params, explicit,
                    implicit, ranking);
            for (String table : List.of(ModelTables.REVIEWERS, ModelTables.FILMS)) {
                assertThat(sorted(reused.tables().get(table))).as(table).isEqualTo(sorted(fresh.tables().get(table)));
            }
            assertSameModel(reused.ranking(), fresh.ranking());
        }
    }

    private static List<String> sorted(Dataset<Row> table) {
        return table.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static void assertSameModel(RankingModels.Indexed a, RankingModels.Indexed b) {
        assertThat(a.reviewerIds()).containsExactly(b.reviewerIds());
        assertThat(a.filmIds()).containsExactly(b.filmIds());
        RankingModel x = a.model();
        RankingModel y = b.model();
        assertThat(x.opinions().film()).containsExactly(y.opinions().film());
        assertThat(x.opinions().norm()).containsExactly(y.opinions().norm());
        for (int r = 0; r < x.reviewerCount(); r++) {
            for (int f = 0; f < x.filmCount(); f++) {
                assertThat(x.predict(r, f)).isEqualTo(y.predict(r, f));
            }
        }
    }
}
