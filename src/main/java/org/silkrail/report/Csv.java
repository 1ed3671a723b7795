package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV table as R and pandas read it (RFC 4180): UTF-8, a header row, records ended by CRLF,
 * ',' between fields, a field quoted with '"' (inner quotes doubled) only when it holds a comma,
 * quote, CR or LF. Numbers use {@link Numbers}' format; a missing number is an empty field (NA
 * in R, NaN in pandas).
 *
 * <p>Not thread-safe; {@link #flush} before the underlying stream is used again.
 */
public final class Csv {
    private final Writer out;
    private boolean atRecordStart = true;

    Csv(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    Csv header(List<String> names) throws IOException {
        for (String name : names) {
            text(name);
        }
        return end();
    }

    Csv text(String value) throws IOException {
        separate();
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
        return this;
    }

    Csv number(double value) throws IOException {
        separate();
        out.write(Numbers.format(value));
        return this;
    }

    Csv integer(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    Csv end() throws IOException {
        out.write("\r\n");
        atRecordStart = true;
        return this;
    }

    void flush() throws IOException {
        out.flush();
    }

    /**
     * Splits one RFC 4180 record (without its line end) into fields: the inverse of the writer,
     * the one CSV reader for every file silkrail reads back (sweep journals, report folders).
     */
    public static List<String> parseRecord(String record) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private void separate() throws IOException {
        if (!atRecordStart) {
            out.write(',');
        }
        atRecordStart = false;
    }
}
