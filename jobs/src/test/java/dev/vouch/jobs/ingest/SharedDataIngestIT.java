package dev.vouch.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.common.Progress;
import dev.vouch.jobs.common.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest reconciles exactly on the real public data sets in ../shared/data (never copied into the repo). */
class SharedDataIngestIT {
    private static final Path SHARED = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private IngestSummary ingest(SourceFormat format, Path input) {
        return new IngestJob(TestSpark.get(), Progress.quiet())
                .run(IngestRequest.of(format, input.toString(), tmp.resolve("wh").toString()));
    }

    private static Map<String, IngestSummary.FileCount> byFile(IngestSummary s) {
        return s.files().stream().collect(Collectors.toMap(IngestSummary.FileCount::file, f -> f));
    }

    @Test
    void filmTrustKeepsTheLastOfEachDuplicateAndEveryTrustLine() {
        IngestSummary s = ingest(SourceFormat.FILMTRUST, SHARED.resolve("filmtrust"));
        Map<String, IngestSummary.FileCount> files = byFile(s);
        assertThat(files.get("ratings.txt").read()).isEqualTo(35_497);
        assertThat(files.get("trust.txt").read()).isEqualTo(1_853);
        assertThat(s.files()).allMatch(IngestSummary.FileCount::reconciles);
        // One exact duplicate line and user 308's films rated twice: the earlier copies are rejects, nothing else.
        List<Row> rejects = TestSpark.get().read().parquet(s.snapshot() + "/rejects").collectAsList();
        assertThat(rejects).isNotEmpty().allMatch(r -> r.getString(r.fieldIndex("reason")).startsWith("duplicate"));
        assertThat(s.tables()).containsEntry("reviews", files.get("ratings.txt").accepted())
                .containsEntry("trust", 1_853L);
    }

    @Test
    void ciaoDvdReconciles() {
        IngestSummary s = ingest(SourceFormat.CIAO, SHARED.resolve("ciaodvd"));
        Map<String, IngestSummary.FileCount> files = byFile(s);
        assertThat(files.get("movie-ratings.txt").read()).isEqualTo(72_665);
        assertThat(files.get("trusts.txt").read()).isEqualTo(40_133);
        assertThat(s.files()).allMatch(IngestSummary.FileCount::reconciles);
        assertThat(s.read()).isEqualTo(s.accepted() + s.rejected());
    }

    @Test
    void movieLensWithOnePercentOfLinesCorruptedRejectsExactlyThoseLines() throws IOException {
        Path source = SHARED.resolve("ml-latest-small");
        Path copy = Files.createDirectories(tmp.resolve("ml-corrupt"));
        for (String name : List.of("movies.csv", "tags.csv")) {
            Files.copy(source.resolve(name), copy.resolve(name));
        }
        List<String> lines = Files.readAllLines(source.resolve("ratings.csv"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        Set<Integer> corrupted = new TreeSet<>();
        String[] damage = {"%s,,", "%s,abc,0", "%s,9.5,0", "garbage %s", ""};
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0 && i % 100 == 0) {
                String[] f = line.split(",");
                out.add(String.format(damage[(i / 100) % damage.length], f[0] + "," + f[1]));
                corrupted.add(i + 1);
            } else {
                out.add(line);
            }
        }
        Files.write(copy.resolve("ratings.csv"), out, StandardCharsets.UTF_8);

        IngestSummary s = ingest(SourceFormat.MOVIELENS, copy);
        Map<String, IngestSummary.FileCount> files = byFile(s);
        assertThat(files.get("ratings.csv").read()).isEqualTo(100_836);
        assertThat(files.get("ratings.csv").rejected()).isEqualTo(corrupted.size());
        assertThat(files.get("ratings.csv").accepted()).isEqualTo(100_836 - corrupted.size());
        assertThat(files.get("tags.csv").read()).isEqualTo(3_683);
        assertThat(files.get("tags.csv").rejected()).isZero();
        assertThat(files.get("movies.csv").read()).isEqualTo(9_742);
        assertThat(s.files()).allMatch(IngestSummary.FileCount::reconciles);
        Set<Integer> rejectedLines = TestSpark.get().read().parquet(s.snapshot() + "/rejects")
                .filter("file = 'ratings.csv'").select("line").collectAsList().stream()
                .map(r -> r.getInt(0)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rejectedLines).isEqualTo(corrupted);
    }
}
