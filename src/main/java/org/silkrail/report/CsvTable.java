package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.format.Csv;

/**
 * A CSV table being written record by record, in the project's dialect ({@link Csv}: RFC 4180,
 * CRLF, quoted only when needed). Numbers use {@link Numbers}' format; a missing number is an
 * empty field (NA in R, NaN in pandas).
 *
 * <p>Not thread-safe; {@link #flush} before the underlying stream is used again.
 */
final class CsvTable {
    private final Csv.Rows rows;
    private final List<String> record = new ArrayList<>();

    CsvTable(OutputStream out) {
        this.rows = Csv.rows(out);
    }

    CsvTable header(List<String> names) throws IOException {
        record.addAll(names);
        return end();
    }

    CsvTable text(String value) {
        record.add(value);
        return this;
    }

    CsvTable number(double value) {
        record.add(Numbers.format(value));
        return this;
    }

    CsvTable integer(long value) {
        record.add(Long.toString(value));
        return this;
    }

    CsvTable end() throws IOException {
        rows.write(record);
        record.clear();
        return this;
    }

    /** Writes out every record; the stream stays open. */
    void flush() throws IOException {
        rows.close();
    }
}
