package dev.vouch.jobs.evaluate;

/**
 * Predicts the mean training rating for every pair. It gives every film the same score, so it does not rank:
 * its ranking metrics are reported as null rather than as the score of an arbitrary order.
 */
final class GlobalMeanModel implements FoldModel {
    private final double mean;

    GlobalMeanModel(FoldSplit split) {
        this.mean = split.globalMean;
    }

    @Override
    public double predict(int reviewer, int film) {
        return mean;
    }

    @Override
    public boolean ranks() {
        return false;
    }

    @Override
    public int[] recommend(int reviewer, int k) {
        throw new UnsupportedOperationException("global mean does not rank");
    }
}
