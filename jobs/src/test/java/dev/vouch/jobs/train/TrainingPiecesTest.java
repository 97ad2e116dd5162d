package dev.vouch.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vouch.jobs.common.TestSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.mahout.math.stats.LogLikelihood;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The training building blocks on tiny inline data: biases, LLR, the search, and a planted-factor RMSE bound. */
class TrainingPiecesTest {
    private static final SparkSession SPARK = TestSpark.get();
    private static final StructType RATINGS = new StructType().add(BiasedAls.REVIEWER, DataTypes.IntegerType)
            .add(BiasedAls.FILM, DataTypes.IntegerType).add(BiasedAls.RATING, DataTypes.DoubleType)
            .add("scale_max", DataTypes.DoubleType);

    private static Dataset<Row> ratings(double[][] rows) {
        List<Row> out = new ArrayList<>();
        for (double[] r : rows) {
            out.add(RowFactory.create((int) r[0], (int) r[1], r[2], 5.0));
        }
        return SPARK.createDataFrame(out, RATINGS);
    }

    @Test
    void biasesAreDampedMeansOfWhatIsLeftFilmFirstThenReviewer() {
        // reviewer 0 rates films 0,1 at 1.0, 0.6; reviewer 1 rates film 0 at 0.8. μ = 0.8.
        Biases b = Biases.fit(ratings(new double[][] {{0, 0, 1.0}, {0, 1, 0.6}, {1, 0, 0.8}}), 1.0);
        assertThat(b.globalMean()).isCloseTo(0.8, within(1e-12));
        Map<Integer, Double> film = new HashMap<>();
        b.films().collectAsList().forEach(r -> film.put(r.getInt(0), r.getDouble(1)));
        // film 0: (0.2 + 0.0) / (2 + 1); film 1: (−0.2) / (1 + 1)
        assertThat(film.get(0)).isCloseTo(0.2 / 3, within(1e-12));
        assertThat(film.get(1)).isCloseTo(-0.1, within(1e-12));
        Map<Integer, Double> reviewer = new HashMap<>();
        b.reviewers().collectAsList().forEach(r -> reviewer.put(r.getInt(0), r.getDouble(1)));
        // reviewer 0: ((1.0 − 0.8 − 0.2/3) + (0.6 − 0.8 + 0.1)) / (2 + 1)
        assertThat(reviewer.get(0)).isCloseTo(((0.2 - 0.2 / 3) + (-0.1)) / 3, within(1e-12));
        // an unknown pair gets the global mean
        Row unknown = b.apply(ratings(new double[][] {{7, 9, 0.5}})).select("baseline").first();
        assertThat(unknown.getDouble(0)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void llrKeepsItemsSeenTogetherMoreThanChanceBestFirst() {
        // a and b always together; c with a twice in three; d alone in many baskets (so a–d never co-occur).
        List<Row> rows = new ArrayList<>();
        for (int basket = 0; basket < 6; basket++) {
            rows.add(RowFactory.create("u" + basket, "a"));
            rows.add(RowFactory.create("u" + basket, "b"));
        }
        rows.add(RowFactory.create("u0", "c"));
        rows.add(RowFactory.create("u1", "c"));
        rows.add(RowFactory.create("u7", "c"));
        for (int basket = 8; basket < 14; basket++) {
            rows.add(RowFactory.create("u" + basket, "d"));
        }
        Dataset<Row> basketItem = SPARK.createDataFrame(rows, new StructType().add("basket", DataTypes.StringType)
                .add("item", DataTypes.StringType));
        List<Row> similar = Llr.similar(basketItem, 100, 5, 1, 42).filter("item = 'a'").collectAsList();
        assertThat(similar).extracting(r -> r.getString(1)).containsExactly("b", "c");
        // 13 baskets: a–b k11 6, k12 0, k21 0, k22 7 — the value is Mahout's own
        assertThat(similar.get(0).getDouble(2)).isCloseTo(LogLikelihood.logLikelihoodRatio(6, 0, 0, 7), within(1e-9));
        assertThat(similar.get(0).getDouble(2)).isGreaterThan(similar.get(1).getDouble(2));
    }

    /** Ratings from planted rank-2 factors plus biases, normalised to [0, 1], with a seeded 20 % held out. */
    private static Dataset<Row>[] planted(int reviewers, int films, long seed) {
        Random random = new Random(seed);
        double[][] u = new double[reviewers][2];
        double[][] v = new double[films][2];
        for (double[] x : u) {
            x[0] = random.nextGaussian() * 0.3;
            x[1] = random.nextGaussian() * 0.3;
        }
        for (double[] x : v) {
            x[0] = random.nextGaussian() * 0.3;
            x[1] = random.nextGaussian() * 0.3;
        }
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        for (int r = 0; r < reviewers; r++) {
            for (int f = 0; f < films; f++) {
                if (random.nextDouble() < 0.5) {
                    double rating = Math.max(0, Math.min(1, 0.6 + u[r][0] * v[f][0] + u[r][1] * v[f][1]
                            + 0.05 * ((r % 3) - 1)));
                    (random.nextDouble() < 0.2 ? test : train).add(new double[] {r, f, rating});
                }
            }
        }
        @SuppressWarnings("unchecked")
        Dataset<Row>[] out = new Dataset[] {ratings(train.toArray(double[][]::new)),
                ratings(test.toArray(double[][]::new))};
        return out;
    }

    @Test
    void biasedAlsRecoversPlantedFactorsWithinAnRmseBound() {
        // In the style of Spark's ALSSuite.testALS(…, targetRMSE): noise-free planted data must be fitted closely.
        Dataset<Row>[] split = planted(60, 50, 7);
        BiasedAlsModel model = new BiasedAls(4, 0.01, 12, 1.0, 42).fit(split[0]);
        double rmse = HyperSearch.rmse(model.predict(split[1]));
        double biasesOnly = HyperSearch.rmse(model.biases().apply(split[1]).withColumn(BiasedAls.PREDICTION,
                org.apache.spark.sql.functions.col("baseline")));
        assertThat(rmse).as("held-out RMSE on the 0..5 scale (biases alone: %.3f)", biasesOnly).isLessThan(0.3);
        assertThat(rmse).as("biases alone: %.3f", biasesOnly).isLessThan(biasesOnly * 0.6);
    }

    @Test
    void theSearchTriesEveryCandidateAndKeepsTheLowestValidationRmse() {
        Dataset<Row>[] split = planted(40, 40, 11);
        TrainParams params = TrainParams.defaults().withSearch(true);
        params = new TrainParams(params.rank(), params.regParam(), 6, params.biasReg(), true, List.of(1, 4),
                List.of(0.01, 1.0), 0.2, params.maxLikedPerReviewer(), params.topSimilar(), 42, params.implicit());
        HyperSearch.Result result = HyperSearch.run(split[0], params);
        assertThat(result.candidates()).hasSize(4);
        HyperSearch.Candidate best = result.candidates().stream()
                .min(java.util.Comparator.comparingDouble(HyperSearch.Candidate::validationRmse)).orElseThrow();
        assertThat(result.chosen().rank()).isEqualTo(best.rank());
        assertThat(result.chosen().regParam()).isEqualTo(best.regParam());
        assertThat(result.chosen().search()).isFalse();
        // a heavily regularised model cannot win on planted low-rank data
        assertThat(best.regParam()).isEqualTo(0.01);
        long validation = split[0].filter(HyperSearch.isValidation(params)).count();
        assertThat(validation / (double) split[0].count()).isBetween(0.1, 0.3);
        assertThat(split[0].filter(HyperSearch.isValidation(params)).count()).isEqualTo(validation);
    }
}
