package dev.vouch.serving.model;

import java.util.Map;
import java.util.TreeMap;

/** Counts rows skipped while loading (references to ids that the films or reviewers tables lack); thread-safe. */
final class LoadLog {
    private final Map<String, Integer> dangling = new TreeMap<>();

    synchronized void dangling(String table) {
        dangling.merge(table, 1, Integer::sum);
    }

    /** Table name to the number of rows skipped, empty when none were. */
    synchronized Map<String, Integer> skipped() {
        return Map.copyOf(dangling);
    }
}
