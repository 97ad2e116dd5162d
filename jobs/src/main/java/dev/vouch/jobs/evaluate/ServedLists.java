package dev.vouch.jobs.evaluate;

import dev.vouch.engine.RankParams;
import dev.vouch.jobs.common.JsonText;
import dev.vouch.jobs.common.VouchException;
import dev.vouch.jobs.publish.ModelPublisher;
import dev.vouch.jobs.train.ModelBuilder;
import dev.vouch.jobs.train.ModelManifest;
import dev.vouch.jobs.train.TrainParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Proof that what is evaluated is what is served: publishes fold 1's model exactly as {@code vouch train} would
 * (same tables, the ranking tables that were ranked with), and writes {@value #FILE} beside it: requests of every
 * kind a site sends, each with the films the evaluator's ranking answered. Serving loads the version and must
 * answer the same lists (serving's {@code EvaluateEqualsServeIT}).
 */
final class ServedLists {
    static final String FILE = "served-lists.jsonl";
    /** Reviewers whose requests are written. */
    static final int REVIEWERS = 25;

    private ServedLists() {}

    static void publish(SparkSession spark, EvaluationData data, FoldFitter.Fit fit, TrainParams chosen,
                        RankParams ranking, String modelsDir, ServedModel served, FoldSplit split) {
        ModelBuilder builder = new ModelBuilder(data.trainingReviews(split.fold, new int[0]), chosen);
        ModelPublisher publisher = new ModelPublisher(spark, modelsDir);
        try (ModelPublisher.Lease lease = publisher.lock("evaluate --publish-fold")) {
            ModelPublisher.Draft draft = publisher.draft();
            for (Map.Entry<String, Dataset<Row>> t : builder.build(fit.tables()).entrySet()) {
                draft.write(t.getKey(), t.getValue());
            }
            Map<String, Object> evaluation = new LinkedHashMap<>();
            evaluation.put("method", "fold " + (split.fold + 1) + " of vouch evaluate: trained on the other folds");
            draft.commit(ModelManifest.fields(String.valueOf(data.snapshot().get("path")), fit.explicit().globalMean(),
                    chosen, ranking, Map.of(), evaluation));
        }
        write(Path.of(modelsDir).resolve(FILE), requests(data, served, split));
    }

    private static List<Map<String, Object>> requests(EvaluationData data, ServedModel served, FoldSplit split) {
        int[] reviewers = Arrays.stream(FoldEvaluator.sample(split.relevant(0).keySet(), REVIEWERS, 1))
                .filter(r -> split.trainFilms[r].length <= dev.vouch.engine.Ranker.Request.MAX_RATINGS).toArray();
        Map<Integer, Map<Integer, Double>> scores = scores(data.table(), split, reviewers);
        List<Map<String, Object>> out = new ArrayList<>();
        int k = FoldEvaluator.K;
        for (int j = 0; j < reviewers.length; j++) {
            int u = reviewers[j];
            int v = reviewers[(j + 1) % reviewers.length];
            int[] films = split.trainFilms[u];
            double[] norms = split.trainRatings[u];
            List<Map<String, Object>> ratings = new ArrayList<>();
            for (int f : films) {
                ratings.add(Map.of("film", data.filmIds()[f], "score", scores.get(u).get(f)));
            }
            List<String> seen = Arrays.stream(films).mapToObj(f -> data.filmIds()[f]).toList();
            String uId = data.reviewerIds()[u];
            String vId = data.reviewerIds()[v];
            out.add(entry("get", List.of(uId), List.of(), List.of(),
                    served.suggest(new int[] {u}, new int[0], new double[0], new int[0], k), data));
            out.add(entry("known", List.of(uId), seen, List.of(),
                    served.suggest(new int[] {u}, new int[0], new double[0], films, k), data));
            out.add(entry("ratings", List.of(), List.of(), ratings,
                    served.suggest(new int[0], films, norms, new int[0], k), data));
            out.add(entry("both", List.of(vId), List.of(), ratings,
                    served.suggest(new int[] {v}, films, norms, new int[0], k), data));
        }
        return out;
    }

    private static Map<String, Object> entry(String kind, List<String> trusted, List<String> seen,
                                             List<Map<String, Object>> ratings, int[] answer, EvaluationData data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("trusted", trusted);
        m.put("seen", seen);
        m.put("ratings", ratings);
        m.put("films", Arrays.stream(answer).mapToObj(f -> data.filmIds()[f]).toList());
        return m;
    }

    /**
     * The reviewers' training ratings as a site would send them: on the film's published scale (the largest scale
     * it is rated on in training, as the published films table has it), which is the reviewer's own scale unless the film is also rated on
     * a larger one (a critic's film that the synthetic world rates out of 5 is published out of 10).
     */
    private static Map<Integer, Map<Integer, Double>> scores(RatingTable table, FoldSplit split, int[] reviewers) {
        Map<Integer, Double> filmScale = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            if (table.fold[i] != split.fold) { // the published model is built from the training part
                filmScale.merge(table.film[i], table.scaleMax[i], Math::max);
            }
        }
        Map<Integer, Map<Integer, Double>> out = new HashMap<>();
        Arrays.stream(reviewers).forEach(r -> out.put(r, new HashMap<>()));
        for (int i = 0; i < table.size(); i++) {
            Map<Integer, Double> m = out.get(table.reviewer[i]);
            if (m != null && table.fold[i] != split.fold) {
                double max = filmScale.get(table.film[i]);
                // Rounded so that score / max gives back the very norm the evaluator folded in.
                m.put(table.film[i], max == table.scaleMax[i] ? table.score[i]
                        : Math.round(table.norm[i] * max * 1e9) / 1e9);
            }
        }
        return out;
    }

    private static void write(Path file, List<Map<String, Object>> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(JsonText.oneLine(l)).append('\n'));
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VouchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
