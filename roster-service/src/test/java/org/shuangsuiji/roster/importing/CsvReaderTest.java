package org.shuangsuiji.roster.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static CsvReader reader(String text, int max) {
        return new CsvReader(new StringReader(text), max);
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsPhysicalRows() throws IOException {
        CsvReader r = reader("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\n9,8", 100);
        CsvReader.Record header = r.next();
        assertThat(header.fields()).containsExactly("a", "b");
        assertThat(header.row()).isEqualTo(1);
        CsvReader.Record first = r.next();
        assertThat(first.fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(first.problem()).isNull();
        CsvReader.Record second = r.next();
        assertThat(second.row()).isEqualTo(3);
        assertThat(second.fields()).containsExactly("two\nlines", "z");
        CsvReader.Record third = r.next();
        assertThat(third.row()).isEqualTo(6);
        assertThat(third.fields()).containsExactly("9", "8");
        assertThat(r.next()).isNull();
    }

    @Test
    void reportsStrayQuotesAndTextAfterClosingQuotesWithTheColumnAndGoesOn() throws IOException {
        CsvReader r = reader("a,b\"c,d\n\"e\"f,g\nh,i\n", 100);
        CsvReader.Record stray = r.next();
        assertThat(stray.problem()).contains("stray quote");
        assertThat(stray.column()).isEqualTo(2);
        CsvReader.Record after = r.next();
        assertThat(after.problem()).contains("text after the closing quote");
        assertThat(after.column()).isEqualTo(1);
        assertThat(r.next().fields()).containsExactly("h", "i");
    }

    @Test
    void cutsOverlongFieldsAndReportsThemInsteadOfBufferingThem() throws IOException {
        String huge = "x".repeat(10_000);
        CsvReader r = reader("a,b\n1," + huge + "\n2,ok\n", 8192);
        r.next();
        CsvReader.Record big = r.next();
        assertThat(big.problem()).isEqualTo("is longer than 8192 characters");
        assertThat(big.column()).isEqualTo(2);
        assertThat(big.fields().get(1)).hasSize(8192);
        assertThat(r.next().fields()).isEqualTo(List.of("2", "ok"));
    }

    @Test
    void anUnterminatedQuoteIsReportedAtTheEnd() throws IOException {
        CsvReader r = reader("a,b\n1,\"open\n2,3\n", 100);
        r.next();
        CsvReader.Record open = r.next();
        assertThat(open.problem()).contains("not closed");
        assertThat(r.next()).isNull();
    }
}
