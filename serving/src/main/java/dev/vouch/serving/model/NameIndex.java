package dev.vouch.serving.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Prefix search over names: a name matches when it, or one of its words, starts with the folded query
 * (case-insensitive, accents folded). Results: names that start with the query first, then by activity
 * (most active first), then by index. An empty query lists the most active first. Immutable.
 */
public final class NameIndex {
    private final String[] keys;
    private final int[] owner;
    private final String[] folded;
    private final int[] activity;
    private final int[] byActivity;

    NameIndex(String[] names, int[] activity) {
        int n = names.length;
        this.activity = activity.clone();
        this.folded = new String[n];
        List<Object[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            folded[i] = TextFold.fold(names[i]);
            String name = folded[i];
            for (int p = 0; p < name.length(); p++) {
                if (p == 0 || !Character.isLetterOrDigit(name.charAt(p - 1))
                        && Character.isLetterOrDigit(name.charAt(p))) {
                    entries.add(new Object[] {name.substring(p), i});
                }
            }
        }
        entries.sort(Comparator.comparing(e -> (String) e[0]));
        keys = new String[entries.size()];
        owner = new int[entries.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = (String) entries.get(k)[0];
            owner[k] = (Integer) entries.get(k)[1];
        }
        byActivity = order(n, i -> true);
    }

    /** At most {@code limit} indices matching {@code query}, in the order described above. */
    public int[] search(String query, int limit) {
        String q = TextFold.fold(query);
        if (q.isEmpty()) {
            return Arrays.copyOf(byActivity, Math.min(limit, byActivity.length));
        }
        int from = lowerBound(q);
        boolean[] seen = new boolean[folded.length];
        List<Integer> hits = new ArrayList<>();
        for (int k = from; k < keys.length && keys[k].startsWith(q); k++) {
            if (!seen[owner[k]]) {
                seen[owner[k]] = true;
                hits.add(owner[k]);
            }
        }
        hits.sort(Comparator.<Integer, Boolean>comparing(i -> !folded[i].startsWith(q))
                .thenComparing(i -> -activity[i]).thenComparing(i -> i));
        return hits.stream().limit(limit).mapToInt(Integer::intValue).toArray();
    }

    private int lowerBound(String q) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid].compareTo(q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int[] order(int n, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, n).filter(keep).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -activity[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    long bytes() {
        return keys.length * 48L + folded.length * 40L;
    }
}
