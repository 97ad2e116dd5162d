package dev.vouch.serving.model;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The film_aspects table grouped by film: mean normalised aspect sub-scores. Immutable. */
public final class FilmAspects {
    private final int[] offsets;
    private final String[] aspect;
    private final float[] meanNorm;
    private final int[] n;
    private final Set<String> names;

    private FilmAspects(int[] offsets, String[] aspect, float[] meanNorm, int[] n, Set<String> names) {
        this.offsets = offsets;
        this.aspect = aspect;
        this.meanNorm = meanNorm;
        this.n = n;
        this.names = Set.copyOf(names);
    }

    static FilmAspects load(TableReader reader, Films films, LoadLog log) {
        int capacity = reader.count(ModelLayout.FILM_ASPECTS);
        int[] group = new int[capacity];
        String[] aspect = new String[capacity];
        float[] mean = new float[capacity];
        int[] count = new int[capacity];
        Set<String> names = new HashSet<>();
        int[] k = {0};
        reader.forEach(ModelLayout.FILM_ASPECTS, "film_id, aspect, mean_norm, n", "film_id, aspect", rs -> {
            int f = films.indexOf(rs.getString("film_id"));
            String a = rs.getString("aspect");
            if (f < 0 || a == null) {
                log.dangling(ModelLayout.FILM_ASPECTS);
                return;
            }
            int i = k[0]++;
            group[i] = f;
            aspect[i] = a.toLowerCase(Locale.ROOT).intern();
            mean[i] = (float) rs.getDouble("mean_norm");
            count[i] = rs.getInt("n");
            names.add(aspect[i]);
        });
        Grouping g = new Grouping(group, k[0], films.size());
        return new FilmAspects(g.offsets, Grouping.permute(aspect, g.order), Grouping.permute(mean, g.order),
                Grouping.permute(count, g.order), names);
    }

    public int start(int film) {
        return offsets[film];
    }

    public int end(int film) {
        return offsets[film + 1];
    }

    public String aspect(int position) {
        return aspect[position];
    }

    public float meanNorm(int position) {
        return meanNorm[position];
    }

    public int n(int position) {
        return n[position];
    }

    /** Every aspect name in the table (lower case). */
    public Set<String> names() {
        return names;
    }

    long bytes() {
        return offsets.length * 4L + aspect.length * 16L;
    }
}
