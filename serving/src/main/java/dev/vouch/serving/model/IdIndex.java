package dev.vouch.serving.model;

import java.util.HashMap;
import java.util.Map;

/** Maps raw string ids to dense indices 0..n-1 in the order they were added. Immutable once built. */
final class IdIndex {
    private final Map<String, Integer> index;
    private final String[] ids;

    IdIndex(String[] ids, String table) {
        this.ids = ids.clone();
        this.index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                throw new ModelLoadException(table + ": null id at row " + i);
            }
            if (index.put(ids[i], i) != null) {
                throw new ModelLoadException(table + ": duplicate id '" + ids[i] + "'");
            }
        }
    }

    /** The dense index of {@code id}, or -1 when unknown. */
    int indexOf(String id) {
        Integer i = id == null ? null : index.get(id);
        return i == null ? -1 : i;
    }

    String id(int index) {
        return ids[index];
    }

    int size() {
        return ids.length;
    }
}
