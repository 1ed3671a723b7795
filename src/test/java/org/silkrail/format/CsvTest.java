package org.silkrail.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The project's CSV dialect: RFC 4180 bytes as R and pandas read them, and back. */
class CsvTest {

    @Test
    void record_fieldsNeedingQuotes_quotesOnlyThose() {
        String record = Csv.record(List.of("7", "a b", "x,y", "say \"hi\"", "two\nlines",
                "cr\r\nlf", "", "#1", "-0.125"));

        assertThat(record).isEqualTo("7,a b,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\","
                + "\"cr\r\nlf\",,#1,-0.125\r\n");
    }

    @Test
    void rows_thenRecords_quotedLineBreaksSurviveWithTheirLines() throws IOException {
        List<List<String>> written = List.of(List.of("id", "note"),
                List.of("1", "first\nsecond"), List.of("2", "cr\r\nlf, \"quoted\""),
                List.of("3", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Csv.Rows rows = Csv.rows(out)) {
            for (List<String> r : written) {
                rows.write(r);
            }
        }

        List<Csv.Record> read = readAll(out.toString(StandardCharsets.UTF_8));

        assertThat(read).extracting(Csv.Record::fields).containsExactlyElementsOf(written);
        // records start on lines 1, 2, 4, 6: the quoted line breaks take a line each
        assertThat(read).extracting(Csv.Record::line).containsExactly(1, 2, 4, 6);
        assertThat(read.get(2).column(1)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20240520})
    void record_randomFields_readBackUnchanged(long seed) {
        Random random = new Random(seed);
        String alphabet = "ab ,\"\r\n;'#é€";
        List<List<String>> written = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 20; r++) {
            List<String> fields = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            for (int f = 0; f < n; f++) {
                StringBuilder field = new StringBuilder();
                for (int c = random.nextInt(6); c > 0; c--) {
                    field.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                fields.add(field.toString());
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                fields.set(0, "x"); // a lone empty field is an empty line, which readers skip
            }
            written.add(fields);
            text.append(Csv.record(fields));
        }

        assertThat(readAll(text.toString())).extracting(Csv.Record::fields)
                .containsExactlyElementsOf(written);
    }

    @Test
    void records_quoteNeverClosed_failsWithItsLine() {
        assertThatThrownBy(() -> readAll("a,b\r\n1,\"open\r\n2,3\r\n"))
                .isInstanceOf(JacksonException.class)
                .satisfies(e -> assertThat(((JacksonException) e).getLocation().getLineNr())
                        .isGreaterThan(1));
    }

    private static List<Csv.Record> readAll(String text) {
        List<Csv.Record> records = new ArrayList<>();
        try (Csv.Records in = Csv.records(new StringReader(text))) {
            for (Csv.Record r = in.next(); r != null; r = in.next()) {
                records.add(r);
            }
        }
        return records;
    }
}
