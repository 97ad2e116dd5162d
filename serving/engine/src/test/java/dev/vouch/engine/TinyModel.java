package dev.vouch.engine;

/**
 * A hand-built model for the engine's tests: 3 reviewers, 4 films, rank 1 everywhere, μ = 0.5.
 *
 * <pre>
 * films      bias   explicit y   implicit y   n_ratings
 * 0 Arrival  0.1    0.5          1.0          3
 * 1 Heat     0.0    0.2          0.5          2
 * 2 Cats    -0.1   -0.5          0.2          1
 * 3 Obscure  0.0    –            –            0
 * reviewers  bias   mean  sd    explicit x  implicit x   opinions (score_norm)
 * 0 Ana      0.0    0.6   0.2   0.4         0.8          Arrival 0.8, Cats 0.4
 * 1 Bo       0.1    –     –     –           –            –
 * 2 Cy       0.0    0.5   0.01  −0.4        0.5          Heat 0.6
 * </pre>
 */
final class TinyModel {
    private TinyModel() {}

    static RankingModel of(double implicitWeight, double ratingWeight, double popularityWeight) {
        RankParams p = new RankParams(implicitWeight, ratingWeight, popularityWeight, 5, 0.1, 2, 0.1, 4,
                false);
        Factors filmExplicit = new Factors(1, new float[] {0.5f, 0.2f, -0.5f, 0f}, new boolean[] {true, true, true, false});
        Factors filmImplicit = new Factors(1, new float[] {1.0f, 0.5f, 0.2f, 0f}, new boolean[] {true, true, true, false});
        Factors revExplicit = new Factors(1, new float[] {0.4f, 0f, -0.4f}, new boolean[] {true, false, true});
        Factors revImplicit = new Factors(1, new float[] {0.8f, 0f, 0.5f}, new boolean[] {true, false, true});
        return new RankingModel(0.5, p,
                new RankingModel.ReviewerArrays(new float[] {0f, 0.1f, 0f}, new double[] {0.6, Double.NaN, 0.5},
                        new double[] {0.2, Double.NaN, 0.01}, revExplicit, revImplicit),
                new RankingModel.FilmArrays(new float[] {0.1f, 0f, -0.1f, 0f}, new int[] {3, 2, 1, 0}, filmExplicit,
                        filmImplicit),
                new RankingModel.OpinionArrays(new int[] {0, 2, 2, 3}, new int[] {0, 2, 1},
                        new float[] {0.8f, 0.4f, 0.6f}));
    }
}
