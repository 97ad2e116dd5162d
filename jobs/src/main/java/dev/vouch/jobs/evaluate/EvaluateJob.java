package dev.vouch.jobs.evaluate;

import static dev.vouch.jobs.evaluate.EvaluationResult.*;

import dev.vouch.engine.RankParams;
import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.train.BiasedAls;
import dev.vouch.jobs.train.BiasedAlsModel;
import dev.vouch.jobs.train.HyperSearch;
import dev.vouch.jobs.train.ImplicitParams;
import dev.vouch.jobs.train.ModelManifest;
import dev.vouch.jobs.train.TrainParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * k-fold cross-validation of what we serve, its peer and the baselines on the latest snapshot of a warehouse. Spark
 * fits the models per fold; every list of ours is then ranked on the driver by the ranking engine that serving runs,
 * from the tables that training would publish ({@link FoldFitter}, {@link ServedModel}).
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
        if (params.criticsOnly()) {
            return critics(data, params, chosen, start);
        }
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
        InnerTuning tuning = tune(data, params, chosen);
        chosen = chosen.withImplicit(tuning.ours());
        double searchSeconds = (System.nanoTime() - searchStart) / 1e9;

        List<FoldOutcome> folds = new ArrayList<>();
        for (int f = 0; f < params.folds(); f++) {
            folds.add(fold(data, f, params, chosen, tuning.peer(), tuning.choice().params()));
        }
        return new EvaluationResult(params, chosen, candidates, tuning.peer(), tuning.candidates(),
                tuning.choice(), data.snapshot(), data.scoreCounts(), folds, searchSeconds,
                (System.nanoTime() - start) / 1e9);
    }

    /** Only the critics scenarios: the given training parameters, the default blend, one fit per fold. */
    private EvaluationResult critics(EvaluationData data, EvaluateParams params, TrainParams chosen, long start) {
        TrainParams train = chosen;
        RankParams ranking = ModelManifest.defaultRanking(train);
        progress.note(String.format("critics only: rank %d, reg-param %.3f, implicit rank %d, alpha %.1f; default "
                        + "blend implicit %.2f, rating %.2f, popularity %.2f (%s confidence)", train.rank(),
                train.regParam(), train.implicit().rank(), train.implicit().alpha(), ranking.implicitWeight(), ranking.ratingWeight(),
                ranking.popularityWeight(), train.implicit().fromRatings() ? "rating" : "watched"));
        List<FoldOutcome> folds = new ArrayList<>();
        for (int f = 0; f < params.folds(); f++) {
            String name = "fold " + (f + 1) + "/" + params.folds();
            progress.step(name + ": fitting the rating and implicit models on the other folds");
            long fitStart = System.nanoTime();
            FoldFitter.Fit fit = data.fitter().fit(data.trainingReviews(f, new int[0]), data.training(f), train,
                    train.implicit(), ranking);
            ServedModel served = new ServedModel(fit.ranking(), data.reviewerIds(), data.filmIds());
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            FoldSplit split = new FoldSplit(data.table(), f);
            List<Scores> scores = new ArrayList<>();
            criticScores(data, split, split.relevant(params.relevantAt()), served, params, f, scores);
            folds.add(new FoldOutcome(f, split.trainSize, split.testRows.length, fitSeconds, scores));
        }
        RankingTuner.Choice choice = new RankingTuner.Choice(ranking, List.of(), Double.NaN, Double.NaN, 0, List.of());
        return new EvaluationResult(params, train, List.of(), train.implicit(), List.of(), choice, data.snapshot(),
                data.scoreCounts(), folds, 0, (System.nanoTime() - start) / 1e9);
    }

    private void criticScores(EvaluationData data, FoldSplit split, Map<Integer, Set<Integer>> relevant,
                              ServedModel served, EvaluateParams params, int f, List<Scores> scores) {
        CriticsEvaluator critics = new CriticsEvaluator(split, served);
        if (data.truster().length > 0) {
            progress.step("fold " + (f + 1) + ": critics: trust recovery");
            critics.trustRecovery(data.truster(), data.trustee(), params.seed() + f).forEach(s -> scores.add(note(s)));
        }
        progress.step("fold " + (f + 1) + ": critics: the wisdom of the few (top 5, 10, 20 matched critics)");
        critics.wisdomOfTheFew(relevant, params.seed() + f).forEach(s -> scores.add(note(s)));
    }

    /**
     * @param peer       the peer's implicit model (who rated what), chosen by its own NDCG@10
     * @param ours       the implicit model our ranking folds into (the peer's, or rating-weighted confidence)
     * @param candidates rank, alpha, rating-weighted (1/0), implicit-only NDCG@10, tuned blend NDCG@10 (NaN if not
     *                   blended)
     */
    private record InnerTuning(ImplicitParams peer, ImplicitParams ours, List<double[]> candidates,
                               RankingTuner.Choice choice) {}

    /**
     * On an inner split of fold 1's training part only: the peer's rank × alpha (best implicit-only NDCG@10); then
     * our implicit model (the peer's, or rating-weighted confidence at the peer's rank) and the blend weights, by the
     * best blended NDCG@10.
     */
    private InnerTuning tune(EvaluationData data, EvaluateParams params, TrainParams chosen) {
        progress.step("tuning on an inner split of fold 1's training part: implicit ALS rank × alpha, then the blend");
        List<Row> validation = data.innerValidation(0);
        BiasedAlsModel explicit = new BiasedAls(chosen).fit(data.innerTraining(0));
        RankParams defaults = ModelManifest.defaultRanking(chosen);
        ImplicitParams grid = chosen.implicit();
        List<double[]> tried = new ArrayList<>();
        FoldFitter.Fit peerFit = null;
        ImplicitParams peer = null;
        double peerNdcg = Double.NEGATIVE_INFINITY;
        for (int rank : grid.ranks()) {
            for (double alpha : grid.alphas()) {
                ImplicitParams candidate = grid.withChosen(rank, alpha, false).withReg(ImplicitParams.DEFAULT_REG);
                FoldFitter.Fit fit = innerFit(data, chosen, explicit, candidate, defaults);
                double ndcg = RankingTuner.implicitNdcg(fit.ranking(), validation, params.relevantAt(),
                        TUNING_REVIEWERS, params.seed());
                tried.add(new double[] {rank, alpha, 0, ndcg, Double.NaN, ImplicitParams.DEFAULT_REG});
                progress.note(String.format("peer: implicit rank %d, alpha %.1f: inner NDCG@10 %.4f", rank, alpha, ndcg));
                if (ndcg > peerNdcg) {
                    peerNdcg = ndcg;
                    peerFit = fit;
                    peer = candidate;
                }
            }
        }
        List<Row> trust = trustRows(data);
        RankingTuner.Choice best = RankingTuner.tune(peerFit.ranking(), validation, trust, params.relevantAt(),
                TUNING_REVIEWERS, params.seed());
        ImplicitParams ours = peer;
        tried.add(new double[] {peer.rank(), peer.alpha(), 0, peerNdcg, bestNdcg(best), peer.regParam()});
        note("ours on the peer's model", peer, best);
        if (grid.fromRatings()) {
            for (double alpha : grid.alphas()) {
                for (double reg : grid.regs()) {
                    ImplicitParams candidate = grid.withChosen(peer.rank(), alpha, true).withReg(reg);
                    FoldFitter.Fit fit = innerFit(data, chosen, explicit, candidate, defaults);
                    RankingTuner.Choice choice = RankingTuner.tune(fit.ranking(), validation, trust,
                            params.relevantAt(), TUNING_REVIEWERS, params.seed());
                    tried.add(new double[] {peer.rank(), alpha, 1, choice.implicitNdcg(), bestNdcg(choice), reg});
                    note("ours, rating-weighted confidence, reg " + reg, candidate, choice);
                    if (bestNdcg(choice) > bestNdcg(best)) {
                        best = choice;
                        ours = candidate;
                    }
                }
            }
        }
        progress.note(String.format("using implicit rank %d, alpha %.1f, reg %.2f, %s confidence; blend implicit %.2f, "
                        + "rating %.2f, popularity %.2f", ours.rank(), ours.alpha(), ours.regParam(),
                ours.fromRatings() ? "rating" : "watched",
                best.params().implicitWeight(), best.params().ratingWeight(), best.params().popularityWeight()));
        return new InnerTuning(peer, ours, tried, best);
    }

    private static List<Row> trustRows(EvaluationData data) {
        List<Row> rows = new ArrayList<>();
        for (int e = 0; e < data.truster().length; e++) {
            rows.add(org.apache.spark.sql.RowFactory.create(data.reviewerIds()[data.truster()[e]],
                    data.reviewerIds()[data.trustee()[e]]));
        }
        return rows;
    }

    /** Reviewers the inner tuning ranks (a seeded sample beyond it): enough to tell weights apart, bounded cost. */
    static final int TUNING_REVIEWERS = 1_000;

    private static FoldFitter.Fit innerFit(EvaluationData data, TrainParams chosen, BiasedAlsModel explicit,
                                           ImplicitParams implicit, RankParams defaults) {
        return data.fitter().fit(data.innerTrainingReviews(0), data.innerTraining(0), chosen, explicit, implicit,
                defaults.withImplicit(implicit.regParam(), implicit.alpha(), implicit.fromRatings()));
    }

    /** The chosen candidate's objective (NDCG@10 over popularity's, with the trust edges' where they exist). */
    private static double bestNdcg(RankingTuner.Choice c) {
        return c.candidates().stream().mapToDouble(RankingTuner.Candidate::objective).max().orElse(Double.NaN);
    }

    private void note(String what, ImplicitParams p, RankingTuner.Choice c) {
        RankingTuner.Candidate chosen = c.candidates().stream()
                .max(java.util.Comparator.comparingDouble(RankingTuner.Candidate::objective)).orElseThrow();
        progress.note(String.format("%s (rank %d, alpha %.1f): implicit alone %.4f, blend %.4f (trustees' lists %.4f; "
                        + "implicit %.2f, rating %.2f, popularity %.2f), popularity %.4f", what, p.rank(), p.alpha(),
                c.implicitNdcg(), chosen.ndcg(), chosen.trustNdcg(), c.params().implicitWeight(),
                c.params().ratingWeight(), c.params().popularityWeight(), c.popularityNdcg()));
    }

    private FoldOutcome fold(EvaluationData data, int f, EvaluateParams params, TrainParams chosen,
                             ImplicitParams peerParams, RankParams ranking) {
        String name = "fold " + (f + 1) + "/" + params.folds();
        progress.step(name + ": fitting the rating and implicit models on the other folds");
        long fitStart = System.nanoTime();
        // The readers' refit (Spark, its own fitter) starts first and runs on its own thread beside this fold's fits
        // and then its scoring (the driver's ranking and Mahout, no Spark): the cores are shared instead of taken in
        // turns, and a fit's gaps between Spark stages are filled by the other's.
        ReaderRefit refit = params.readersShare() > 0 ? ReaderRefit.start(data, f, params, chosen, peerParams,
                ranking) : null;
        Fits fits = fits(data.fitter(), data.trainingReviews(f, new int[0]), data.training(f), chosen, peerParams,
                ranking);
        FoldFitter.Fit fit = fits.ours();
        ServedModel served = fits.served(data);
        ServedModel peer = fits.peer(data);
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;

        FoldSplit split = new FoldSplit(data.table(), f);
        Map<Integer, Set<Integer>> relevant = split.relevant(params.relevantAt());
        int[] ranked = FoldEvaluator.sample(relevant.keySet(), params.maxRanked(), params.seed() + f);
        progress.step(String.format("%s: %d held-out ratings, top 10 of %d known reviewers", name,
                split.testRows.length, ranked.length));
        FoldEvaluator evaluator = new FoldEvaluator(split, relevant, ranked);
        ListMetrics.Endorsement self = (j, film) -> endorses(split, served, ranked[j], film);
        List<Scores> scores = new ArrayList<>();
        scores.add(note(evaluator.ratings(MODEL, FoldModels.served(served, split))));
        scores.add(note(evaluator.ratings(BIASES, FoldModels.biases(served, split))));
        scores.add(note(evaluator.ratings(GLOBAL_MEAN, new GlobalMeanModel(split))));
        scores.add(note(evaluator.ranking(MODEL, FoldModels.served(served, split), self)));
        scores.add(note(evaluator.ranking(IMPLICIT_ALS, FoldModels.implicitAls(peer, split), self)));
        scores.add(note(evaluator.ranking(EXPLICIT_ALS, FoldModels.explicitAls(served, split), self)));
        scores.add(note(evaluator.ranking(POPULARITY, FoldModels.popularity(split), self)));
        scores.add(note(evaluator.ranking(BIASES, FoldModels.biases(served, split), self)));
        if (params.mahoutRanked() > 0) {
            progress.step(name + ": Mahout item kNN (LLR), " + Math.min(params.mahoutRanked(), ranked.length)
                    + " reviewers ranked (boolean preferences), every held-out rating predicted");
            MahoutItemKnn mahout = new MahoutItemKnn(split);
            scores.add(note(evaluator.ratings(MAHOUT, mahout)));
            int[] sample = FoldEvaluator.sample(relevant.keySet(), params.mahoutRanked(), params.seed() + f);
            FoldEvaluator small = new FoldEvaluator(split, relevant, sample);
            ListMetrics.Endorsement selfSample = (j, film) -> endorses(split, served, sample[j], film);
            scores.add(note(small.ranking(MAHOUT, mahout, selfSample)));
            scores.add(note(renamed(small.ranking(POPULARITY, FoldModels.popularity(split), selfSample),
                    POPULARITY + "_on_mahout_sample")));
        }
        if (data.truster().length > 0) {
            TrustEvaluator trust = new TrustEvaluator(split, relevant, served);
            List<int[]> edges = trust.edges(data.truster(), data.trustee(), params.maxEdges(), params.seed() + f);
            progress.step(name + ": trust evaluation over " + edges.size() + " trust edges");
            trust.evaluate(edges).forEach(s -> scores.add(note(s)));
        }
        criticScores(data, split, relevant, served, params, f, scores);
        if (refit != null) {
            fitSeconds += readers(data, f, params, peerParams, ranking, refit, scores);
        }
        if (f == 0 && params.publishFold() != null) {
            progress.step(name + ": publishing the fold's model to " + params.publishFold());
            ServedLists.publish(spark, data, fit, chosen, ranking, params.publishFold(), served, split);
        }
        return new FoldOutcome(f, split.trainSize, split.testRows.length, fitSeconds, scores);
    }

    /**
     * A fold's refit without its anonymous readers, started on its own thread: the readers' mask, and the fits with
     * their seconds once {@link #join}ed.
     */
    private record ReaderRefit(boolean[] mask, int[] readers, java.util.concurrent.CompletableFuture<Fits> fits,
                               double[] seconds) {
        static ReaderRefit start(EvaluationData data, int f, EvaluateParams params, TrainParams chosen,
                                 ImplicitParams peerParams, RankParams ranking) {
            boolean[] mask = ReaderEvaluator.readers(data.table().reviewers, f, params.seed(), params.readersShare());
            int[] readers = IntStream.range(0, mask.length).filter(r -> mask[r]).toArray();
            double[] seconds = new double[1];
            FoldFitter fitter = data.fitter().another();
            java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "vouch-readers-refit");
                t.setDaemon(true);
                return t;
            });
            try {
                return new ReaderRefit(mask, readers, java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    long start = System.nanoTime();
                    Fits fits = EvaluateJob.fits(fitter, data.trainingReviews(f, readers), data.training(f, readers),
                            chosen, peerParams, ranking);
                    seconds[0] = (System.nanoTime() - start) / 1e9;
                    return fits;
                }, thread), seconds);
            } finally {
                thread.shutdown(); // the submitted refit still runs; the thread ends after it
            }
        }

        Fits join() {
            try {
                return fits.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        }
    }

    /** Anonymous readers: a refit without them (started by {@link ReaderRefit}), their ratings folded in. */
    private double readers(EvaluationData data, int f, EvaluateParams params, ImplicitParams peerParams,
                           RankParams ranking, ReaderRefit refit, List<Scores> scores) {
        boolean[] mask = refit.mask();
        progress.step(String.format("fold %d: %d anonymous readers held out whole; refitting without them (beside the "
                + "fold's scoring)", f + 1, refit.readers().length));
        Fits fits = refit.join();
        double seconds = refit.seconds()[0];
        int[] readers = refit.readers();
        FoldSplit split = new FoldSplit(data.table(), f, mask);
        Map<Integer, Set<Integer>> relevant = split.relevant(params.relevantAt());
        ServedModel served = fits.served(data);
        ServedModel peer = fits.peer(data);
        ServedModel implicitOnly = peer.withParams(peer.model().params().withWeights(1, 0, 0, ranking.personalHalf()),
                data.reviewerIds(), data.filmIds());
        new ReaderEvaluator(split, relevant, served, implicitOnly).evaluate(readers).forEach(s -> scores.add(note(s)));
        return seconds;
    }

    /** Our fit, and the peer's (the same one when our implicit model is the peer's). */
    private record Fits(FoldFitter.Fit ours, FoldFitter.Fit peerFit) {
        ServedModel served(EvaluationData data) {
            return new ServedModel(ours.ranking(), data.reviewerIds(), data.filmIds());
        }

        ServedModel peer(EvaluationData data) {
            return new ServedModel(peerFit.ranking(), data.reviewerIds(), data.filmIds());
        }
    }

    private static Fits fits(FoldFitter fitter, org.apache.spark.sql.Dataset<Row> reviews,
                             org.apache.spark.sql.Dataset<Row> rated, TrainParams chosen, ImplicitParams peer,
                             RankParams ranking) {
        FoldFitter.Fit ours = fitter.fit(reviews, rated, chosen, chosen.implicit(), ranking);
        if (peer.equals(chosen.implicit())) {
            return new Fits(ours, ours);
        }
        FoldFitter.Fit peerFit = fitter.fit(reviews, rated, chosen, ours.explicit(), peer,
                ranking.withImplicit(peer.regParam(), peer.alpha(), false));
        return new Fits(ours, peerFit);
    }

    /** R rated the film at or above R's training mean, or the model predicts R to love it. */
    private static boolean endorses(FoldSplit split, ServedModel served, int reviewer, int film) {
        int i = Arrays.binarySearch(split.trainFilms[reviewer], film);
        if (i >= 0) {
            return split.trainRatings[reviewer][i] >= split.reviewerMean[reviewer] - 1e-12;
        }
        float z = served.z(reviewer, film);
        return !Float.isNaN(z) && z >= TrustEvaluator.LOVES_Z;
    }

    private static Scores renamed(Scores s, String model) {
        return new Scores(s.scenario(), model, s.users(), s.metrics(), s.seconds());
    }

    private Scores note(Scores s) {
        progress.note(String.format("%-22s %-26s n=%-5d %s (%.1f s)", s.scenario(), s.model(), s.users(),
                s.scenario().equals(Scenario.RATINGS.key) ? "RMSE " + fmt(s.get("rmse")) + "  MAE " + fmt(s.get("mae"))
                        : "NDCG@10 " + fmt(s.get("ndcg_at_10")) + "  endorsed " + fmt(s.get("endorsed_share"))
                        + "  log-pop " + fmt(s.get("mean_log_popularity")), s.seconds()));
        return s;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "  –   " : String.format("%.4f", v);
    }
}
