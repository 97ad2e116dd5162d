package dev.vouch.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReviewDocumentParserTest {

    private static final String HER_LIKE = """
            10 Overall Score
            Filmography: 10/10
            Story: 10/10
            acting: 9/10

            An original idea | Acting was amazing | Amazing soundtrack|

            I loved “Her”. It’s a romance.

            And the score is lovely.


            Author: Miguel Felix View all posts by
            Editor and Reviewer
            """;

    @Test
    void readsScoreAspectsTagsBodyAuthorAndFilmFromFileName() throws BadRecord {
        Staged s = ReviewDocumentParser.parse("reviews", "her-2013.txt", HER_LIKE);
        assertThat(s.score()).isEqualTo(10.0);
        assertThat(s.scaleMax()).isEqualTo(10.0);
        assertThat(s.aspects()).extracting(Staged.Aspect::name).containsExactly("filmography", "story", "acting");
        assertThat(s.aspects().get(2).score()).isEqualTo(9.0);
        assertThat(s.tags()).containsExactly("An original idea", "Acting was amazing", "Amazing soundtrack");
        assertThat(s.body()).isEqualTo("I loved “Her”. It’s a romance.\n\nAnd the score is lovely.");
        assertThat(s.reviewerName()).isEqualTo("Miguel Felix");
        assertThat(s.reviewerRole()).isEqualTo("Editor and Reviewer");
        assertThat(s.reviewer()).isEqualTo("reviews:miguel-felix");
        assertThat(s.filmTitle()).isEqualTo("Her");
        assertThat(s.filmYear()).isEqualTo(2013);
        assertThat(s.film()).isEqualTo("film:her-2013");
    }

    @Test
    void filmLineWinsOverFileNameAndCrlfAndAccentsAreHandled() throws BadRecord {
        String doc = "Film: Amélie (2001)\r\n4 Overall Score\r\nSTORY: 5/5\r\nvisuals: 4/5\r\n\r\nWhimsical|\r\n\r\n"
                + "Très charmant.\r\n\r\nAuthor: Inès Duarte View all posts by\r\nContributor\r\n";
        Staged s = ReviewDocumentParser.parse("reviews", "whatever-1999.txt", doc);
        assertThat(s.filmTitle()).isEqualTo("Amélie");
        assertThat(s.filmYear()).isEqualTo(2001);
        assertThat(s.film()).isEqualTo("film:amelie-2001");
        assertThat(s.scaleMax()).as("scale inferred from aspects /5").isEqualTo(5.0);
        assertThat(s.aspects()).extracting(Staged.Aspect::name).containsExactly("story", "visuals");
        assertThat(s.tags()).containsExactly("Whimsical");
        assertThat(s.reviewer()).isEqualTo("reviews:ines-duarte");
        assertThat(s.body()).isEqualTo("Très charmant.");
    }

    @Test
    void decimalScoreWithoutAspectsOrTagsUsesScaleTen() throws BadRecord {
        String doc = "8.5 Overall Score\n\nA tight thriller with no wasted scene.\n\nAuthor: Sam Roe\nCritic\n";
        Staged s = ReviewDocumentParser.parse("site", "the-dark-knight--sam.txt", doc);
        assertThat(s.score()).isEqualTo(8.5);
        assertThat(s.scaleMax()).isEqualTo(10.0);
        assertThat(s.aspects()).isEmpty();
        assertThat(s.tags()).isEmpty();
        assertThat(s.body()).isEqualTo("A tight thriller with no wasted scene.");
        assertThat(s.filmTitle()).isEqualTo("The Dark Knight");
        assertThat(s.filmYear()).isNull();
        assertThat(s.reviewer()).isEqualTo("site:sam-roe");
    }

    @Test
    void explicitScaleOnTheScoreLineAndHundredPointScores() throws BadRecord {
        assertThat(ReviewDocumentParser.parse("r", "a-2000.txt", "3.5/5 Overall Score\n\nok\nAuthor: A B\n").scaleMax())
                .isEqualTo(5.0);
        assertThat(ReviewDocumentParser.parse("r", "a-2000.txt", "85 Overall Score\n\nok\nAuthor: A B\n").scaleMax())
                .isEqualTo(100.0);
    }

    @Test
    void rejectsDocumentsWithoutAReadableScoreOrAuthor() {
        assertThatThrownBy(() -> ReviewDocumentParser.parse("r", "x.txt", "Great film!\nLoved it\nReally\nTruly\nYes\n"))
                .isInstanceOf(BadRecord.class).hasMessageContaining("no readable overall score");
        assertThatThrownBy(() -> ReviewDocumentParser.parse("r", "x.txt", "Ten Overall Score\nAuthor: A\n"))
                .hasMessageContaining("no readable overall score");
        assertThatThrownBy(() -> ReviewDocumentParser.parse("r", "x.txt", "8 Overall Score\n\nbody only\n"))
                .hasMessageContaining("Author");
        assertThatThrownBy(() -> ReviewDocumentParser.parse("r", "x.txt", "12 Overall Score\nStory: 9/10\n\nAuthor: A\n"))
                .hasMessageContaining("above the scale maximum 10");
        assertThatThrownBy(() -> ReviewDocumentParser.parse("r", "x.txt", "8 Overall Score\nStory: 11/10\n\nAuthor: A\n"))
                .hasMessageContaining("aspect 'story'");
    }

    @Test
    void decodeRejectsEmptyBinaryAndNonUtf8Files() {
        assertThatThrownBy(() -> ReviewDocumentParser.decode(new byte[0])).hasMessage("empty file");
        assertThatThrownBy(() -> ReviewDocumentParser.decode("  \n\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("empty file");
        assertThatThrownBy(() -> ReviewDocumentParser.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}))
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> ReviewDocumentParser.decode(new byte[] {'a', (byte) 0xC3, (byte) 0x28}))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void titleFromFileName() {
        assertThat(ReviewDocumentParser.titleFromFileName("arrival-2016.txt")).containsExactly("Arrival", "2016");
        assertThat(ReviewDocumentParser.titleFromFileName("blade-runner-2049-2017.txt"))
                .containsExactly("Blade Runner 2049", "2017");
        assertThat(ReviewDocumentParser.titleFromFileName("her-2013--miguel.txt")).containsExactly("Her", "2013");
    }
}
