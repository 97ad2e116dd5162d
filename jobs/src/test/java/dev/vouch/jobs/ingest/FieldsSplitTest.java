package dev.vouch.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

/** The comma split without quotes (no parser per line) gives exactly the fields Commons CSV gives. */
class FieldsSplitTest {
    private static List<String> parsed(String line) throws IOException {
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
            var records = parser.getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        }
    }

    @Test
    void unquotedLinesSplitAsTheParserDoes() throws Exception {
        for (String line : List.of("1,31,2.5,1260759144", "", ",", "a,,b,", " a , b ", "x", "1,2,3,4,5,6,7,8",
                "Toy Story (1995)|x,Adventure|Animation")) {
            assertThat(Fields.split(line, ",")).as(line).isEqualTo(parsed(line));
        }
    }

    @Test
    void quotedLinesStillGoThroughTheParser() throws Exception {
        String line = "1,\"Heat, 1995\",\"a \"\"quoted\"\" word\"";
        assertThat(Fields.split(line, ",")).containsExactly("1", "Heat, 1995", "a \"quoted\" word");
    }
}
