package dev.vouch.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
    @TempDir
    static Path models;
    static Model model;

    @BeforeAll
    static void load() {
        ModelFixture.create(models);
        model = new ModelLoader().load(models.resolve(ModelFixture.V1));
    }

    @Test
    void readsManifestAndTables() {
        assertThat(model.version()).isEqualTo(ModelFixture.V1);
        assertThat(model.rank()).isEqualTo(2);
        assertThat(model.globalMean()).isCloseTo(0.6, within(1e-9));
        assertThat(model.films().size()).isEqualTo(7);
        assertThat(model.reviewers().size()).isEqualTo(5);
        assertThat(model.opinions().size()).isEqualTo(16);
    }

    @Test
    void filmColumnsAndFactors() {
        int arrival = model.film("film:arrival");
        Films films = model.films();
        assertThat(films.title(arrival)).isEqualTo("Arrival");
        assertThat(films.yearOrNull(arrival)).isEqualTo(2016);
        assertThat(films.genres(arrival)).containsExactly("Sci-Fi", "Drama");
        assertThat(films.factors().row(arrival)).containsExactly(0.3f, 0.0f);
        int obscure = model.film("film:obscure");
        assertThat(films.factors().has(obscure)).isFalse();
        assertThat(films.yearOrNull(obscure)).isNull();
        assertThat(films.meanNorm(obscure)).isNaN();
    }

    @Test
    void opinionsAreGroupedByReviewerWithAspectsAndTags() {
        int miguel = model.reviewer("rev:miguel");
        Opinions o = model.opinions();
        assertThat(o.end(miguel) - o.start(miguel)).isEqualTo(4);
        int p = o.find(miguel, model.film("film:arrival"));
        assertThat(o.score(p)).isEqualTo(9f);
        assertThat(o.scoreNorm(p)).isCloseTo(0.9f, within(1e-6f));
        assertThat(o.tags(p)).containsExactly("Amazing soundtrack");
        assertThat(o.aspects(p)).containsExactly(new Aspect("story", 10, 10));
        int amelie = o.find(miguel, model.film("film:amelie"));
        assertThat(o.scoreNorm(amelie)).isNaN();
        assertThat(o.find(miguel, model.film("film:alien"))).isEqualTo(-1);
        assertThat(model.aspectNames()).containsExactlyInAnyOrder("story", "acting");
    }

    @Test
    void kindredSimilarAndTagsAreBestFirst() {
        int miguel = model.reviewer("rev:miguel");
        Kindred k = model.kindred();
        assertThat(k.end(miguel) - k.start(miguel)).isEqualTo(2);
        assertThat(model.reviewers().id(k.other(k.start(miguel)))).isEqualTo("rev:ana");
        int arrival = model.film("film:arrival");
        assertThat(model.filmTags().tag(model.filmTags().start(arrival))).isEqualTo("amazing soundtrack");
        assertThat(model.filmTags().filmsWith("aliens")).containsExactly(model.film("film:alien"), arrival);
        assertThat(model.similarFilms().end(arrival) - model.similarFilms().start(arrival)).isEqualTo(2);
        assertThat(model.popularFilm(0)).isEqualTo(arrival);
    }

    @Test
    void unknownIdsThrow() {
        assertThatThrownBy(() -> model.film("film:nope")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("film:nope");
        assertThatThrownBy(() -> model.reviewer("rev:nope")).isInstanceOf(UnknownIdException.class);
    }

    @Test
    void refusesACorruptFile(@TempDir Path other) {
        Path dir = ModelFixture.writeVersion(other, ModelFixture.V2, "");
        ModelFixture.corrupt(dir, ModelLayout.OPINIONS);
        assertThatThrownBy(() -> new ModelLoader().load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("opinions/part-00000.parquet");
    }

    @Test
    void refusesAMissingFileOrManifest(@TempDir Path other) throws Exception {
        Path dir = ModelFixture.writeVersion(other, ModelFixture.V2, "");
        Files.delete(dir.resolve("kindred/part-00000.parquet"));
        assertThatThrownBy(() -> new ModelLoader().load(dir)).hasMessageContaining("missing file kindred/");
        Files.delete(dir.resolve(ModelLayout.MANIFEST));
        assertThatThrownBy(() -> new ModelLoader().load(dir)).hasMessageContaining("missing")
                .hasMessageContaining("manifest.json");
    }

    @Test
    void refusesAnUnlistedPartFile(@TempDir Path other) throws Exception {
        Path dir = ModelFixture.writeVersion(other, ModelFixture.V2, "");
        Files.copy(dir.resolve("films/part-00000.parquet"), dir.resolve("films/part-00001.parquet"));
        assertThatThrownBy(() -> new ModelLoader().load(dir)).hasMessageContaining("unlisted");
    }

    @Test
    void refusesATableMissingAColumnByName(@TempDir Path other) throws Exception {
        Path dir = ModelFixture.writeVersion(other, ModelFixture.V2, "");
        Path part = dir.resolve("kindred/part-00000.parquet");
        Path trimmed = dir.resolve("kindred.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * EXCLUDE (agreement) FROM read_parquet('" + part + "')) TO '" + trimmed
                    + "' (FORMAT PARQUET)");
        }
        Files.move(trimmed, part, StandardCopyOption.REPLACE_EXISTING);
        ModelFixture.writeManifest(dir, ModelFixture.V2);
        assertThatThrownBy(() -> new ModelLoader().load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessage("table kindred lacks column(s) agreement");
    }

    @Test
    void servesPublishedListsThatTheEngineConfirms(@TempDir Path other) {
        Path dir = ModelFixture.writeVersion(other, ModelFixture.V2, "");
        assertThat(new ModelLoader().load(dir).lists().published()).as("a model without the table").isZero();
        ModelFixture.publishLists(dir, ModelFixture.V2, 2, 2);
        Model m = new ModelLoader().load(dir);
        assertThat(m.lists().published()).isEqualTo(5);
        for (int r = 0; r < 5; r++) {
            assertThat(m.lists().of(r)).isEqualTo(dev.vouch.engine.TopList.of(m.ranking(),
                    dev.vouch.engine.ReviewerView.of(m.ranking(), r)));
        }
        int miguel = m.reviewer("rev:miguel");
        assertThat(m.lists().of(miguel).films()).contains(m.film("film:arrival"));
    }

    @Test
    void ignoresPublishedListsThatAreNotTheEnginesAndRefusesMalformedOnes(@TempDir Path other) {
        Path dir = ModelFixture.writeVersion(other, ModelFixture.V2, "");
        Model plain = new ModelLoader().load(dir);
        int n = plain.reviewers().size();
        int[][] films = new int[n][];
        float[][] scores = new float[n][];
        boolean[] complete = new boolean[n];
        for (int r = 0; r < n; r++) {
            dev.vouch.engine.TopList l = dev.vouch.engine.TopList.of(plain.ranking(),
                    dev.vouch.engine.ReviewerView.of(plain.ranking(), r));
            films[r] = l.films();
            scores[r] = l.scores().clone();
            complete[r] = true;
            for (int i = 0; i < scores[r].length; i++) {
                scores[r][i] = Math.nextUp(scores[r][i]); // one ulp off: a list some other engine computed
            }
        }
        ModelFixture.writeLists(dir, plain, films, scores, complete);
        ModelFixture.writeManifest(dir, ModelFixture.V2, 2, 2);
        Model m = new ModelLoader().load(dir);
        assertThat(m.lists().published()).as("lists the engine does not confirm are not served").isZero();
        assertThat(m.lists().of(0)).isNull();

        int busiest = java.util.stream.IntStream.range(0, n).filter(r -> films[r].length > 1).findFirst().orElseThrow();
        int[] reversed = films[busiest].clone();
        int t = reversed[0];
        reversed[0] = reversed[1];
        reversed[1] = t;
        films[busiest] = reversed;
        scores[busiest][0] = 0.1f;
        scores[busiest][1] = 0.9f;
        ModelFixture.writeLists(dir, plain, films, scores, complete);
        ModelFixture.writeManifest(dir, ModelFixture.V2, 2, 2);
        assertThatThrownBy(() -> new ModelLoader().load(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("table reviewer_lists, reviewer " + plain.reviewers().id(busiest))
                .hasMessageContaining("out of order");
    }

    @Test
    void estimatesItsHeap() {
        assertThat(model.estimatedBytes()).isPositive();
        assertThat(model.loadTime()).isPositive();
    }
}
