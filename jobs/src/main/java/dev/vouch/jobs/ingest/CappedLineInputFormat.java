package dev.vouch.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.LineReader;

/**
 * Text lines like Hadoop's {@code TextInputFormat}, except that a line longer than {@link #MAX_BYTES} is never held
 * whole: only its first bytes are kept and the record becomes {@link #OVERSIZED} followed by them, so the caller
 * rejects it and every later line keeps its number. (Hadoop's own {@code maxLineLength} drops long lines silently,
 * which would break read = accepted + rejected and shift the line numbers.) A line belongs to the split it starts
 * in; compressed files are read whole, as by Hadoop.
 */
public final class CappedLineInputFormat extends FileInputFormat<LongWritable, Text> {
    /** Longest line kept whole, in bytes: four bytes per character of the character limit. */
    static final int MAX_BYTES = StagedReader.MAX_LINE_CHARS * 4;
    /** Starts the text of an oversized line; NUL never starts a line of the formats we read. */
    static final String OVERSIZED = "\u0000vouch:oversized-line\u0000";
    private static final int KEPT = 1_000;

    @Override
    protected boolean isSplitable(FileSystem fs, Path file) {
        return new CompressionCodecFactory(fs.getConf()).getCodec(file) == null;
    }

    @Override
    public RecordReader<LongWritable, Text> getRecordReader(InputSplit split, JobConf job, Reporter reporter)
            throws IOException {
        return new Reader(job, (FileSplit) split);
    }

    static final class Reader implements RecordReader<LongWritable, Text> {
        private final LineReader in;
        private final long end;
        private final long start;
        private long pos;

        Reader(JobConf job, FileSplit split) throws IOException {
            Path file = split.getPath();
            FileSystem fs = file.getFileSystem(job);
            FSDataInputStream raw = fs.open(file);
            CompressionCodec codec = new CompressionCodecFactory(job).getCodec(file);
            InputStream stream;
            if (codec != null) {
                stream = codec.createInputStream(raw);
                start = 0;
                end = Long.MAX_VALUE;
            } else {
                raw.seek(split.getStart());
                stream = raw;
                long first = split.getStart();
                end = first + split.getLength();
                start = first;
            }
            in = new LineReader(stream, job);
            pos = start;
            if (start != 0) {
                // The line that straddles into this split belongs to the previous one.
                pos += in.readLine(new Text(), 0, Integer.MAX_VALUE);
            }
        }

        @Override
        public boolean next(LongWritable key, Text value) throws IOException {
            if (pos > end) {
                return false;
            }
            key.set(pos);
            int consumed = in.readLine(value, MAX_BYTES + 1, Integer.MAX_VALUE);
            if (consumed == 0) {
                return false;
            }
            pos += consumed;
            if (value.getLength() > MAX_BYTES) {
                Text head = new Text();
                head.set(value.getBytes(), 0, KEPT);
                value.set(OVERSIZED + head);
            }
            return true;
        }

        @Override
        public LongWritable createKey() {
            return new LongWritable();
        }

        @Override
        public Text createValue() {
            return new Text();
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public float getProgress() {
            return end == Long.MAX_VALUE || end == start ? 0 : Math.min(1f, (pos - start) / (float) (end - start));
        }
    }
}
