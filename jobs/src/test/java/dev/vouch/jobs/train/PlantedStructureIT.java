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
        List<Row> films = spark.read().parquet(model.resolve("films").toString()).filter("factors is not null")
                .select("film_id", "factors").collectAsList();
        int same = 0;
        int total = 0;
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
            total++;
            same += film(a.getString(0)).equals(film(best.getString(0))) ? 1 : 0;
        }
        assertThat(same / (double) total).as("nearest film by factor cosine in the same group").isGreaterThan(0.7);
    }

    @Test
    void kindredReviewersAreMostlyFromTheReviewersGroup() {
        List<Row> rows = spark.read().parquet(model.resolve("kindred").toString()).collectAsList();
        assertThat(rows).hasSizeGreaterThan(100);
        double same = rows.stream().filter(r -> reviewer(r.getString(0)).equals(reviewer(r.getString(1)))).count()
                / (double) rows.size();
        assertThat(same).as("share of kindred reviewers in the reviewer's own group").isGreaterThan(0.7);
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
