package dev.vouch.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.serving.model.ModelFixture;
import dev.vouch.serving.model.ModelStore;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Runs a test against the app on a random port (JavalinTest) serving the shared fixture model. */
final class ApiTesting {
    private ApiTesting() {
    }

    static void withApi(Consumer<Http> test) {
        withApi(ModelFixture.sharedStore(), test);
    }

    static void withApi(ModelStore store, Consumer<Http> test) {
        ServerConfig config = ServerConfig.of(store.modelsDir()).withWatchInterval(Duration.ZERO).withMaxBodyBytes(4096);
        JavalinTest.test(VouchApp.create(store, config).javalin(), (server, client) -> test.accept(new Http(server.port())));
    }

    /** Asserts a problem body with this status (and field, when given). */
    static JsonNode assertProblem(Http.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(problem.path("field").asText()).isEqualTo(field);
        }
        return problem;
    }

    /** Waits up to 20 s for a condition that a background thread (the watcher, a reload) makes true. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
