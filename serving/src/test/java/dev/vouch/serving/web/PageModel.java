package dev.vouch.serving.web;

import dev.vouch.serving.e2e.EmbeddedDataModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model the browser test serves, and the reviewer it looks for in it.
 *
 * <p>The model is trained from the embedded data (data/reviews plus the seeded synthetic set) by the jobs CLI in its
 * own JVM ({@link EmbeddedDataModel}), or taken from {@code VOUCH_E2E_MODELS} when that names a ready models folder.
 *
 * @param modelsDir    folder with the versions and CURRENT
 * @param query        what the reader types into the reviewer search
 * @param reviewerName the reviewer that query must find
 * @param embedded     true for the embedded-data model
 */
record PageModel(Path modelsDir, String query, String reviewerName, boolean embedded) {
    static final String VARIABLE = "VOUCH_E2E_MODELS";

    static PageModel resolve() {
        try {
            // Inès Duarte is one of the six reviewers of data/reviews; typed without the accent on purpose.
            return new PageModel(EmbeddedDataModel.modelsDir().toAbsolutePath(), "ines", "Inès Duarte", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
