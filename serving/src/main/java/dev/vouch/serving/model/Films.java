package dev.vouch.serving.model;

import dev.vouch.engine.Factors;

import java.util.List;

/** The films table in memory: dense index per film_id, columns as arrays. Immutable. */
public final class Films {
    /** Value of {@link #year(int)} when the year is unknown. */
    public static final int NO_YEAR = Integer.MIN_VALUE;

    private final IdIndex ids;
    private final String[] titles;
    private final int[] years;
    private final String[][] genres;
    private final double[] scaleMax;
    private final int[] nRatings;
    private final double[] meanNorm;
    private final float[] bias;
    private final float[] popularity;
    private final Factors factors;
    private final Factors implicit;

    private Films(Columns c, Factors factors, Factors implicit) {
        this.ids = new IdIndex(c.ids, ModelLayout.FILMS);
        this.titles = c.titles;
        this.years = c.years;
        this.genres = c.genres;
        this.scaleMax = c.scaleMax;
        this.nRatings = c.nRatings;
        this.meanNorm = c.meanNorm;
        this.bias = c.bias;
        this.popularity = c.popularity;
        this.factors = factors;
        this.implicit = implicit;
    }

    static Films load(TableReader reader, int rank, int implicitRank) {
        int n = reader.count(ModelLayout.FILMS);
        Columns c = new Columns(n);
        float[] values = new float[n * rank];
        boolean[] present = new boolean[n];
        float[] implicitValues = new float[n * implicitRank];
        boolean[] implicitPresent = new boolean[n];
        int[] i = {0};
        reader.forEach(ModelLayout.FILMS, "film_id, title, year, genres, scale_max, n_ratings, mean_norm, bias, "
                + "popularity, factors, implicit_factors", "film_id", rs -> {
            int k = i[0]++;
            c.ids[k] = rs.getString("film_id");
            String title = rs.getString("title");
            c.titles[k] = title == null ? c.ids[k] : title;
            int year = rs.getInt("year");
            c.years[k] = rs.wasNull() ? NO_YEAR : year;
            c.genres[k] = TableReader.strings(rs, "genres");
            double max = rs.getDouble("scale_max");
            if (!(max > 0)) {
                throw new ModelLoadException("films.scale_max of '" + c.ids[k] + "' must be positive, was " + max);
            }
            c.scaleMax[k] = max;
            c.nRatings[k] = rs.getInt("n_ratings");
            c.meanNorm[k] = TableReader.doubleOrNaN(rs, "mean_norm");
            c.bias[k] = (float) rs.getDouble("bias");
            c.popularity[k] = (float) rs.getDouble("popularity");
            FactorRows.put(values, present, rank, k, TableReader.floatsOrNull(rs, "factors"), "films", c.ids[k]);
            FactorRows.put(implicitValues, implicitPresent, implicitRank, k, TableReader.floatsOrNull(rs,
                    "implicit_factors"), "films (implicit)", c.ids[k]);
        });
        return new Films(c, new Factors(rank, values, present), new Factors(implicitRank, implicitValues, implicitPresent));
    }

    /** Number of films. */
    public int size() {
        return ids.size();
    }

    /** Dense index of a film id, or -1 when unknown. */
    public int indexOf(String filmId) {
        return ids.indexOf(filmId);
    }

    public String id(int film) {
        return ids.id(film);
    }

    public String title(int film) {
        return titles[film];
    }

    /** The year, or {@link #NO_YEAR}. */
    public int year(int film) {
        return years[film];
    }

    /** The year as a boxed value, null when unknown (for JSON). */
    public Integer yearOrNull(int film) {
        return years[film] == NO_YEAR ? null : years[film];
    }

    public List<String> genres(int film) {
        return List.of(genres[film]);
    }

    /** True when the film lists this genre, ignoring case. */
    public boolean hasGenre(int film, String genre) {
        for (String g : genres[film]) {
            if (g.equalsIgnoreCase(genre)) {
                return true;
            }
        }
        return false;
    }

    public double scaleMax(int film) {
        return scaleMax[film];
    }

    public int nRatings(int film) {
        return nRatings[film];
    }

    /** Mean score_norm, NaN when the film has no ratings. */
    public double meanNorm(int film) {
        return meanNorm[film];
    }

    public float bias(int film) {
        return bias[film];
    }

    public float popularity(int film) {
        return popularity[film];
    }

    public Factors factors() {
        return factors;
    }

    /** Implicit (who-watched-what) factors. */
    public Factors implicit() {
        return implicit;
    }

    /** The engine's view of the same columns (shares the arrays, which nobody modifies). */
    public dev.vouch.engine.RankingModel.FilmArrays engineArrays() {
        return new dev.vouch.engine.RankingModel.FilmArrays(bias, nRatings, factors, implicit);
    }

    long bytes() {
        return factors.bytes() + implicit.bytes() + size() * (4L + 4 + 8 + 4 + 8 + 4 + 4 + 64);
    }

    private static final class Columns {
        final String[] ids;
        final String[] titles;
        final int[] years;
        final String[][] genres;
        final double[] scaleMax;
        final int[] nRatings;
        final double[] meanNorm;
        final float[] bias;
        final float[] popularity;

        Columns(int n) {
            ids = new String[n];
            titles = new String[n];
            years = new int[n];
            genres = new String[n][];
            scaleMax = new double[n];
            nRatings = new int[n];
            meanNorm = new double[n];
            bias = new float[n];
            popularity = new float[n];
        }
    }
}
