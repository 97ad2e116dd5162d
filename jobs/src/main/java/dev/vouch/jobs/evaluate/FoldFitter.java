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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Fits both models on some training opinions and builds the ranking engine's model from the tables the training job
 * would publish ({@link ModelBuilder#rankingTables}), so an evaluated fold ranks exactly as a served model would.
 *
 * <p>Several implicit models are often fitted beside one explicit model on the same opinions (the inner grid, a
 * fold's peer beside ours, the readers' refit's): the explicit side of the tables and the collected opinions of the
 * last such pair are kept and reused, so only the implicit factors are joined again. Not thread-safe (one fitter per
 * evaluation, called from its one thread).
 */
public final class FoldFitter {
    private final Dataset<Row> films;
    private final Dataset<Row> reviewers;
    private final ModelBuilder.Indexed indexed;
    private Shared shared;

    /**
     * @param films     the snapshot's films table; {@code reviewers} its reviewers table
     * @param indexed   the index tables the ALS indices come from
     */
    public FoldFitter(Dataset<Row> films, Dataset<Row> reviewers, ModelBuilder.Indexed indexed) {
        this.films = films;
        this.reviewers = reviewers;
        this.indexed = indexed;
    }

    /** A fitter of the same tables with its own cache, for another thread (this one is not thread-safe). */
    public FoldFitter another() {
        return new FoldFitter(films, reviewers, indexed);
    }

    /** One fit: the explicit model, the implicit one, and the engine's model built from their tables. */
    public record Fit(BiasedAlsModel explicit, ImplicitAls.Fitted implicit, Map<String, Dataset<Row>> tables,
                      RankingModels.Indexed ranking) {}

    /** What the fits of one explicit model on one set of opinions share; the opinions are collected on first use. */
    private static final class Shared {
        final Dataset<Row> reviews;
        final BiasedAlsModel explicit;
        final Map<String, Dataset<Row>> tables;
        private final Dataset<Row> rankingOpinions;
        private List<Row> opinions;

        Shared(Dataset<Row> reviews, BiasedAlsModel explicit, Map<String, Dataset<Row>> tables,
               Dataset<Row> rankingOpinions) {
            this.reviews = reviews;
            this.explicit = explicit;
            this.tables = tables;
            this.rankingOpinions = rankingOpinions;
        }

        boolean of(Dataset<Row> otherReviews, BiasedAlsModel otherExplicit) {
            return explicit == otherExplicit && (reviews == otherReviews
                    || reviews.queryExecution().analyzed().sameResult(otherReviews.queryExecution().analyzed()));
        }

        List<Row> opinions() {
            if (opinions == null) {
                opinions = RankingModels.opinionRows(rankingOpinions);
            }
            return opinions;
        }
    }

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
        return fit(reviews, rated, params, explicit, implicitParams, rankParams, null);
    }

    /**
     * As {@link #fit(Dataset, Dataset, TrainParams, BiasedAlsModel, ImplicitParams, RankParams)}, for a caller that
     * ranks only some reviewers (train's blend tuning): the engine's model is first collected without opinions,
     * {@code reading} names (from it) the reviewers whose opinions are needed, and only theirs are collected. Every
     * reviewer of the model has opinions in {@code reviews} (the reviewers table is built from them). At 10M opinions
     * collecting all of them as rows filled the driver's heap: 10M rows took 2.3 GB of the 6 GB, and full collections
     * ran back to back for the whole tuning step.
     *
     * @param reading null: every reviewer's opinions
     */
    public Fit fit(Dataset<Row> reviews, Dataset<Row> rated, TrainParams params, BiasedAlsModel explicit,
                   ImplicitParams implicitParams, RankParams rankParams,
                   Function<RankingModels.Indexed, Set<String>> reading) {
        ImplicitAls.Fitted implicit = new ImplicitAls(implicitParams, params.seed()).fit(rated);
        ModelBuilder builder = new ModelBuilder(reviews, params);
        if (shared == null || !shared.of(reviews, explicit)) {
            shared = new Shared(reviews, explicit, builder.explicitTables(films, reviewers, indexed, explicit),
                    builder.rankingOpinions());
        }
        Map<String, Dataset<Row>> tables = ModelBuilder.rankingTables(shared.tables, indexed, implicit);
        RankingModels.Indexed ranking;
        if (reading == null) {
            ranking = RankingModels.collect(tables.get(ModelTables.REVIEWERS), tables.get(ModelTables.FILMS),
                    shared.opinions(), explicit.globalMean(), params.rank(), implicitParams.rank(), rankParams);
        } else {
            RankingModels.Indexed bare = RankingModels.collect(tables.get(ModelTables.REVIEWERS),
                    tables.get(ModelTables.FILMS), List.of(), explicit.globalMean(), params.rank(),
                    implicitParams.rank(), rankParams);
            SparkSession spark = reviews.sparkSession();
            Dataset<Row> ids = spark.createDataset(List.copyOf(reading.apply(bare)), Encoders.STRING())
                    .toDF("reviewer_id");
            ranking = RankingModels.withOpinions(bare, RankingModels.opinionRows(builder.rankingOpinions()
                    .join(functions.broadcast(ids), "reviewer_id", "left_semi")));
        }
        return new Fit(explicit, implicit, tables, ranking);
    }
}
