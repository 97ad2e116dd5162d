package dev.vouch.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.engine.RankParams;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.publish.ModelTables;
import dev.vouch.jobs.train.ModelManifest;
import dev.vouch.jobs.train.RankingModels;
import dev.vouch.jobs.train.TrainParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Train's blend tuning reads only the reviewers it samples ({@link RankingTuner#reviewersRead}): given a model with
 * only their opinions and only their validation rows, {@link RankingTuner#tune} makes the same choice, with the same
 * NDCG for every candidate, as with every opinion and every validation row.
 */
class RankingTunerTest {
    private static final SparkSession SPARK = TestSpark.get();
    private static final int RANK = 3;

    private static List<Double> factors(Random random) {
        List<Double> v = new ArrayList<>();
        for (int k = 0; k < RANK; k++) {
            v.add(random.nextGaussian() * 0.5);
        }
        return v;
    }

    @Test
    void theSampledReviewersAloneGiveTheSameChoice() {
        Random random = new Random(3);
        int reviewers = 80;
        int films = 120;
        StructType reviewerSchema = new StructType().add("reviewer_id", DataTypes.StringType)
                .add("bias", DataTypes.DoubleType).add("mean_norm", DataTypes.DoubleType)
                .add("sd_norm", DataTypes.DoubleType).add("factors", DataTypes.createArrayType(DataTypes.DoubleType))
                .add(ModelTables.IMPLICIT_FACTORS, DataTypes.createArrayType(DataTypes.DoubleType));
        StructType filmSchema = new StructType().add("film_id", DataTypes.StringType).add("bias", DataTypes.DoubleType)
                .add("n_ratings", DataTypes.IntegerType).add("factors", DataTypes.createArrayType(DataTypes.DoubleType))
                .add(ModelTables.IMPLICIT_FACTORS, DataTypes.createArrayType(DataTypes.DoubleType));
        List<Row> reviewerRows = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            reviewerRows.add(RowFactory.create(String.format("r%03d", r), random.nextGaussian() * 0.05, 0.6, 0.2,
                    factors(random).toArray(), factors(random).toArray()));
        }
        List<Row> filmRows = new ArrayList<>();
        for (int f = 0; f < films; f++) {
            filmRows.add(RowFactory.create(String.format("f%03d", f), random.nextGaussian() * 0.05,
                    films - f + random.nextInt(20), factors(random).toArray(), factors(random).toArray()));
        }
        List<Row> opinions = new ArrayList<>();
        List<Row> validation = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            String id = String.format("r%03d", r);
            int n = 1 + random.nextInt(15); // every reviewer of the model has opinions
            for (int k = 0; k < n; k++) {
                opinions.add(RowFactory.create(id, String.format("f%03d", random.nextInt(films)),
                        random.nextInt(11) / 10.0));
            }
            for (int k = random.nextInt(6); k > 0; k--) {
                // a few validation films the model does not know
                // popular (low-numbered) films more often, so that popularity is a real baseline
                String film = random.nextInt(8) == 0 ? "unknown" + k
                        : String.format("f%03d", (int) (Math.pow(random.nextDouble(), 2) * films));
                validation.add(RowFactory.create(id, film, random.nextInt(11) / 10.0));
            }
        }
        List<Row> trust = new ArrayList<>();
        for (int k = 0; k < 150; k++) {
            trust.add(RowFactory.create(String.format("r%03d", random.nextInt(reviewers + 5)),
                    String.format("r%03d", random.nextInt(reviewers + 5))));
        }
        Dataset<Row> reviewerTable = SPARK.createDataFrame(reviewerRows, reviewerSchema);
        Dataset<Row> filmTable = SPARK.createDataFrame(filmRows, filmSchema);
        RankParams params = ModelManifest.defaultRanking(TrainParams.defaults());
        RankingModels.Indexed full = RankingModels.collect(reviewerTable, filmTable, opinions, 0.6, RANK, RANK, params);
        RankingModels.Indexed bare = RankingModels.collect(reviewerTable, filmTable, List.of(), 0.6, RANK, RANK,
                params);
        int max = 20;
        List<String> relevantIds = validation.stream()
                .filter(v -> v.getDouble(2) >= RankingTuner.DEFAULT_RELEVANT_AT - 1e-9 && bare.film(v.getString(1)) >= 0)
                .map(v -> v.getString(0)).distinct().toList();
        Set<String> read = RankingTuner.reviewersRead(bare, relevantIds, trust, max, 42);
        assertThat(relevantIds.size()).isGreaterThan(max);
        assertThat(read.size()).isGreaterThan(max).isLessThan(reviewers);

        RankingModels.Indexed partial = RankingModels.withOpinions(bare,
                opinions.stream().filter(o -> read.contains(o.getString(0))).toList());
        RankingTuner.Choice all = RankingTuner.tune(full, validation, trust, RankingTuner.DEFAULT_RELEVANT_AT, max, 42);
        RankingTuner.Choice some = RankingTuner.tune(partial, validation.stream()
                .filter(v -> read.contains(v.getString(0))).toList(), trust, RankingTuner.DEFAULT_RELEVANT_AT, max, 42);
        assertThat(all.reviewers()).isEqualTo(max);
        assertThat(all.popularityNdcg()).isPositive();
        assertThat(some.candidates()).isEqualTo(all.candidates());
        assertThat(some.params()).isEqualTo(all.params());
        assertThat(some.reviewers()).isEqualTo(all.reviewers());
        assertThat(some.popularityNdcg()).isEqualTo(all.popularityNdcg());
        assertThat(some.personalHalves()).hasSameSizeAs(all.personalHalves()).isNotEmpty();
        for (int i = 0; i < all.personalHalves().size(); i++) {
            assertThat(some.personalHalves().get(i)).containsExactly(all.personalHalves().get(i));
        }
        // The test can tell: leave out one sampled reviewer's opinions and the sample, so the figures, change.
        java.util.Set<Integer> relevant = new java.util.TreeSet<>();
        relevantIds.forEach(id -> relevant.add(bare.reviewer(id)));
        String dropped = bare.reviewerIds()[FoldEvaluator.sample(relevant, max, 42)[0]];
        RankingModels.Indexed missing = RankingModels.withOpinions(bare, opinions.stream()
                .filter(o -> read.contains(o.getString(0)) && !o.getString(0).equals(dropped)).toList());
        assertThat(RankingTuner.tune(missing, validation, trust, RankingTuner.DEFAULT_RELEVANT_AT, max, 42).candidates())
                .isNotEqualTo(all.candidates());
    }
}
