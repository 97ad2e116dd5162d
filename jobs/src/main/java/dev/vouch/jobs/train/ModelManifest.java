package dev.vouch.jobs.train;

import dev.vouch.engine.RankParams;
import java.util.LinkedHashMap;
import java.util.Map;

/** The manifest fields a trained model carries (docs/DATA.md, section 2), written by training and by evaluate. */
public final class ModelManifest {
    private ModelManifest() {}

    public static Map<String, Object> fields(String snapshot, double globalMean, TrainParams chosen,
                                             RankParams ranking, Map<String, Object> tuning,
                                             Map<String, Object> evaluation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source_snapshot", snapshot);
        m.put("global_mean", globalMean);
        m.put("rank", chosen.rank());
        m.put("params", chosen);  // the record itself, snake_case (JsonText)
        m.put("ranking", ranking(chosen.implicit(), ranking, tuning));
        m.put("evaluation", evaluation);
        return m;
    }

    /** The ranking engine's settings: serving refuses a model without every one of them. */
    public static Map<String, Object> ranking(ImplicitParams implicit, RankParams r, Map<String, Object> tuning) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("implicit_rank", implicit.rank());
        m.put("implicit_weight", r.implicitWeight());
        m.put("rating_weight", r.ratingWeight());
        m.put("popularity_weight", r.popularityWeight());
        m.put("personal_half", r.personalHalf());
        m.put("reg_param", r.regParam());
        m.put("bias_reg", r.biasReg());
        m.put("implicit_reg_param", r.implicitReg());
        m.put("implicit_alpha", r.implicitAlpha());
        m.put("implicit_confidence", r.implicitFromRatings() ? "rating" : "watched");
        m.put("implicit_max_iter", implicit.maxIter());
        m.put("tuning", tuning);
        return m;
    }

    /** Fold-in settings from the training parameters, with the default blend weights (before tuning). */
    public static RankParams defaultRanking(TrainParams p) {
        return new RankParams(RankParams.DEFAULT_IMPLICIT_WEIGHT, RankParams.DEFAULT_RATING_WEIGHT,
                RankParams.DEFAULT_POPULARITY_WEIGHT, RankParams.DEFAULT_PERSONAL_HALF, p.regParam(), p.biasReg(),
                p.implicit().regParam(), p.implicit().alpha(), p.implicit().fromRatings());
    }
}
