package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.serving.model.ModelFixture;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every registered route is documented in openapi.json, and every documented operation is a route. */
class OpenApiContractIT {
    @Test
    void routesAndDocumentMatch() throws Exception {
        Javalin app = VouchApp.create(ModelFixture.sharedStore(),
                ServerConfig.of(ModelFixture.sharedStore().modelsDir()).withWatchInterval(Duration.ZERO)).javalin();
        Set<String> routes = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method == HandlerType.GET || e.method == HandlerType.POST)
                .map(e -> e.method.name() + " " + e.path)
                .collect(Collectors.toCollection(TreeSet::new));
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(routes).hasSizeGreaterThanOrEqualTo(13);
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void everyReferenceResolves() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        JsonNode doc = new ObjectMapper().readTree(text);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"#/components/(\\w+)/(\\w+)\"").matcher(text);
        int refs = 0;
        while (m.find()) {
            refs++;
            assertThat(doc.path("components").path(m.group(1)).has(m.group(2))).as(m.group()).isTrue();
        }
        assertThat(refs).isPositive();
    }
}
