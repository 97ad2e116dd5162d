package dev.vouch.serving.web;

import dev.vouch.serving.model.ModelFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model the browser test serves, and the reviewer it looks for in it.
 *
 * <p>The primary path is a model trained from the embedded data (data/reviews plus the seeded synthetic set) by the
 * jobs CLI beforehand: {@code VOUCH_E2E_MODELS} (system property, else environment variable) names its models
 * folder, the one holding {@code CURRENT}. Serving cannot have Spark on its classpath, so this test never trains.
 * Without the variable it falls back to the tiny {@link ModelFixture}, so the page is still exercised in a real
 * browser against a real server.
 *
 * @param modelsDir    folder with the versions and CURRENT
 * @param query        what the reader types into the reviewer search
 * @param reviewerName the reviewer that query must find
 * @param embedded     true for the embedded-data model
 */
record PageModel(Path modelsDir, String query, String reviewerName, boolean embedded) {
    static final String VARIABLE = "VOUCH_E2E_MODELS";

    static PageModel resolve() {
        String given = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (given != null && !given.isBlank()) {
            Path dir = Path.of(given).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve("CURRENT"))) {
                throw new IllegalStateException(VARIABLE + "=" + given + " holds no CURRENT: train a model there first "
                        + "(vouch ingest … && vouch train --models " + given + ")");
            }
            // Inès Duarte is one of the six reviewers of data/reviews; typed without the accent on purpose.
            return new PageModel(dir, "ines", "Inès Duarte", true);
        }
        try {
            Path dir = ModelFixture.create(Files.createTempDirectory("vouch-page-fixture"));
            return new PageModel(dir, "mig", "Miguel Félix", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
