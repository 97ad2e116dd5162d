package dev.vouch.jobs.ingest;

import dev.vouch.jobs.common.VouchException;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Reads input files into staged rows, one per input record, each with its file and 1-based line. A record that does
 * not parse becomes a staged row with a reason, so nothing is dropped on the way.
 */
final class StagedReader {
    private static final int MAX_RAW = 100_000;
    /** Longer lines are rejects: no rating, tag or film line comes near, and hostile ones cost time and memory. */
    static final int MAX_LINE_CHARS = 64 * 1024;
    /** Larger review documents are rejects, read no further than this (a review is a few KiB). */
    static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private final SparkSession spark;
    private final FileSystem fs;

    StagedReader(SparkSession spark, Path anyInput) {
        this.spark = spark;
        try {
            this.fs = anyInput.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new VouchException("cannot open " + anyInput + ": " + e.getMessage(), e);
        }
    }

    boolean exists(Path p) {
        try {
            return fs.exists(p);
        } catch (IOException e) {
            return false;
        }
    }

    boolean isDirectory(Path p) {
        try {
            return fs.getFileStatus(p).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    /** The first existing file among the names, under the folder; null when there is none. */
    Path firstOf(Path folder, String... names) {
        for (String name : names) {
            Path p = new Path(folder, name);
            if (exists(p)) {
                return p;
            }
        }
        return null;
    }

    /** Parses every line of a text file; line 1 is skipped when it is a header ({@link LineParser#isHeader}). */
    Dataset<Row> lines(Path file, String displayName, LineParser parser) {
        // Not textFile: Hadoop's line reader would hold a line of any length whole (see CappedLineInputFormat).
        JavaRDD<String> text = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .hadoopFile(file.toString(), CappedLineInputFormat.class, LongWritable.class, Text.class)
                .map(t -> t._2().toString());
        JavaRDD<Row> rows = text.zipWithIndex().flatMap(t -> parseLine(displayName, t, parser));
        return spark.createDataFrame(rows, Staged.SCHEMA);
    }

    static Iterator<Row> parseLine(String file, Tuple2<String, Long> t, LineParser parser) {
        int line = (int) (t._2() + 1);
        String raw = t._1();
        if (raw.length() > MAX_LINE_CHARS || raw.startsWith(CappedLineInputFormat.OVERSIZED)) {
            String head = raw.startsWith(CappedLineInputFormat.OVERSIZED)
                    ? raw.substring(CappedLineInputFormat.OVERSIZED.length()) : raw;
            return List.of(Staged.rejectRow(file, line, clip(head),
                    "line longer than " + MAX_LINE_CHARS + " characters")).iterator();
        }
        if (line == 1 && LineParser.isHeader(raw)) {
            return Collections.emptyIterator();
        }
        String clipped = clip(raw);
        if (raw.isBlank()) {
            return List.of(Staged.rejectRow(file, line, clipped, "empty line")).iterator();
        }
        try {
            return List.of(parser.parse(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw)
                    .toRow(file, line, clipped)).iterator();
        } catch (BadRecord e) {
            return List.of(Staged.rejectRow(file, line, clipped, e.getMessage())).iterator();
        } catch (RuntimeException e) {
            return List.of(Staged.rejectRow(file, line, clipped, "unreadable record: " + e)).iterator();
        }
    }

    /** Parses every regular file of a folder as one review document (line 1 is the document's location). */
    Dataset<Row> documents(Path folder, String source) {
        List<FileStatus> files;
        try {
            files = List.of(fs.listStatus(folder, p -> !p.getName().startsWith(".") && !p.getName().startsWith("_")));
        } catch (IOException e) {
            throw new VouchException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (files.stream().noneMatch(FileStatus::isFile)) {
            throw new VouchException("no files in " + folder);
        }
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .binaryFiles(folder.toString())
                .map(t -> parseDocument(source, new Path(t._1()).getName(), t._2()));
        return spark.createDataFrame(rows, Staged.SCHEMA);
    }

    /** Reads at most {@link #MAX_DOCUMENT_BYTES} + 1 bytes, so a huge file is never held whole. */
    private static Row parseDocument(String source, String name, PortableDataStream stream) {
        byte[] bytes;
        try (DataInputStream in = stream.open()) {
            bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        } catch (IOException e) {
            return Staged.rejectRow(name, 1, null, "unreadable file: " + e.getMessage());
        }
        return parseDocument(source, name, bytes);
    }

    static Row parseDocument(String source, String name, byte[] bytes) {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            return Staged.rejectRow(name, 1, new String(bytes, 0, 1000, StandardCharsets.UTF_8),
                    "document larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        String text = null;
        try {
            text = ReviewDocumentParser.decode(bytes);
            return ReviewDocumentParser.parse(source, name, text).toRow(name, 1, clip(text));
        } catch (BadRecord e) {
            return Staged.rejectRow(name, 1, text == null ? null : clip(text), e.getMessage());
        } catch (RuntimeException e) {
            return Staged.rejectRow(name, 1, text == null ? null : clip(text), "unreadable document: " + e);
        }
    }

    private static String clip(String raw) {
        return raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
    }
}
