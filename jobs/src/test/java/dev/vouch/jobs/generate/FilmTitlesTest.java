package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FilmTitlesTest {

    @Test
    void titlesAreUniqueWithinAYearEvenWhenWordsRunOut() {
        // one word of each kind: "The Knife", "A Sharp Knife", ... only a few shapes exist, so numbering must kick in
        TasteGroup tiny = new TasteGroup("Slasher", List.of(), List.of("final girl"), List.of("Sharp"),
                List.of("Knife"));
        FilmTitles titles = new FilmTitles(new SplittableRandom(1));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            assertThat(seen.add(titles.next(tiny, 1980))).isTrue();
        }
        assertThat(seen).contains("The Knife", "The Knife 2");
    }

    @Test
    void theSameTitleMayReturnInAnotherYear() {
        TasteGroup tiny = new TasteGroup("Noir", List.of(), List.of("twisty plot"), List.of("Cold"), List.of("City"));
        FilmTitles titles = new FilmTitles(new SplittableRandom(5));
        Set<String> in1950 = new HashSet<>();
        Set<String> in1951 = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            in1950.add(titles.next(tiny, 1950));
            in1951.add(titles.next(tiny, 1951));
        }
        assertThat(in1950).hasSize(10).containsAnyElementsOf(in1951);
    }

    @Test
    void neverRepeatsAWordInsideOneTitle() {
        FilmTitles titles = new FilmTitles(new SplittableRandom(11));
        for (int year = 1950; year <= 2024; year++) {
            for (TasteGroup g : TasteCatalogue.GROUPS) {
                String t = titles.next(g, year);
                assertThat(List.of(t.split("[ ,]+"))).doesNotHaveDuplicates();
            }
        }
    }
}
