package dev.vouch.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.Tables;
import dev.vouch.jobs.common.TestSpark;
import dev.vouch.jobs.common.VouchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest {
    private final SparkSession spark = TestSpark.get();

    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private IngestSummary ingest(IngestRequest r) {
        return new IngestJob(spark, Progress.quiet()).run(r);
    }

    private List<Row> table(IngestSummary s, String table) {
        return spark.read().parquet(s.snapshot() + "/" + table).orderBy(Tables.schemaOf(table).fieldNames()[0])
                .collectAsList();
    }

    @Test
    void movieLensMergesTagsRejectsBadLinesAndDuplicatesAndReconciles() throws IOException {
        Path ml = tmp.resolve("ml");
        write(ml.resolve("ratings.csv"), """
                userId,movieId,rating,timestamp
                1,10,4.0,964982703
                1,20,9.0,964982703
                2,10,3.5,964982703
                2,10,5.0,964982999
                garbage line
                3,30,2.0,964982703
                """);
        write(ml.resolve("tags.csv"), """
                userId,movieId,tag,timestamp
                1,10,funny,1445714994
                1,10,Highly quotable,1445714996
                4,30,dark,1445714996
                """);
        write(ml.resolve("movies.csv"), """
                movieId,title,genres
                10,"Matrix, The (1999)",Action|Sci-Fi
                30,Heat (1995),Crime
                """);
        IngestSummary s = ingest(IngestRequest.of(SourceFormat.MOVIELENS, ml.toString(), tmp.resolve("wh").toString()));

        assertThat(s.files()).allMatch(IngestSummary.FileCount::reconciles);
        assertThat(s.files()).extracting(IngestSummary.FileCount::file, IngestSummary.FileCount::read,
                        IngestSummary.FileCount::rejected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("movies.csv", 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("ratings.csv", 6L, 3L),
                        org.assertj.core.groups.Tuple.tuple("tags.csv", 3L, 0L));
        assertThat(s.read()).isEqualTo(11);
        assertThat(s.accepted()).isEqualTo(8);

        List<Row> reviews = table(s, Tables.REVIEWS);
        assertThat(reviews).extracting(r -> r.getAs("review_id"))
                .containsExactly("movielens:1/movielens:10", "movielens:2/movielens:10", "movielens:3/movielens:30",
                        "movielens:4/movielens:30");
        Row first = reviews.get(0);
        assertThat((Double) first.getAs("score_norm")).isEqualTo(0.8);
        assertThat(first.getList(first.fieldIndex("tags"))).containsExactly("funny", "Highly quotable");
        Row dup = reviews.get(1);
        assertThat((Double) dup.getAs("score")).as("the last copy wins").isEqualTo(5.0);
        assertThat((Integer) dup.getAs("source_line")).isEqualTo(5);
        Row tagOnly = reviews.get(3);
        assertThat(tagOnly.isNullAt(tagOnly.fieldIndex("score"))).isTrue();
        assertThat((Double) tagOnly.getAs("scale_max")).isEqualTo(5.0);

        List<Row> rejects = table(s, Tables.REJECTS);
        assertThat(rejects).extracting(r -> r.getAs("line") + ":" + r.getAs("reason"))
                .containsExactlyInAnyOrder("3:rating 9.0 is outside the scale 0.5..5",
                        "4:duplicate: the same key is given again at ratings.csv:5, which is kept",
                        "6:expected 4 fields, found 1");
        List<Row> films = table(s, Tables.FILMS);
        assertThat(films).extracting(r -> r.getAs("film_id") + "|" + r.getAs("title") + "|" + r.getAs("year"))
                .containsExactly("movielens:10|Matrix, The|1999", "movielens:30|Heat|1995");
        assertThat(table(s, Tables.REVIEWERS)).hasSize(4);
    }

    @Test
    void aSecondSourceIsAddedBesideTheFirstAndReingestReplacesIt() throws IOException {
        Path ft = tmp.resolve("ft");
        write(ft.resolve("ratings.txt"), "1 1 2\n1 2 4\n1 2 3.5\n2 1 0.5\n");
        write(ft.resolve("trust.txt"), "1 2 1\n2 1 1\n1 2 1\n");
        String wh = tmp.resolve("wh").toString();
        IngestSummary first = ingest(IngestRequest.of(SourceFormat.FILMTRUST, ft.toString(), wh));
        assertThat(first.rejected()).isEqualTo(2);
        assertThat(first.tables()).containsEntry(Tables.REVIEWS, 3L).containsEntry(Tables.TRUST, 2L);

        Path d = tmp.resolve("d.tsv");
        write(d, "u1\tm1\t7\nu2\tm1\t3\nu2\tm2\tten\n");
        IngestSummary second = ingest(new IngestRequest(SourceFormat.DELIMITED, d.toString(), wh, "site", "\\t",
                ColumnMapping.parse("user,item,rating"), null));
        assertThat(second.rejected()).isEqualTo(1);
        assertThat(second.tables()).containsEntry(Tables.REVIEWS, 5L).containsEntry(Tables.TRUST, 2L);
        Row site = spark.read().parquet(second.snapshot() + "/reviews").filter("source = 'site'").orderBy("review_id").first();
        assertThat((Double) site.getAs("scale_max")).as("inferred scale").isEqualTo(7.0);

        IngestSummary again = ingest(IngestRequest.of(SourceFormat.FILMTRUST, ft.toString(), wh));
        assertThat(again.tables()).containsEntry(Tables.REVIEWS, 5L);
        assertThat(Files.readString(Path.of(wh, "LATEST")).strip()).isEqualTo(Path.of(again.snapshot()).getFileName().toString());
        assertThat(Path.of(first.snapshot(), "reviews")).as("old snapshots stay readable").isDirectory();
    }

    @Test
    void keepLimitsTheSnapshotsAndNeverTouchesLatest() throws IOException {
        Path d = tmp.resolve("k.tsv");
        write(d, "u1\tm1\t4\nu2\tm1\t3\n");
        String wh = tmp.resolve("wh").toString();
        IngestSummary last = null;
        for (int i = 0; i < 3; i++) {
            last = new IngestJob(spark, Progress.quiet(), 2).run(new IngestRequest(SourceFormat.DELIMITED, d.toString(),
                    wh, "k" + i, "\\t", ColumnMapping.parse("user,item,rating"), new SnapshotAssembler.Scale(1, 5)));
        }
        try (var entries = Files.list(Path.of(wh))) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .hasSize(3).contains("LATEST", Path.of(last.snapshot()).getFileName().toString())
                    .noneMatch(n -> n.endsWith(".partial") || n.endsWith(".scratch"));
        }
        assertThat(spark.read().parquet(last.snapshot() + "/reviews").select("source").distinct().count())
                .as("every source carried over").isEqualTo(3);
    }

    @Test
    void anInferredScaleOfZeroRejectsEveryRatingInsteadOfAbortingTheRun() throws IOException {
        Path d = tmp.resolve("zeros.tsv");
        write(d, "u1\tm1\t0\nu2\tm1\t0\nu2\tm2\t0\n");
        IngestSummary s = ingest(new IngestRequest(SourceFormat.DELIMITED, d.toString(), tmp.resolve("wh").toString(),
                "zeros", "\\t", ColumnMapping.parse("user,item,rating"), null));
        assertThat(s.read()).isEqualTo(3).isEqualTo(s.accepted() + s.rejected());
        assertThat(s.rejected()).isEqualTo(3);
        assertThat(spark.read().parquet(s.snapshot() + "/rejects").first().<String>getAs("reason"))
                .contains("inferred").contains("--scale");
    }

    @Test
    void aZeroScaleInAReviewDocumentIsARejectNotAFailedRun() throws IOException {
        Path docs = tmp.resolve("zero-docs");
        write(docs.resolve("her-2013.txt"), "0/0 Overall Score\n\nText.\n\nAuthor: Ana Lee View all posts by\nCritic\n");
        write(docs.resolve("up-2009.txt"), "8 Overall Score\n\nText.\n\nAuthor: Ana Lee View all posts by\nCritic\n");
        IngestSummary s = ingest(IngestRequest.of(SourceFormat.REVIEWS, docs.toString(), tmp.resolve("wh").toString()));
        assertThat(s.read()).isEqualTo(2);
        assertThat(s.accepted()).isEqualTo(1);
        assertThat(s.rejected()).isEqualTo(1);
    }

    @Test
    void reviewDocumentsFolderRejectsEmptyAndBinaryFiles() throws IOException {
        Path docs = tmp.resolve("docs");
        write(docs.resolve("her-2013.txt"), "9 Overall Score\nStory: 9/10\n\nSweet | Sad |\n\nText.\n\nAuthor: Ana Lee View all posts by\nCritic\n");
        write(docs.resolve("empty.txt"), "");
        Files.write(docs.resolve("poster.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        IngestSummary s = ingest(IngestRequest.of(SourceFormat.REVIEWS, docs.toString(), tmp.resolve("wh").toString()));
        assertThat(s.read()).isEqualTo(3);
        assertThat(s.accepted()).isEqualTo(1);
        Row review = table(s, Tables.REVIEWS).get(0);
        assertThat((String) review.getAs("film_id")).isEqualTo("film:her-2013");
        assertThat(review.getList(review.fieldIndex("tags"))).containsExactly("Sweet", "Sad");
        Row film = table(s, Tables.FILMS).get(0);
        assertThat((String) film.getAs("title")).isEqualTo("Her");
        Row reviewer = table(s, Tables.REVIEWERS).get(0);
        assertThat((String) reviewer.getAs("display_name")).isEqualTo("Ana Lee");
        assertThat((String) reviewer.getAs("role")).isEqualTo("Critic");
        assertThat(table(s, Tables.REJECTS)).extracting(r -> r.getAs("file") + ":" + r.getAs("reason"))
                .containsExactlyInAnyOrder("empty.txt:empty file", "poster.png:not a text file (contains NUL bytes)");
    }

    @Test
    void missingInputIsAClearErrorAndLeavesNoSnapshot() {
        String wh = tmp.resolve("wh").toString();
        assertThatThrownBy(() -> ingest(IngestRequest.of(SourceFormat.MOVIELENS, tmp.resolve("nope").toString(), wh)))
                .isInstanceOf(VouchException.class).hasMessageContaining("input path does not exist");
        assertThatThrownBy(() -> ingest(IngestRequest.of(SourceFormat.MOVIELENS, tmp.toString(), wh)))
                .isInstanceOf(VouchException.class).hasMessageContaining("missing ratings.csv");
        assertThat(Path.of(wh, "LATEST")).doesNotExist();
    }
}
