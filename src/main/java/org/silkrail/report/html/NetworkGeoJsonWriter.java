package org.silkrail.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.silkrail.experiment.RunResults;
import org.silkrail.format.Json;
import org.silkrail.report.ReportWriter;

/**
 * Writes a run's {@code network.geojson}: the {@link NetworkGeometry} of the network it ran, for
 * {@code silkrail report DIR} and for GIS tools. The same network gives the same bytes on every
 * platform (two-space indentation, '\n' line ends).
 */
public final class NetworkGeoJsonWriter implements ReportWriter {

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
        Json.pretty().writeValue(out, network.toGeoJson());
        out.write("\n".getBytes(StandardCharsets.US_ASCII));
    }
}
