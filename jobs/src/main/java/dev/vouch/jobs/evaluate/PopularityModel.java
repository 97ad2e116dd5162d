package dev.vouch.jobs.evaluate;

/**
 * Ranks films by their number of training ratings, the same list for everyone minus what they have rated. It
 * predicts no ratings. This is the bar the model's top-10 has to clear.
 */
final class PopularityModel implements FoldModel {
    private final FoldSplit split;

    PopularityModel(FoldSplit split) {
        this.split = split;
    }

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
        return TopK.of(split.catalogue, f -> split.ratedInTraining(reviewer, f), f -> split.filmCount[f], k);
    }
}
