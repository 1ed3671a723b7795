package org.silkrail.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The CSV dialect of every file silkrail writes and reads back, as R and pandas read it
 * (RFC 4180, through {@code jackson-dataformat-csv}): UTF-8, records ended by CRLF, ',' between
 * fields, a field quoted with '"' (inner quotes doubled) only when it holds a comma, quote, CR
 * or LF. A quoted line break is part of its field, on writing and on reading.
 *
 * <p>Fields are text: callers format numbers themselves (the project's one number format), so
 * the same values give the same bytes. Immutable and thread-safe; {@link Rows} and
 * {@link Records} are not.
 */
public final class Csv {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");
    private static final ObjectWriter RECORD = MAPPER.writer(SCHEMA);

    private Csv() {
    }

    /** One record with its CRLF, e.g. {@code 3,"a,b",\r\n} for {@code [3, a,b, ""]}. */
    public static String record(List<String> fields) {
        return RECORD.writeValueAsString(fields);
    }

    /** Writes records to {@code out}, which is flushed but not closed by {@link Rows#close}. */
    public static Rows rows(OutputStream out) {
        return new Rows(RECORD.writeValues(out));
    }

    /**
     * Reads the records of {@code in}, skipping empty lines (a record of one empty field, which
     * no table of silkrail has). Not Jackson's {@code SKIP_EMPTY_LINES}: it also drops the
     * leading spaces of a line's first field.
     */
    public static Records records(Reader in) {
        return new Records(MAPPER.reader(SCHEMA).createParser(in));
    }

    /** A sink of records. */
    public static final class Rows implements Closeable {
        private final SequenceWriter out;

        private Rows(SequenceWriter out) {
            this.out = out;
        }

        /** Writes one record. */
        public Rows write(List<String> fields) throws IOException {
            out.write(fields);
            return this;
        }

        /** Flushes every record to the stream; the stream stays open. */
        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * One record as read, with where it stands in the file.
     *
     * @param fields the fields, unquoted
     * @param line 1-based line of the record's first field (a quoted line break makes a record
     *     span lines, so this is not the record's index)
     * @param columns 1-based column of each field's first character
     */
    public record Record(List<String> fields, int line, int[] columns) {
        /** The column of field {@code index}, or of the record's start past its last field. */
        public int column(int index) {
            return index < columns.length ? columns[index] : 1;
        }
    }

    /**
     * A source of records. A malformed file (a quote never closed) throws a
     * {@link JacksonException} whose {@code getLocation()} gives line and column.
     */
    public static final class Records implements Closeable {
        private final JsonParser parser;
        private boolean started;

        private Records(JsonParser parser) {
            this.parser = parser;
        }

        /** The next record, or {@code null} after the last. */
        public Record next() {
            Record record = nextLine();
            while (record != null && record.fields().size() == 1
                    && record.fields().get(0).isEmpty()) {
                record = nextLine();
            }
            return record;
        }

        private Record nextLine() {
            if (!started) {
                started = true;
                // the array that WRAP_AS_ARRAY puts around the rows
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return null;
                }
            }
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            int line = -1;
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                if (line < 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                columns.add(parser.currentTokenLocation().getColumnNr());
                fields.add(parser.getString());
            }
            return new Record(fields, line, columns.stream().mapToInt(Integer::intValue)
                    .toArray());
        }

        @Override
        public void close() {
            parser.close();
        }
    }
}
