package dev.vouch.serving.model;

import dev.vouch.engine.Factors;

/** Loads factor rows, refusing the model (not the process) when a row does not match the manifest's rank. */
final class FactorRows {
    private FactorRows() {
    }

    static void put(float[] values, boolean[] present, int rank, int index, float[] row, String table, String id) {
        try {
            Factors.put(values, present, rank, index, row, table, id);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(e.getMessage() + " (manifest)", e);
        }
    }
}
