package org.silkrail.format;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of silkrail, for every file it writes or reads back ({@code results.json},
 * {@code comparison.json}, {@code sweep.jsonl}, {@code network.geojson}, the report's data).
 *
 * <p>Numbers keep their digits both ways: a {@code BigDecimal} is written as plain digits (never
 * {@code 1E+3}), and a decimal is read as a {@code BigDecimal}, so a file read and written again
 * has the same bytes (a rebuilt report equals the one the run wrote). Streams handed to it are
 * never closed by it. Immutable and thread-safe.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Two-space indentation, {@code "key": value}, '\n' line ends on every platform. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    /** A writer in the layout of {@code results.json}. */
    public static ObjectWriter pretty() {
        return MAPPER.writer().with(PRETTY);
    }
}
