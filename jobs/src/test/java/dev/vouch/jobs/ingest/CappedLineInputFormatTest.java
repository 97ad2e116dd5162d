package dev.vouch.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 3 of issue 12 ("one huge line is held whole in memory"): an oversized line comes out as one capped
 * record, every other line is read exactly once and in order, whatever the split boundaries.
 */
class CappedLineInputFormatTest {
    @TempDir
    Path tmp;

    @Test
    void everyLineOnceInOrderWhateverTheSplits() throws Exception {
        List<String> lines = List.of("userId,movieId,rating", "1,2,3.5", "", "é,’,x", "3,4,5", "5,6,1", "x");
        Path file = write(String.join("\n", lines.subList(0, 3)) + "\r\n"
                + String.join("\n", lines.subList(3, lines.size())));
        for (long splitSize : new long[] {1, 2, 3, 5, 7, 11, 64}) {
            assertThat(readAll(file, splitSize)).as("split size " + splitSize).isEqualTo(lines);
        }
    }

    @Test
    void aHugeLineIsOneCappedRecordAndTheLinesAroundItKeepTheirPlace() throws Exception {
        String huge = "h".repeat(CappedLineInputFormat.MAX_BYTES + 5_000);
        Path file = write("1,2,3\n" + huge + "\n3,4,5\n5,6,1");
        List<String> expected = List.of("1,2,3", CappedLineInputFormat.OVERSIZED + "h".repeat(1_000), "3,4,5", "5,6,1");
        for (long splitSize : new long[] {1_000, 50_000, 100_000, Files.size(file)}) {
            assertThat(readAll(file, splitSize)).as("split size " + splitSize).isEqualTo(expected);
        }
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(tmp, "lines", ".csv");
        Files.writeString(file, text);
        return file;
    }

    private static List<String> readAll(Path file, long splitSize) throws Exception {
        long length = Files.size(file);
        List<String> read = new ArrayList<>();
        for (long start = 0; start < length; start += splitSize) {
            read.addAll(readSplit(file, start, Math.min(splitSize, length - start)));
        }
        return read;
    }

    private static final JobConf JOB = new JobConf();

    private static List<String> readSplit(Path file, long start, long length) throws Exception {
        JobConf job = JOB;
        FileSplit split = new FileSplit(new org.apache.hadoop.fs.Path(file.toUri()), start, length, (String[]) null);
        List<String> out = new ArrayList<>();
        RecordReader<LongWritable, Text> reader = new CappedLineInputFormat().getRecordReader(split, job, null);
        try {
            LongWritable key = reader.createKey();
            Text value = reader.createValue();
            while (reader.next(key, value)) {
                out.add(new String(value.getBytes(), 0, value.getLength(), StandardCharsets.UTF_8));
            }
        } finally {
            reader.close();
        }
        return out;
    }
}
