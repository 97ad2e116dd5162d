package dev.vouch.serving.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The film_tags table two ways: per film (heaviest first) and per tag (the films carrying it, heaviest first).
 * Tags are lower case. Immutable.
 */
public final class FilmTags {
    private final int[] offsets;
    private final String[] tag;
    private final int[] count;
    private final float[] weight;
    private final Map<String, int[]> filmsByTag;

    private FilmTags(int[] offsets, String[] tag, int[] count, float[] weight, Map<String, int[]> filmsByTag) {
        this.offsets = offsets;
        this.tag = tag;
        this.count = count;
        this.weight = weight;
        this.filmsByTag = Map.copyOf(filmsByTag);
    }

    static FilmTags load(TableReader reader, Films films, LoadLog log) {
        int capacity = reader.count(ModelLayout.FILM_TAGS);
        int[] group = new int[capacity];
        String[] tag = new String[capacity];
        int[] count = new int[capacity];
        float[] weight = new float[capacity];
        Map<String, List<Integer>> byTag = new HashMap<>();
        int[] n = {0};
        reader.forEach(ModelLayout.FILM_TAGS, "film_id, tag, count, weight", "weight DESC, film_id, tag", rs -> {
            int f = films.indexOf(rs.getString("film_id"));
            String t = rs.getString("tag");
            if (f < 0 || t == null) {
                log.dangling(ModelLayout.FILM_TAGS);
                return;
            }
            int k = n[0]++;
            group[k] = f;
            tag[k] = t.toLowerCase(Locale.ROOT).intern();
            count[k] = rs.getInt("count");
            weight[k] = (float) rs.getDouble("weight");
            byTag.computeIfAbsent(tag[k], x -> new ArrayList<>()).add(f);
        });
        Map<String, int[]> filmsByTag = new HashMap<>();
        byTag.forEach((t, list) -> filmsByTag.put(t, list.stream().mapToInt(Integer::intValue).toArray()));
        Grouping g = new Grouping(group, n[0], films.size());
        return new FilmTags(g.offsets, Grouping.permute(tag, g.order), Grouping.permute(count, g.order),
                Grouping.permute(weight, g.order), filmsByTag);
    }

    public int start(int film) {
        return offsets[film];
    }

    public int end(int film) {
        return offsets[film + 1];
    }

    public String tag(int position) {
        return tag[position];
    }

    public int count(int position) {
        return count[position];
    }

    public float weight(int position) {
        return weight[position];
    }

    /** The TF-IDF weight of {@code tagName} (lower case) on a film, 0 when the film does not carry it. */
    public float weightOf(int film, String tagName) {
        for (int p = offsets[film]; p < offsets[film + 1]; p++) {
            if (tag[p].equals(tagName)) {
                return weight[p];
            }
        }
        return 0f;
    }

    /** The films carrying a tag (lower case), heaviest first; empty when no film does. */
    public int[] filmsWith(String tagName) {
        int[] films = filmsByTag.get(tagName);
        return films == null ? new int[0] : films.clone();
    }

    /** True when some film carries the tag (lower case). */
    public boolean isKnown(String tagName) {
        return filmsByTag.containsKey(tagName);
    }

    long bytes() {
        return offsets.length * 4L + tag.length * 20L;
    }
}
