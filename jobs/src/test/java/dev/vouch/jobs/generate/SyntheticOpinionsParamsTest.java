package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.jobs.generate.SyntheticOpinions.Params;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticOpinionsParamsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(Params.defaults()).isEqualTo(new Params(300, 2_000, 40_000, 6, 42L, 0.7, 0.5));
    }

    static Stream<Arguments> badParams() {
        return Stream.of(
                Arguments.of("reviewers", (Runnable) () -> new Params(0, 2_000, 40_000, 6, 42, 0.7, 0.5)),
                Arguments.of("groups", (Runnable) () -> new Params(300, 2_000, 40_000, 1, 42, 0.7, 0.5)),
                Arguments.of("groups", (Runnable) () -> new Params(300, 2_000, 40_000, 7, 42, 0.7, 0.5)),
                Arguments.of("films", (Runnable) () -> new Params(300, 5, 1_000, 6, 42, 0.7, 0.5)),
                Arguments.of("opinions", (Runnable) () -> new Params(300, 2_000, 299, 6, 42, 0.7, 0.5)),
                Arguments.of("opinions", (Runnable) () -> new Params(3, 10, 31, 2, 42, 0.7, 0.5)),
                Arguments.of("inGroupShare", (Runnable) () -> new Params(300, 2_000, 40_000, 6, 42, 1.5, 0.5)),
                Arguments.of("inGroupShare", (Runnable) () -> new Params(300, 2_000, 40_000, 6, 42, Double.NaN, 0.5)),
                Arguments.of("noise", (Runnable) () -> new Params(300, 2_000, 40_000, 6, 42, 0.7, -0.1)),
                Arguments.of("noise", (Runnable) () -> new Params(300, 2_000, 40_000, 6, 42, 0.7, Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParams")
    void rejectsBadValuesNamingTheParameter(String name, Runnable construct) {
        assertThatThrownBy(construct::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(name);
    }

    @Test
    void acceptsTheEdges() {
        // every reviewer rates every film: reviewers * films opinions
        Params full = new Params(3, 10, 30, 2, 1, 0.0, 0.0);
        assertThat(full.opinions()).isEqualTo(30);
        assertThat(new Params(1, 6, 1, 6, -5, 1.0, 5.0).groups()).isEqualTo(6);
    }

    @Test
    void withersKeepTheOtherValues() {
        Params p = Params.defaults().withSize(10, 20, 30).withSeed(9).withGroups(3);
        assertThat(p).isEqualTo(new Params(10, 20, 30, 3, 9, 0.7, 0.5));
    }
}
