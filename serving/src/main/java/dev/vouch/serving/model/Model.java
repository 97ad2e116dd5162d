package dev.vouch.serving.model;

import dev.vouch.engine.RankingModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One loaded model version: every table in memory, indexed for serving. Immutable and safe to share between
 * threads; a request takes one {@code Model} and uses it throughout, so a reload never mixes versions.
 */
public final class Model {
    private final Manifest manifest;
    private final Films films;
    private final Reviewers reviewers;
    private final Opinions opinions;
    private final Kindred kindred;
    private final SimilarFilms similarFilms;
    private final FilmTags filmTags;
    private final FilmAspects filmAspects;
    private final NameIndex filmNames;
    private final NameIndex reviewerNames;
    private final Set<String> aspectNames;
    private final int[] byPopularity;
    private final double[] reviewerScale;
    private final RankingModel ranking;
    private final ReviewerLists lists;
    private final Instant loadedAt;
    private final Duration loadTime;

    Model(Manifest manifest, Films films, Reviewers reviewers, Opinions opinions, Kindred kindred,
          SimilarFilms similarFilms, FilmTags filmTags, FilmAspects filmAspects, ReviewerLists lists,
          long startedNanos) {
        this.manifest = manifest;
        this.films = films;
        this.reviewers = reviewers;
        this.opinions = opinions;
        this.kindred = kindred;
        this.similarFilms = similarFilms;
        this.filmTags = filmTags;
        this.filmAspects = filmAspects;
        this.filmNames = new NameIndex(IntStream.range(0, films.size()).mapToObj(films::title).toArray(String[]::new),
                IntStream.range(0, films.size()).map(films::nRatings).toArray());
        this.reviewerNames = new NameIndex(
                IntStream.range(0, reviewers.size()).mapToObj(reviewers::name).toArray(String[]::new),
                IntStream.range(0, reviewers.size()).map(reviewers::nReviews).toArray());
        Set<String> aspects = new HashSet<>(opinions.aspectNames());
        aspects.addAll(filmAspects.names());
        this.aspectNames = Set.copyOf(aspects);
        this.byPopularity = IntStream.range(0, films.size()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(f -> -films.popularity(f)).thenComparingInt(f -> f))
                .mapToInt(Integer::intValue).toArray();
        this.reviewerScale = new double[reviewers.size()];
        for (int r = 0; r < reviewerScale.length; r++) {
            double scale = Double.NaN;
            for (int p = opinions.start(r); p < opinions.end(r); p++) {
                scale = Math.max(Double.isNaN(scale) ? 0 : scale, opinions.scaleMax(p, 0));
            }
            reviewerScale[r] = scale > 0 ? scale : Double.NaN;
        }
        this.ranking = new RankingModel(manifest.globalMean(), manifest.ranking(), reviewers.engineArrays(),
                films.engineArrays(), opinions.engineArrays());
        this.lists = lists.checked(ranking, manifest.version());
        this.loadedAt = Instant.now();
        this.loadTime = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The version id (folder name). */
    public String version() {
        return manifest.version();
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Mean score_norm over the training ratings. */
    public double globalMean() {
        return manifest.globalMean();
    }

    public int rank() {
        return manifest.rank();
    }

    /** Dense index of a film id; throws {@link UnknownIdException} when the model lacks it. */
    public int film(String filmId) {
        int f = films.indexOf(filmId);
        if (f < 0) {
            throw new UnknownIdException("film", filmId);
        }
        return f;
    }

    /** Dense index of a reviewer id; throws {@link UnknownIdException} when the model lacks it. */
    public int reviewer(String reviewerId) {
        int r = reviewers.indexOf(reviewerId);
        if (r < 0) {
            throw new UnknownIdException("reviewer", reviewerId);
        }
        return r;
    }

    /** The ranking engine's model over the same arrays: what every suggestion list is ranked with. */
    /** The lists published with the model (none for a model published without them). */
    public ReviewerLists lists() {
        return lists;
    }

    public RankingModel ranking() {
        return ranking;
    }

    public Films films() {
        return films;
    }

    public Reviewers reviewers() {
        return reviewers;
    }

    public Opinions opinions() {
        return opinions;
    }

    public Kindred kindred() {
        return kindred;
    }

    public SimilarFilms similarFilms() {
        return similarFilms;
    }

    public FilmTags filmTags() {
        return filmTags;
    }

    public FilmAspects filmAspects() {
        return filmAspects;
    }

    public NameIndex filmNames() {
        return filmNames;
    }

    public NameIndex reviewerNames() {
        return reviewerNames;
    }

    /** Every aspect name in opinions or film_aspects (lower case). */
    public Set<String> aspectNames() {
        return aspectNames;
    }

    /** Film indices by popularity, most popular first (a copy). */
    public int[] filmsByPopularity() {
        return byPopularity.clone();
    }

    /**
     * The scale a reviewer scores on (the largest {@code score / score_norm} among their opinions), or
     * {@code fallback} for a reviewer with no positive score.
     */
    public double reviewerScale(int reviewer, double fallback) {
        double s = reviewerScale[reviewer];
        return Double.isNaN(s) ? fallback : s;
    }

    /** Film index at a popularity rank (0 = most popular). */
    public int popularFilm(int rank) {
        return byPopularity[rank];
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Duration loadTime() {
        return loadTime;
    }

    /** A rough estimate of the heap the model's structures use, in bytes. */
    public long estimatedBytes() {
        return films.bytes() + reviewers.bytes() + opinions.bytes() + kindred.bytes() + similarFilms.bytes()
                + filmTags.bytes() + filmAspects.bytes() + filmNames.bytes() + reviewerNames.bytes()
                + byPopularity.length * 4L + ranking.bytes() + lists.bytes();
    }
}
