package dev.vouch.jobs.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How our model ranks: {@code log(1 + n_film) + weight · z}, where n_film is the film's number of training ratings
 * and {@code z = (score − reviewer's mean) / max(reviewer's sd, 0.05)} is the model's predicted enthusiasm in the
 * reviewer's own standard deviations (the z of serving's ReviewerScores). A rating model alone answers "how much
 * would R like it, if R watched it"; a held-out liked film must also be one R watched, and the log-popularity prior
 * stands for that. Ranking by z alone put obscure films with one glowing rating first and scored far below popularity
 * (NDCG@10 0.007 vs 0.34 on a FilmTrust validation split). Rating predictions are the model's own, unchanged.
 */
final class PriorRanking implements FoldModel {
    /** Weights searched; 0 would be popularity with the model as tie-break only. */
    static final List<Double> WEIGHTS = List.of(0.1, 0.25, 0.5, 1.0, 2.0);
    /** As serving's ReviewerScores.SD_FLOOR: a reviewer who always gives the same score does not explode z. */
    static final double SD_FLOOR = 0.05;

    private final FactorModel model;
    private final FoldSplit split;
    private final double weight;

    PriorRanking(FactorModel model, FoldSplit split, double weight) {
        if (!(weight > 0)) {
            throw new IllegalArgumentException("popularity weight must be > 0, got " + weight);
        }
        this.model = model;
        this.split = split;
        this.weight = weight;
    }

    /** @param ndcg NDCG@10 on the inner validation split */
    record Candidate(double weight, double ndcg) {}

    /** @param popularityNdcg popularity's NDCG@10 on the same split, for reference */
    record Choice(double weight, List<Candidate> candidates, double popularityNdcg) {}

    /**
     * Picks the weight with the best NDCG@10 on an inner split ({@link RatingTable#innerSplit}), with a model fitted
     * on that split's training part only.
     */
    static Choice choose(FactorModel innerModel, FoldSplit innerSplit, int maxRanked, long seed) {
        Map<Integer, Set<Integer>> relevant = innerSplit.relevant();
        FoldEvaluator evaluator = new FoldEvaluator(innerSplit, relevant,
                FoldEvaluator.sample(relevant.keySet(), maxRanked, seed));
        List<Candidate> candidates = new ArrayList<>();
        for (double w : WEIGHTS) {
            candidates.add(new Candidate(w, evaluator.evaluate("prior", new PriorRanking(innerModel, innerSplit, w))
                    .ndcgAt10()));
        }
        Candidate best = candidates.stream().max(Comparator.comparingDouble(Candidate::ndcg)).orElseThrow();
        double popularity = evaluator.evaluate("popularity", new PopularityModel(innerSplit)).ndcgAt10();
        return new Choice(best.weight(), candidates, popularity);
    }

    double rankScore(int reviewer, int film) {
        double z = (model.score(reviewer, film) - split.reviewerMean[reviewer])
                / Math.max(split.reviewerSd[reviewer], SD_FLOOR);
        return Math.log1p(split.filmCount[film]) + weight * z;
    }

    @Override
    public double predict(int reviewer, int film) {
        return model.predict(reviewer, film);
    }

    @Override
    public int[] recommend(int reviewer, int k) {
        return TopK.of(split.catalogue, f -> split.ratedInTraining(reviewer, f), f -> rankScore(reviewer, f), k);
    }
}
