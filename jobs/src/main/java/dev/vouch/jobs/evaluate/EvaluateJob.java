package dev.vouch.jobs.evaluate;

import static dev.vouch.jobs.evaluate.EvaluationResult.*;

import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.train.BiasedAls;
import dev.vouch.jobs.train.BiasedAlsModel;
import dev.vouch.jobs.train.HyperSearch;
import dev.vouch.jobs.train.TrainParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * k-fold cross-validation of our model and the baselines on the latest snapshot of a warehouse. Spark fits our
 * model per fold; the driver scores every model on the same folds (see {@link FoldEvaluator}, {@link TrustEvaluator}).
 */
public final class EvaluateJob {
    private final SparkSession spark;
    private final Progress progress;

    public EvaluateJob(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    EvaluationResult run(String warehouseDir, EvaluateParams params) {
        long start = System.nanoTime();
        progress.step("reading the latest snapshot of " + warehouseDir + " and assigning " + params.folds() + " folds");
        EvaluationData data = EvaluationData.load(spark, warehouseDir, params.folds(), params.seed());
        progress.note(data.snapshot().get("scored_opinions") + " scored opinions, " + data.snapshot().get("reviewers")
                + " reviewers, " + data.snapshot().get("films") + " films, " + data.truster().length + " trust edges");

        TrainParams chosen = params.train();
        List<HyperSearch.Candidate> candidates = List.of();
        long searchStart = System.nanoTime();
        if (chosen.search()) {
            progress.step("searching rank × reg-param on the training part of fold 1 (its held-out part unseen)");
            HyperSearch.Result search = HyperSearch.run(data.training(0), chosen);
            chosen = search.chosen();
            candidates = search.candidates();
            candidates.forEach(c -> progress.note(String.format("rank %d, reg %.3f: validation RMSE %.4f",
                    c.rank(), c.regParam(), c.validationRmse())));
        }
        progress.note(String.format("using rank %d, reg-param %.3f, %d iterations, bias damping %.1f", chosen.rank(),
                chosen.regParam(), chosen.maxIter(), chosen.biasReg()));
        PriorRanking.Choice prior = choosePrior(data, params, chosen);
        double searchSeconds = (System.nanoTime() - searchStart) / 1e9;

        List<FoldOutcome> folds = new ArrayList<>();
        for (int f = 0; f < params.folds(); f++) {
            folds.add(fold(data, f, params, chosen, prior.weight()));
        }
        return new EvaluationResult(params, chosen, candidates, prior, data.snapshot(), data.scoreCounts(), folds,
                searchSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** The ranking's popularity weight, tuned on an inner split of fold 1's training part only. */
    private PriorRanking.Choice choosePrior(EvaluationData data, EvaluateParams params, TrainParams chosen) {
        progress.step("choosing the ranking's popularity weight on an inner split of fold 1's training part");
        FoldSplit inner = new FoldSplit(data.table().innerSplit(0), 0);
        FactorModel model = FactorModel.collect(new BiasedAls(chosen).fit(data.innerTraining(0)), inner);
        PriorRanking.Choice choice = PriorRanking.choose(model, inner, params.maxRanked(), params.seed());
        choice.candidates().forEach(c -> progress.note(String.format("weight %.2f: validation NDCG@10 %.4f",
                c.weight(), c.ndcg())));
        progress.note(String.format("using weight %.2f (popularity alone: %.4f)", choice.weight(),
                choice.popularityNdcg()));
        return choice;
    }

    private FoldOutcome fold(EvaluationData data, int f, EvaluateParams params, TrainParams chosen, double weight) {
        String name = "fold " + (f + 1) + "/" + params.folds();
        progress.step(name + ": fitting biased ALS on the other folds");
        long fitStart = System.nanoTime();
        BiasedAlsModel fitted = new BiasedAls(chosen).fit(data.training(f));
        FoldSplit split = new FoldSplit(data.table(), f);
        FactorModel ours = FactorModel.collect(fitted, split);
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;

        Map<Integer, Set<Integer>> relevant = split.relevant();
        int[] ranked = FoldEvaluator.sample(relevant.keySet(), params.maxRanked(), params.seed() + f);
        progress.step(String.format("%s: scoring %d held-out ratings and the top 10 of %d reviewers (of %d with liked"
                + " held-out films)", name, split.testRows.length, ranked.length, relevant.size()));
        FoldEvaluator evaluator = new FoldEvaluator(split, relevant, ranked);
        Map<String, FoldModel> models = new LinkedHashMap<>();
        PriorRanking ranking = new PriorRanking(ours, split, weight);
        models.put(MODEL, ranking);
        models.put(MODEL_PREDICTION_ONLY, ours);
        models.put(GLOBAL_MEAN, new GlobalMeanModel(split));
        models.put(BIASES, ours.biasesOnly());
        models.put(POPULARITY, new PopularityModel(split));
        List<ModelScores> scores = new ArrayList<>();
        for (Map.Entry<String, FoldModel> m : models.entrySet()) {
            scores.add(note(evaluator.evaluate(m.getKey(), m.getValue())));
        }
        // Built last: Mahout's similarity cache is the biggest object of a fold.
        scores.add(note(evaluator.evaluate(MAHOUT, new MahoutItemKnn(split))));

        TrustScores trust = null;
        if (data.truster().length > 0) {
            progress.step(name + ": trust evaluation over " + data.truster().length + " trust edges");
            trust = new TrustEvaluator(split, relevant, ranking).evaluate(data.truster(), data.trustee());
            progress.note(String.format("%d edges: trustee's list NDCG@10 %.4f vs popularity %.4f (wins %d, losses %d)",
                    trust.edges(), trust.trusteeNdcg(), trust.popularityNdcg(), trust.wins(), trust.losses()));
        }
        return new FoldOutcome(f, split.trainSize, split.testRows.length, ranked.length, fitSeconds, scores, trust);
    }

    private ModelScores note(ModelScores s) {
        progress.note(String.format("%-16s RMSE %s  MAE %s  NDCG@10 %s  (%.1f s%s)", s.model(), fmt(s.rmse()),
                fmt(s.mae()), fmt(s.ndcgAt10()), s.seconds(), s.fallbacks() > 0 ? ", " + s.fallbacks() + " fallbacks" : ""));
        return s;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "  –   " : String.format("%.4f", v);
    }
}
