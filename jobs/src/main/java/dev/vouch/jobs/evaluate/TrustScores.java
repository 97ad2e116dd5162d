package dev.vouch.jobs.evaluate;

/**
 * The trust evaluation of one fold (see {@link TrustEvaluator}). NDCG@10 and hit rate (a liked film anywhere in the
 * top 10) against the truster's held-out liked films, averaged over trust edges, and, for the blend, over trusters.
 *
 * @param edges          trust edges evaluated: the truster has liked held-out films, the trustee has training ratings
 * @param trusteeNdcg    the trustee's suggestions, ranked for the truster
 * @param popularityNdcg popularity's top 10 for the truster, on the same edges
 * @param modelNdcg      our model's own top 10 for the truster, on the same edges
 * @param wins           edges where the trustee's list has a higher NDCG@10 than popularity's
 * @param losses         edges where it has a lower one (the rest are ties, mostly both 0)
 * @param trusters       trusters evaluated for the blend of all their trustees' lists
 */
record TrustScores(int edges, double trusteeNdcg, double trusteeHit, double popularityNdcg, double popularityHit,
                   double modelNdcg, double modelHit, int wins, int losses, int trusters, double blendNdcg,
                   double blendHit, double blendPopularityNdcg, double blendPopularityHit) {}
