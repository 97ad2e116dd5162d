package dev.vouch.jobs.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking metrics of a set of top-k lists: precision, recall, NDCG, MAP and hit rate at k (means over the
 * lists), catalogue coverage (distinct films suggested / films with a training rating), mean log-popularity of what
 * is suggested ({@code ln(1 + training ratings)}: lower is more novel) and the endorsed share (suggested films the
 * list's own reviewer endorses; NaN where there is no such reviewer).
 */
final class ListMetrics {
    static final List<String> NAMES = List.of("ndcg_at_10", "precision_at_10", "recall_at_10", "map", "hit_at_10",
            "coverage", "mean_log_popularity", "endorsed_share");

    private ListMetrics() {}

    /** Decides whether list j's reviewer endorses a film. */
    interface Endorsement {
        boolean endorses(int list, int film);
    }

    /**
     * @param lists      one list per request, best first
     * @param relevant   relevant films of request j
     * @param filmCount  training ratings per film
     * @param catalogue  films with a training rating
     * @param endorsement null when the lists have no reviewer of their own
     */
    static Map<String, Double> of(int[][] lists, List<Set<Integer>> relevant, int[] filmCount, int catalogue,
                                  Endorsement endorsement, int k) {
        int n = lists.length;
        double[] p = new double[n];
        double[] r = new double[n];
        double[] ndcg = new double[n];
        double[] ap = new double[n];
        double[] hit = new double[n];
        boolean[] seen = new boolean[filmCount.length];
        int distinct = 0;
        double logPop = 0;
        int suggested = 0;
        int endorsed = 0;
        for (int j = 0; j < n; j++) {
            int[] list = lists[j];
            Set<Integer> rel = relevant.get(j);
            p[j] = Metrics.precisionAtK(list, rel, k);
            r[j] = Metrics.recallAtK(list, rel, k);
            ndcg[j] = Metrics.ndcgAtK(list, rel, k);
            ap[j] = Metrics.averagePrecisionAtK(list, rel, k);
            hit[j] = Metrics.hitAtK(list, rel, k);
            for (int i = 0; i < Math.min(k, list.length); i++) {
                int f = list[i];
                if (!seen[f]) {
                    seen[f] = true;
                    distinct++;
                }
                logPop += Math.log1p(filmCount[f]);
                suggested++;
                if (endorsement != null && endorsement.endorses(j, f)) {
                    endorsed++;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("ndcg_at_10", Metrics.mean(ndcg));
        out.put("precision_at_10", Metrics.mean(p));
        out.put("recall_at_10", Metrics.mean(r));
        out.put("map", Metrics.mean(ap));
        out.put("hit_at_10", Metrics.mean(hit));
        out.put("coverage", Metrics.coverage(distinct, catalogue));
        out.put("mean_log_popularity", suggested == 0 ? Double.NaN : logPop / suggested);
        out.put("endorsed_share", endorsement == null || suggested == 0 ? Double.NaN : (double) endorsed / suggested);
        return out;
    }
}
