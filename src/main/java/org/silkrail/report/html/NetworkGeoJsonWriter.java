package org.silkrail.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.silkrail.experiment.RunResults;
import org.silkrail.report.ReportWriter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's {@code network.geojson}: the {@link NetworkGeometry} of the network it ran, for
 * {@code silkrail report DIR} and for GIS tools. The same network gives the same bytes on every
 * platform (two-space indentation, '\n' line ends).
 */
public final class NetworkGeoJsonWriter implements ReportWriter {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private final NetworkGeometry network;

    public NetworkGeoJsonWriter(NetworkGeometry network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public String fileName() {
        return NetworkGeometry.FILE_NAME;
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        MAPPER.writer().with(PRETTY).writeValue(out, network.toGeoJson());
        out.write("\n".getBytes(StandardCharsets.US_ASCII));
    }
}
