package dev.vouch.jobs.evaluate;

import java.util.List;

/**
 * Everything measured on one fold.
 *
 * @param fold       0-based fold number (reports show it 1-based)
 * @param scores     every (scenario, model) scored on the fold
 * @param fitSeconds time to fit the fold's models (both fits, and the readers' fits)
 */
record FoldOutcome(int fold, int trainRatings, int testRatings, double fitSeconds, List<Scores> scores) {
    FoldOutcome {
        scores = List.copyOf(scores);
    }

    /** The scores of one model in one scenario, or null. */
    Scores find(String scenario, String model) {
        return scores.stream().filter(s -> s.scenario().equals(scenario) && s.model().equals(model)).findFirst()
                .orElse(null);
    }
}
