package dev.vouch.jobs.evaluate;

import dev.vouch.engine.RankParams;
import dev.vouch.jobs.publish.ModelTables;
import dev.vouch.jobs.train.BiasedAls;
import dev.vouch.jobs.train.BiasedAlsModel;
import dev.vouch.jobs.train.ImplicitAls;
import dev.vouch.jobs.train.ImplicitParams;
import dev.vouch.jobs.train.ModelBuilder;
import dev.vouch.jobs.train.RankingModels;
import dev.vouch.jobs.train.TrainParams;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits both models on some training opinions and builds the ranking engine's model from the tables the training job
 * would publish ({@link ModelBuilder#rankingTables}), so an evaluated fold ranks exactly as a served model would.
 *
 * @param films     the snapshot's films table; {@code reviewers} its reviewers table
 * @param indexed   the index tables the ALS indices come from
 */
public record FoldFitter(Dataset<Row> films, Dataset<Row> reviewers, ModelBuilder.Indexed indexed) {

    /** One fit: the explicit model, the implicit one, and the engine's model built from their tables. */
    public record Fit(BiasedAlsModel explicit, ImplicitAls.Fitted implicit, Map<String, Dataset<Row>> tables,
                      RankingModels.Indexed ranking) {}

    /**
     * @param reviews training opinions with the snapshot's review columns
     * @param rated   the same scored opinions as {@code reviewer_idx, film_idx, rating}
     */
    public Fit fit(Dataset<Row> reviews, Dataset<Row> rated, TrainParams params, ImplicitParams implicitParams,
                   RankParams rankParams) {
        BiasedAlsModel explicit = new BiasedAls(params).fit(rated);
        return fit(reviews, rated, params, explicit, implicitParams, rankParams);
    }

    /** As {@link #fit(Dataset, Dataset, TrainParams, ImplicitParams, RankParams)} with the explicit model given. */
    public Fit fit(Dataset<Row> reviews, Dataset<Row> rated, TrainParams params, BiasedAlsModel explicit,
                   ImplicitParams implicitParams, RankParams rankParams) {
        ImplicitAls.Fitted implicit = new ImplicitAls(implicitParams, params.seed()).fit(rated);
        ModelBuilder builder = new ModelBuilder(reviews, params);
        Map<String, Dataset<Row>> tables = builder.rankingTables(films, reviewers, indexed,
                new ModelBuilder.Fitted(explicit, implicit));
        RankingModels.Indexed ranking = RankingModels.collect(tables.get(ModelTables.REVIEWERS),
                tables.get(ModelTables.FILMS), builder.rankingOpinions(), explicit.globalMean(), params.rank(),
                implicitParams.rank(), rankParams);
        return new Fit(explicit, implicit, tables, ranking);
    }
}
