package dev.vouch.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.generate.SyntheticOpinions;
import dev.vouch.jobs.ingest.IngestJob;
import dev.vouch.jobs.ingest.IngestRequest;
import dev.vouch.jobs.ingest.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * On seeded synthetic data with planted taste groups, the model must recover the groups: a film's nearest films
 * (LLR co-liked, and ALS factor cosine) and a reviewer's kindred reviewers come mostly from the same group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedStructureIT {
    private final SparkSession spark = TestSpark.get();
    private final Map<String, String> groupOf = new HashMap<>();
    private Path model;

    @BeforeAll
    void trainOnSyntheticData(@TempDir Path tmp) throws IOException {
        Path synthetic = tmp.resolve("synthetic");
        SyntheticOpinions.write(synthetic, SyntheticOpinions.Params.defaults().withSize(120, 300, 6_000).withSeed(7));
        List<String> groups = Files.readAllLines(synthetic.resolve("groups.csv"));
        for (String line : groups.subList(1, groups.size())) {
            String[] f = line.split(",");
            groupOf.put("synthetic:" + f[1] + (f[0].equals("user") ? "/u" : "/m"), f[2]);
        }
        String wh = tmp.resolve("wh").toString();
        new IngestJob(spark, Progress.quiet()).run(new IngestRequest(SourceFormat.MOVIELENS, synthetic.toString(), wh,
                "synthetic", null, null, null));
        TrainParams p = TrainParams.defaults().withSearch(false).withChosen(8, 0.03);
        TrainModelJob.Summary s = new TrainModelJob(spark, Progress.quiet()).run(wh, tmp.resolve("models").toString(), p);
        model = Path.of(s.path());
    }

    private String film(String id) {
        return groupOf.get(id + "/m");
    }

    private String reviewer(String id) {
        return groupOf.get(id + "/u");
    }

    @Test
    void coLikedNeighboursOfAFilmAreMostlyFromItsGroup() {
        List<Row> rows = spark.read().parquet(model.resolve("similar_films").toString())
                .filter("kind = 'co_liked'").collectAsList();
        assertThat(rows).hasSizeGreaterThan(300);
        double same = rows.stream().filter(r -> film(r.getString(0)).equals(film(r.getString(1)))).count()
                / (double) rows.size();
        assertThat(same).as("share of co-liked neighbours in the film's own group").isGreaterThan(0.7);
    }

    @Test
    void factorNeighboursOfAFilmAreMostlyFromItsGroup() {
        assertThat(nearestInSameGroup("factors")).as("nearest film by factor cosine in the same group")
                .isGreaterThan(0.7);
    }

    @Test
    void kindredReviewersAreMostlyFromTheReviewersGroup() {
        List<Row> rows = spark.read().parquet(model.resolve("kindred").toString()).collectAsList();
        assertThat(rows).hasSizeGreaterThan(100);
        double same = rows.stream().filter(r -> reviewer(r.getString(0)).equals(reviewer(r.getString(1)))).count()
                / (double) rows.size();
        assertThat(same).as("share of kindred reviewers in the reviewer's own group").isGreaterThan(0.7);
    }

    @Test
    void implicitFactorsSeeTheGroupsAndTheRankingIsTunedAndPublished() throws IOException {
        assertThat(nearestInSameGroup("implicit_factors")).as("nearest film by implicit factors in the same group")
                .isGreaterThan(0.7);
        com.fasterxml.jackson.databind.JsonNode ranking = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(model.resolve("manifest.json").toFile()).get("ranking");
        assertThat(ranking.get("implicit_rank").asInt()).isEqualTo(TrainParams.defaults().implicit().rank());
        assertThat(ranking.get("implicit_confidence").asText()).isEqualTo("rating");
        assertThat(ranking.get("tuning").get("candidates")).hasSize(dev.vouch.jobs.evaluate.RankingTuner.GRID.size());
        assertThat(ranking.get("tuning").get("validation_ndcg_at_10").asDouble())
                .isGreaterThan(ranking.get("tuning").get("popularity_ndcg_at_10").asDouble());
    }

    /**
     * The published reviewer_lists are what the engine's dense view gives each reviewer of the published tables (the
     * list serving would otherwise compute): every reviewer, films in order, scores to the bit.
     */
    @Test
    void publishedListsAreTheEnginesListsOfThePublishedModel() throws IOException {
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(model.resolve("manifest.json").toFile());
        com.fasterxml.jackson.databind.JsonNode r = manifest.get("ranking");
        dev.vouch.engine.RankParams params = new dev.vouch.engine.RankParams(r.get("implicit_weight").asDouble(),
                r.get("rating_weight").asDouble(), r.get("popularity_weight").asDouble(),
                r.get("personal_half").asDouble(), r.get("reg_param").asDouble(), r.get("bias_reg").asDouble(),
                r.get("implicit_reg_param").asDouble(), r.get("implicit_alpha").asDouble(),
                r.get("implicit_confidence").asText().equals("rating"));
        RankingModels.Indexed indexed = RankingModels.collect(
                spark.read().parquet(model.resolve("reviewers").toString()),
                spark.read().parquet(model.resolve("films").toString()),
                spark.read().parquet(model.resolve("opinions").toString()), manifest.get("global_mean").asDouble(),
                manifest.get("rank").asInt(), r.get("implicit_rank").asInt(), params);
        assertThat(manifest.get("tables").get("reviewer_lists").get("rows").asLong())
                .isEqualTo(indexed.reviewerIds().length);
        List<Row> lists = spark.read().parquet(model.resolve("reviewer_lists").toString()).collectAsList();
        assertThat(lists).hasSize(indexed.reviewerIds().length);
        int cut = 0;
        for (Row row : lists) {
            int reviewer = indexed.reviewer(row.getString(0));
            dev.vouch.engine.TopList dense = dev.vouch.engine.TopList.of(indexed.model(),
                    dev.vouch.engine.ReviewerView.of(indexed.model(), reviewer));
            List<String> films = row.getList(1);
            List<Float> scores = row.getList(2);
            assertThat(films).as("films of " + row.getString(0)).containsExactly(
                    java.util.Arrays.stream(dense.films()).mapToObj(f -> indexed.filmIds()[f]).toArray(String[]::new));
            for (int i = 0; i < scores.size(); i++) {
                assertThat(Float.floatToIntBits(scores.get(i))).isEqualTo(Float.floatToIntBits(dense.scores()[i]));
            }
            assertThat(row.getBoolean(3)).isEqualTo(dense.complete());
            cut += dense.complete() ? 0 : 1;
        }
        // 300 films: a reviewer's list is cut at its first 500 only when more than 500 films qualify, which they
        // cannot here; every list is complete and non-empty lists are the norm
        assertThat(cut).isZero();
        assertThat(lists.stream().filter(l -> l.getList(1).size() > 50).count()).isGreaterThan(60);
    }

    /**
     * Serving folds a reader into the implicit model with Spark's own user step: folding a trained reviewer's films
     * in again gives back the factors Spark trained for them (ALS solves users last, given the final film factors).
     */
    @Test
    void theEnginesImplicitFoldInIsSparksUserStep() throws IOException {
        com.fasterxml.jackson.databind.JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(model.resolve("manifest.json").toFile());
        com.fasterxml.jackson.databind.JsonNode r = manifest.get("ranking");
        dev.vouch.engine.RankParams params = new dev.vouch.engine.RankParams(1, 0.1, 0, 5,
                r.get("reg_param").asDouble(), r.get("bias_reg").asDouble(), r.get("implicit_reg_param").asDouble(),
                r.get("implicit_alpha").asDouble(), r.get("implicit_confidence").asText().equals("rating"));
        RankingModels.Indexed indexed = RankingModels.collect(
                spark.read().parquet(model.resolve("reviewers").toString()),
                spark.read().parquet(model.resolve("films").toString()),
                spark.read().parquet(model.resolve("opinions").toString()), manifest.get("global_mean").asDouble(),
                manifest.get("rank").asInt(), r.get("implicit_rank").asInt(), params);
        dev.vouch.engine.RankingModel m = indexed.model();
        int checked = 0;
        for (int reviewer = 0; reviewer < m.reviewerCount() && checked < 20; reviewer++) {
            int from = m.opinions().start()[reviewer];
            int to = m.opinions().start()[reviewer + 1];
            if (!m.reviewers().implicit().has(reviewer) || to - from < 5) {
                continue;
            }
            int[] films = java.util.Arrays.copyOfRange(m.opinions().film(), from, to);
            double[] norms = new double[films.length];
            for (int i = 0; i < norms.length; i++) {
                norms[i] = m.opinions().norm()[from + i];
            }
            float[] folded = dev.vouch.engine.ReaderProfile.fold(m, films, norms).implicitFactors();
            float[] trained = m.reviewers().implicit().row(reviewer);
            List<Float> a = new java.util.ArrayList<>();
            List<Float> b = new java.util.ArrayList<>();
            for (int k = 0; k < folded.length; k++) {
                a.add(folded[k]);
                b.add(trained[k]);
            }
            assertThat(cosine(a, b)).as("fold-in vs trained factors of " + indexed.reviewerIds()[reviewer])
                    .isGreaterThan(0.999);
            checked++;
        }
        assertThat(checked).isEqualTo(20);
    }

    /** Share of films whose nearest other film by cosine of this factor column is in the same planted group. */
    private double nearestInSameGroup(String column) {
        List<Row> films = spark.read().parquet(model.resolve("films").toString()).filter(column + " is not null")
                .select("film_id", column).collectAsList();
        int same = 0;
        for (Row a : films) {
            Row best = null;
            double bestCos = -2;
            for (Row b : films) {
                double c = cosine(a.getList(1), b.getList(1));
                if (a != b && c > bestCos) {
                    bestCos = c;
                    best = b;
                }
            }
            same += film(a.getString(0)).equals(film(best.getString(0))) ? 1 : 0;
        }
        return same / (double) films.size();
    }

    private static double cosine(List<Float> a, List<Float> b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i) * b.get(i);
            na += a.get(i) * a.get(i);
            nb += b.get(i) * b.get(i);
        }
        return dot / Math.sqrt(na * nb + 1e-12);
    }
}
