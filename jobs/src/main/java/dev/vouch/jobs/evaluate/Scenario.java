package dev.vouch.jobs.evaluate;

import java.util.List;

/** What is asked of the models, as a site would ask it. Each scenario's protocol text goes into metrics.json. */
enum Scenario {
    RATINGS("ratings", "held-out ratings of known reviewers: RMSE and MAE on each opinion's own scale"),
    KNOWN("known_reviewers", "the top 10 for a known reviewer: POST /api/suggestions {\"trusted\":[R], \"seen\": R's "
            + "training films}; relevant = R's held-out films rated at or above the relevance threshold"),
    READERS("anonymous_readers", "whole reviewers held out of training (a seeded tenth per fold); their training-fold "
            + "ratings are folded in: POST /api/suggestions {\"ratings\": [...]}; scored against their held-out fold"),
    READERS_10("anonymous_readers_10", "anonymous readers with at least 10 ratings folded in"),
    TRUSTEE("trust_trustee", "u trusts v: POST /api/suggestions {\"trusted\":[v], \"seen\": u's training films}, "
            + "scored against u's relevant held-out films"),
    OWN_TRUSTEE("trust_own_plus_trustee", "u trusts v: {\"trusted\":[v], \"ratings\": u's training ratings}"),
    OWN("trust_own", "u alone: {\"ratings\": u's training ratings}, on the same trust edges"),
    CRITICS_TRUST("critics_trust_recovery", "trusters with at least 5 training ratings: every reviewer ranked from "
            + "those ratings alone (POST /api/critics/match); Recall@10 and NDCG@10 of the truster's declared trustees, "
            + "beside most-active reviewers first and a seeded random order"),
    CRITICS_FEW("critics_wisdom_of_few", "known reviewers with at least 5 training ratings (a seeded sample of up to "
            + "2,000 per fold): POST /api/suggestions {\"trusted\": their top-k matched critics weighted by match, "
            + "\"seen\": training films}, beside their own fold-in {\"ratings\": training ratings} and popularity");

    static final List<Scenario> RANKING = List.of(KNOWN, READERS, READERS_10, TRUSTEE, OWN_TRUSTEE, OWN,
            CRITICS_FEW);

    final String key;
    final String protocol;

    Scenario(String key, String protocol) {
        this.key = key;
        this.protocol = protocol;
    }
}
