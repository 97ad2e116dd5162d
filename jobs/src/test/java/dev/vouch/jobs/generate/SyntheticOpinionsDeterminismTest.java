package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.jobs.generate.SyntheticOpinions.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticOpinionsDeterminismTest {
    private static final List<String> FILES = List.of("movies.csv", "ratings.csv", "tags.csv", "aspects.csv",
            "groups.csv");
    private static final Params SMALL = Params.defaults().withSize(40, 200, 2_000);

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        SyntheticOpinions.write(tmp.resolve("a"), SMALL);
        SyntheticOpinions.write(tmp.resolve("b"), SMALL);
        for (String f : FILES) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
        }
    }

    @Test
    void rewritingIntoTheSameFolderReplacesTheFiles() throws IOException {
        Path dir = tmp.resolve("same");
        SyntheticOpinions.write(dir, SMALL.withSeed(7));
        SyntheticOpinions.write(dir, SMALL);
        SyntheticOpinions.write(tmp.resolve("fresh"), SMALL);
        for (String f : FILES) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("fresh").resolve(f)));
        }
    }

    @Test
    void differentSeedGivesDifferentData() throws IOException {
        SyntheticOpinions.write(tmp.resolve("a"), SMALL);
        SyntheticOpinions.write(tmp.resolve("b"), SMALL.withSeed(43));
        for (String f : List.of("movies.csv", "ratings.csv", "groups.csv")) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f)
                    .isNotEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
        }
    }

    @Test
    void fewerGroupsUseTheFirstCatalogueEntries() {
        SyntheticOpinions.write(tmp, SMALL.withGroups(2));
        assertThat(CsvRows.body(tmp.resolve("groups.csv")).stream().map(r -> r.get(2)).distinct())
                .containsExactlyInAnyOrder("Noir", "Space Opera");
    }
}
