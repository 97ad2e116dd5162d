package dev.vouch.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.jobs.common.VouchException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LineParsersTest {

    @Test
    void movieLensRatingLine() throws BadRecord {
        Staged s = MovieLensParsers.ratings("movielens").parse("1,31,2.5,1260759144");
        assertThat(s.reviewer()).isEqualTo("movielens:1");
        assertThat(s.film()).isEqualTo("movielens:31");
        assertThat(s.score()).isEqualTo(2.5);
        assertThat(s.date()).isEqualTo(LocalDate.of(2009, 12, 14));
    }

    @Test
    void movieLensRatingRejectsGiveTheReason() {
        LineParser p = MovieLensParsers.ratings("movielens");
        assertThatThrownBy(() -> p.parse("1,31,2.5")).hasMessage("expected 4 fields, found 3");
        assertThatThrownBy(() -> p.parse("1,31,abc,1")).hasMessage("rating is not a number: 'abc'");
        assertThatThrownBy(() -> p.parse("1,31,7,1")).hasMessage("rating 7 is outside the scale 0.5..5");
        assertThatThrownBy(() -> p.parse("1,,4,1")).hasMessage("movieId is empty");
        assertThatThrownBy(() -> p.parse("1,2,4,yesterday")).hasMessageContaining("timestamp");
    }

    @Test
    void movieLensMoviesWithQuotedTitleCommaAndYear() throws BadRecord {
        Staged s = MovieLensParsers.movies("movielens")
                .parse("11,\"American President, The (1995)\",Comedy|Drama|Romance");
        assertThat(s.filmTitle()).isEqualTo("American President, The");
        assertThat(s.filmYear()).isEqualTo(1995);
        assertThat(s.genres()).containsExactly("Comedy", "Drama", "Romance");
        assertThat(MovieLensParsers.movies("m").parse("5,Untitled,(no genres listed)").genres()).isEmpty();
    }

    @Test
    void movieLensTagKeepsItsText() throws BadRecord {
        Staged s = MovieLensParsers.tags("movielens").parse("2,60756,\"funny, smart\",1445714994");
        assertThat(s.tags()).containsExactly("funny, smart");
        assertThatThrownBy(() -> MovieLensParsers.tags("m").parse("2,60756,\"unterminated,1")).hasMessageContaining("quoted");
    }

    @Test
    void filmTrustAndCiaoLines() throws BadRecord {
        LineParser ft = DelimitedParsers.ratings("filmtrust", Fields.BLANKS_OR_COMMAS,
                ColumnMapping.parse("user,item,rating"), 0.5, 4.0);
        assertThat(ft.parse("1 1 2").score()).isEqualTo(2.0);
        assertThat(ft.parse("1\t2\t3.5").film()).isEqualTo("filmtrust:2");
        assertThatThrownBy(() -> ft.parse("1 2 4.5")).hasMessage("rating 4.5 is outside the scale 0.5..4");
        LineParser ciao = DelimitedParsers.ratings("ciao", Fields.BLANKS_OR_COMMAS,
                ColumnMapping.parse("user,item,genre,_,rating,date"), 1, 5);
        Staged c = ciao.parse("1,1,1,1,5,2000-07-12");
        assertThat(c.genres()).containsExactly("Action & Adventure");
        assertThat(c.date()).isEqualTo(LocalDate.of(2000, 7, 12));
        Staged trust = DelimitedParsers.trust("ciao", Fields.BLANKS_OR_COMMAS).parse("8874,14430,1");
        assertThat(trust.reviewer()).isEqualTo("ciao:8874");
        assertThat(trust.trustee()).isEqualTo("ciao:14430");
        assertThat(trust.weight()).isEqualTo(1.0);
    }

    @Test
    void delimitedWithTabAndTags() throws BadRecord {
        LineParser p = DelimitedParsers.ratings("d", IngestRequest.separator("\\t"),
                ColumnMapping.parse("user,item,rating,timestamp,tags"), 1, 10);
        Staged s = p.parse("u7\ti9\t8\t\tgreat cast | slow |");
        assertThat(s.tags()).containsExactly("great cast", "slow");
        assertThat(s.date()).isNull();
    }

    @Test
    void columnMappingErrorsNameTheProblem() {
        assertThatThrownBy(() -> ColumnMapping.parse("user,item")).isInstanceOf(VouchException.class)
                .hasMessageContaining("'rating'");
        assertThatThrownBy(() -> ColumnMapping.parse("user,item,rating,colour")).hasMessageContaining("'colour'");
        assertThatThrownBy(() -> ColumnMapping.parse("user,user,item,rating")).hasMessageContaining("'user'");
    }

    @Test
    void headerRuleIsALineWithoutDigits() {
        assertThat(LineParser.isHeader("userId,movieId,rating,timestamp")).isTrue();
        assertThat(LineParser.isHeader("1,2,3.5,99")).isFalse();
        assertThat(LineParser.isHeader("")).isFalse();
    }
}
