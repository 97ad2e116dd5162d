package dev.vouch.jobs.evaluate;

/**
 * The fold models that are views of one fitted {@link ServedModel}: what we serve, and the peers and baselines
 * built from the same fit, so every comparison is on the same factors.
 */
final class FoldModels {
    private FoldModels() {}

    /** A score of (reviewer, film); NaN where there is none. */
    interface PairScore {
        double of(int reviewer, int film);
    }

    /**
     * A model that predicts with {@code predict} (null: predicts no ratings) and ranks the fold's catalogue by
     * {@code score}, leaving out what the reviewer rated in training.
     */
    static FoldModel scoring(FoldSplit split, PairScore predict, PairScore score) {
        return new FoldModel() {
            @Override
            public double predict(int reviewer, int film) {
                return predict == null ? Double.NaN : predict.of(reviewer, film);
            }

            @Override
            public boolean predictsRatings() {
                return predict != null;
            }

            @Override
            public int[] recommend(int reviewer, int k) {
                return TopK.of(split.catalogue, f -> split.ratedInTraining(reviewer, f), f -> score.of(reviewer, f), k);
            }
        };
    }

    /** What a site receives: {@code POST /api/suggestions {"trusted":[R], "seen": R's training films}}. */
    static FoldModel served(ServedModel served, FoldSplit split) {
        return new FoldModel() {
            @Override
            public double predict(int reviewer, int film) {
                return served.predict(reviewer, film);
            }

            @Override
            public int[] recommend(int reviewer, int k) {
                return served.suggest(new int[] {reviewer}, new int[0], new double[0], split.trainFilms[reviewer], k);
            }
        };
    }

    /** Spark's implicit ALS used raw: films ranked by {@code x·y}, the peer. */
    static FoldModel implicitAls(ServedModel served, FoldSplit split) {
        return scoring(split, null, served::implicitScore);
    }

    /** The explicit rating model used raw: films ranked by predicted rating. */
    static FoldModel explicitAls(ServedModel served, FoldSplit split) {
        return scoring(split, served::predict, served::predict);
    }

    /** Biases only: {@code μ + b_reviewer + b_film}; for one reviewer it ranks by film bias. */
    static FoldModel biases(ServedModel served, FoldSplit split) {
        return scoring(split, served::predictBiases, served::predictBiases);
    }

    /**
     * Films by their number of training ratings, the same list for everyone minus what they rated; predicts no
     * ratings. The bar every ranking has to clear.
     */
    static FoldModel popularity(FoldSplit split) {
        return scoring(split, null, (r, f) -> split.filmCount[f]);
    }
}
