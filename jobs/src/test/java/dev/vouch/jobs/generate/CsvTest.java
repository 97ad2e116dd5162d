package dev.vouch.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(Csv.field("The Alibi (1950)")).isEqualTo("The Alibi (1950)");
        assertThat(Csv.field("director's cut")).isEqualTo("director's cut");
        assertThat(Csv.field("Cold Kiss, Dark Street (1961)")).isEqualTo("\"Cold Kiss, Dark Street (1961)\"");
        assertThat(Csv.field("the \"Real\" Story")).isEqualTo("\"the \"\"Real\"\" Story\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void linesEndInLfAndRoundTripThroughAnRfc4180Reader() {
        String line = Csv.line(7, "Cold Kiss, Dark \"Street\"", 4.5);
        assertThat(line).isEqualTo("7,\"Cold Kiss, Dark \"\"Street\"\"\",4.5\n");
        assertThat(CsvRows.split(line.strip())).containsExactly("7", "Cold Kiss, Dark \"Street\"", "4.5");
    }
}
