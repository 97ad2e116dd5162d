package dev.vouch.jobs.ingest;

import static org.apache.spark.sql.types.DataTypes.*;

import dev.vouch.jobs.common.Tables;
import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One parsed input record, before records are merged into snapshot tables. Every source format parses into this one
 * shape, so deduplication, merging and reconciliation are written once. Unused fields stay null.
 *
 * @param kind what the record contributes: a rated opinion, a tag or aspect of an opinion, a film, or a trust edge
 */
record Staged(Kind kind, String reviewer, String film, Double score, Double scaleMin, Double scaleMax,
              LocalDate date, List<String> tags, List<Aspect> aspects, String body, String reviewerName,
              String reviewerRole, String filmTitle, Integer filmYear, List<String> genres, String trustee,
              Double weight) implements Serializable {

    enum Kind { RATING, TAG, ASPECT, FILM, TRUST }

    record Aspect(String name, double score, double max) implements Serializable {}

    static Staged rating(String reviewer, String film, double score, double min, double max, LocalDate date) {
        return new Staged(Kind.RATING, reviewer, film, score, min, max, date, List.of(), List.of(),
                null, null, null, null, null, null, null, null);
    }

    static Staged tag(String reviewer, String film, String tag, LocalDate date) {
        return new Staged(Kind.TAG, reviewer, film, null, null, null, date, List.of(tag), List.of(),
                null, null, null, null, null, null, null, null);
    }

    static Staged aspect(String reviewer, String film, Aspect aspect) {
        return new Staged(Kind.ASPECT, reviewer, film, null, null, null, null, List.of(), List.of(aspect),
                null, null, null, null, null, null, null, null);
    }

    static Staged film(String film, String title, Integer year, List<String> genres) {
        return new Staged(Kind.FILM, null, film, null, null, null, null, List.of(), List.of(),
                null, null, null, title, year, genres, null, null);
    }

    static Staged trust(String truster, String trustee, double weight) {
        return new Staged(Kind.TRUST, truster, null, null, null, null, null, List.of(), List.of(),
                null, null, null, null, null, null, trustee, weight);
    }

    /** The schema of staged rows: location, reject reason (null when accepted), then the record's fields. */
    static final StructType SCHEMA = new StructType()
            .add("file", StringType, false)
            .add("line", IntegerType, false)
            .add("raw", StringType, true)
            .add("reason", StringType, true)
            .add("kind", StringType, true)
            .add("reviewer", StringType, true)
            .add("film", StringType, true)
            .add("score", DoubleType, true)
            .add("scale_min", DoubleType, true)
            .add("scale_max", DoubleType, true)
            .add("review_date", DateType, true)
            .add("tags", Tables.STRINGS, true)
            .add("aspects", Tables.ASPECTS, true)
            .add("body", StringType, true)
            .add("reviewer_name", StringType, true)
            .add("reviewer_role", StringType, true)
            .add("film_title", StringType, true)
            .add("film_year", IntegerType, true)
            .add("genres", Tables.STRINGS, true)
            .add("trustee", StringType, true)
            .add("weight", DoubleType, true);

    Row toRow(String file, int line, String raw) {
        return RowFactory.create(file, line, raw, null, kind.name(), reviewer, film, score, scaleMin, scaleMax,
                date == null ? null : Date.valueOf(date), seq(tags),
                seq(aspects.stream().map(a -> RowFactory.create(a.name(), a.score(), a.max())).toList()),
                body, reviewerName, reviewerRole, filmTitle, filmYear, genres == null ? null : seq(genres),
                trustee, weight);
    }

    static Row rejectRow(String file, int line, String raw, String reason) {
        Object[] values = new Object[SCHEMA.size()];
        values[0] = file;
        values[1] = line;
        values[2] = raw;
        values[3] = reason;
        return RowFactory.create(values);
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
