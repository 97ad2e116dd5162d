package dev.vouch.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Finding 3 of issue 12, property-based with a seeded generator: random and adversarial review documents and lines
 * never throw, each finishes in bounded time, every input record becomes exactly one staged row (read = accepted +
 * rejected), and no accepted record carries a scale that {@code score / scale_max} cannot divide by.
 */
class HostileInputTest {
    private static final long SEED = 20261127L;
    /** Generous: the cubic film pattern took 6 s on 2,000 blanks; linear parsing takes well under a millisecond. */
    private static final long BOUND_MILLIS = 2_000;
    private static final String[] PIECES = {"Film:", "film :", "Author:", "AUTHOR :", "Overall Score", "overall score:",
        "View all posts by", "/", "/0", "0/0", "(2016)", "(", ")", "|", "||", ":", "Story:", "Acting: 9/10", "8.5",
        "10", "0", "7,5", "1e400", "-3", "NaN", "Infinity", "é", "’", "\u00A0", "\t", "\r", "\uFEFF", "\u0000", "😀",
        "a", "Arrival", "-", ",", ";", "\"", "\"\"", "2016-13-45", "123456789012"};

    @Test
    void randomDocumentsNeverThrowAndAreAcceptedOrRejected() {
        Random random = new Random(SEED);
        for (int i = 0; i < 3_000; i++) {
            checkDocument("doc-" + i + ".txt", randomText(random, 1 + random.nextInt(12)).getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 200; i++) { // random bytes: binary, broken UTF-8
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            checkDocument("bin-" + i + ".txt", bytes);
        }
    }

    @Test
    void adversarialDocumentsFinishQuicklyAsRejectsOrWithSaneScales() {
        String blanks = " ".repeat(5_000);
        List<String> docs = List.of(
                "8 Overall Score\nFilm: a" + blanks + "b\nAuthor: x View all posts by\n",
                "8 Overall Score\nAuthor: a" + blanks + "b" + blanks + "\n",
                "1" + blanks + "x\nAuthor: y\n",
                "Overall Score" + blanks + ":" + blanks + "x\nAuthor: y\n",
                "8 Overall Score\nStory" + blanks + ":" + blanks + "9" + blanks + "/x\nAuthor: y\n",
                "0/0 Overall Score\nAuthor: Zero Max\n",
                "0 Overall Score\nStory: 0/0\nAuthor: Zero Aspect\n",
                "5/" + "9".repeat(400) + " Overall Score\nAuthor: Huge Max\n",
                "9".repeat(400) + " Overall Score\nAuthor: Huge Score\n",
                "Film: " + "(".repeat(5_000) + "\n8 Overall Score\nAuthor: Parens\n",
                "8 Overall Score\n" + "Author: a\n".repeat(20_000));
        for (int i = 0; i < docs.size(); i++) {
            Row row = checkDocument("adversarial-" + i + ".txt", docs.get(i).getBytes(StandardCharsets.UTF_8));
            if (i >= 5 && i <= 8) {
                assertThat(reason(row)).as("doc %d: a zero or non-finite scale is a reject", i).isNotNull();
            }
        }
        byte[] huge = ("8 Overall Score\nAuthor: Big\n" + "x".repeat(StagedReader.MAX_DOCUMENT_BYTES))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reason(checkDocument("huge.txt", huge))).startsWith("document larger than");
    }

    @Test
    void randomAndAdversarialLinesAreOneRowEach() {
        List<LineParser> parsers = List.of(MovieLensParsers.ratings("ml"), MovieLensParsers.tags("ml"),
                MovieLensParsers.movies("ml"), MovieLensParsers.aspects("ml"),
                DelimitedParsers.ratings("d", ",", ColumnMapping.parse("user,item,rating,timestamp"), 1, 5),
                DelimitedParsers.ratings("d", "whitespace", ColumnMapping.parse("user,item,rating"),
                        -Double.MAX_VALUE, Double.MAX_VALUE),
                DelimitedParsers.ratings("d", Fields.BLANKS_OR_COMMAS, ColumnMapping.parse("user,item,rating"), 0.5, 4),
                DelimitedParsers.trust("d", Fields.BLANKS_OR_COMMAS));
        Random random = new Random(SEED + 1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add(randomLine(random));
        }
        String blanks = " ".repeat(20_000);
        lines.addAll(List.of("1,2,a" + blanks + "b (1995),Drama", "1,2," + blanks + "(1995" + blanks + ",Drama",
                "1" + blanks + "2" + blanks + "x", "1,2,3,4," + ",".repeat(20_000), "1\t2\t1e400",
                "1,2,story,0,0", "1,2,story,1," + "9".repeat(400), "x".repeat(StagedReader.MAX_LINE_CHARS + 1)));
        for (LineParser parser : parsers) {
            int read = 0;
            int accepted = 0;
            int rejected = 0;
            for (int i = 0; i < lines.size(); i++) {
                long started = System.nanoTime();
                Iterator<Row> rows = StagedReader.parseLine("f.csv", new Tuple2<>(lines.get(i), (long) i + 1), parser);
                assertThat((System.nanoTime() - started) / 1_000_000).as("line %d", i).isLessThan(BOUND_MILLIS);
                read++;
                Row row = rows.next();
                assertThat(rows.hasNext()).as("one row per line").isFalse();
                if (reason(row) == null) {
                    accepted++;
                    assertSaneScale(row);
                } else {
                    rejected++;
                }
            }
            assertThat(read).isEqualTo(lines.size()).isEqualTo(accepted + rejected);
        }
        assertThat(reason(StagedReader.parseLine("f.csv", new Tuple2<>("x".repeat(StagedReader.MAX_LINE_CHARS + 1), 0L),
                MovieLensParsers.ratings("ml")).next())).startsWith("line longer than");
        assertThat(reason(StagedReader.parseLine("f.csv", new Tuple2<>(CappedLineInputFormat.OVERSIZED + "1,2,3", 0L),
                MovieLensParsers.ratings("ml")).next())).as("a line the reader capped").startsWith("line longer than");
    }

    private static Row checkDocument(String name, byte[] bytes) {
        long started = System.nanoTime();
        Row row = StagedReader.parseDocument("reviews", name, bytes); // never throws: a reject at worst
        assertThat((System.nanoTime() - started) / 1_000_000).as(name + " parse time ms").isLessThan(BOUND_MILLIS);
        if (reason(row) == null) {
            assertSaneScale(row);
        }
        return row;
    }

    private static void assertSaneScale(Row row) {
        Object kind = field(row, "kind");
        if (!"RATING".equals(kind) || field(row, "score") == null) {
            return;
        }
        double score = (Double) field(row, "score");
        double min = (Double) field(row, "scale_min");
        double max = (Double) field(row, "scale_max");
        assertThat(Double.isFinite(score) && Double.isFinite(max)).as(row.toString()).isTrue();
        assertThat(max).as(row.toString()).isGreaterThan(0).isGreaterThan(min);
        assertThat(score).as(row.toString()).isBetween(min, max);
    }

    private static String reason(Row row) {
        return (String) field(row, "reason");
    }

    private static Object field(Row row, String name) {
        return row.get(Staged.SCHEMA.fieldIndex(name));
    }

    private static String randomText(Random random, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int pieces = random.nextInt(6);
            for (int p = 0; p < pieces; p++) {
                sb.append(random.nextInt(8) == 0 ? " ".repeat(random.nextInt(300)) : PIECES[random.nextInt(PIECES.length)]);
                if (random.nextBoolean()) {
                    sb.append(' ');
                }
            }
            sb.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    private static String randomLine(Random random) {
        StringBuilder sb = new StringBuilder();
        int fields = random.nextInt(7);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                sb.append(new String[] {",", "\t", " ", ";", "  ", ", "}[random.nextInt(6)]);
            }
            sb.append(random.nextInt(3) == 0 ? Integer.toString(random.nextInt(12) - 2)
                    : PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
