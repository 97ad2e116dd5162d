package dev.vouch.jobs.evaluate;

/**
 * The fold models that are views of one fitted {@link ServedModel}: what we serve, and the peers and baselines
 * built from the same fit, so every comparison is on the same factors.
 */
final class FoldModels {
    private FoldModels() {}

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
        return new FoldModel() {
            @Override
            public double predict(int reviewer, int film) {
                return Double.NaN;
            }

            @Override
            public boolean predictsRatings() {
                return false;
            }

            @Override
            public int[] recommend(int reviewer, int k) {
                return TopK.of(split.catalogue, f -> split.ratedInTraining(reviewer, f),
                        f -> served.implicitScore(reviewer, f), k);
            }
        };
    }

    /** The explicit rating model used raw: films ranked by predicted rating. */
    static FoldModel explicitAls(ServedModel served, FoldSplit split) {
        return new FoldModel() {
            @Override
            public double predict(int reviewer, int film) {
                return served.predict(reviewer, film);
            }

            @Override
            public int[] recommend(int reviewer, int k) {
                return TopK.of(split.catalogue, f -> split.ratedInTraining(reviewer, f),
                        f -> served.predict(reviewer, f), k);
            }
        };
    }

    /** Biases only: {@code μ + b_reviewer + b_film}; for one reviewer it ranks by film bias. */
    static FoldModel biases(ServedModel served, FoldSplit split) {
        return new FoldModel() {
            @Override
            public double predict(int reviewer, int film) {
                return served.predictBiases(reviewer, film);
            }

            @Override
            public int[] recommend(int reviewer, int k) {
                return TopK.of(split.catalogue, f -> split.ratedInTraining(reviewer, f),
                        f -> served.predictBiases(reviewer, f), k);
            }
        };
    }
}
