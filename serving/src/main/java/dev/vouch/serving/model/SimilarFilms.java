package dev.vouch.serving.model;

/** The similar_films table grouped by film, best first within each kind. Immutable. */
public final class SimilarFilms {
    private final int[] offsets;
    private final int[] other;
    private final String[] kind;
    private final float[] score;

    private SimilarFilms(int[] offsets, int[] other, String[] kind, float[] score) {
        this.offsets = offsets;
        this.other = other;
        this.kind = kind;
        this.score = score;
    }

    static SimilarFilms load(TableReader reader, Films films, LoadLog log) {
        int capacity = reader.count(ModelLayout.SIMILAR_FILMS);
        int[] group = new int[capacity];
        int[] other = new int[capacity];
        String[] kind = new String[capacity];
        float[] score = new float[capacity];
        int[] n = {0};
        reader.forEach(ModelLayout.SIMILAR_FILMS, "film_id, other_id, kind, score", "kind, score DESC, other_id",
                rs -> {
                    int f = films.indexOf(rs.getString("film_id"));
                    int o = films.indexOf(rs.getString("other_id"));
                    if (f < 0 || o < 0) {
                        log.dangling(ModelLayout.SIMILAR_FILMS);
                        return;
                    }
                    int k = n[0]++;
                    group[k] = f;
                    other[k] = o;
                    kind[k] = rs.getString("kind").intern();
                    score[k] = (float) rs.getDouble("score");
                });
        Grouping g = new Grouping(group, n[0], films.size());
        return new SimilarFilms(g.offsets, Grouping.permute(other, g.order), Grouping.permute(kind, g.order),
                Grouping.permute(score, g.order));
    }

    public int start(int film) {
        return offsets[film];
    }

    public int end(int film) {
        return offsets[film + 1];
    }

    public int other(int position) {
        return other[position];
    }

    /** {@code co_liked} or {@code shared_tags}. */
    public String kind(int position) {
        return kind[position];
    }

    public float score(int position) {
        return score[position];
    }

    long bytes() {
        return offsets.length * 4L + other.length * 16L;
    }
}
