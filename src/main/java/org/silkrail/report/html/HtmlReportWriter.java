package org.silkrail.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.experiment.RunResults;
import org.silkrail.network.NetworkSpec;
import org.silkrail.report.ReportWriter;
import org.silkrail.report.ReportWriters;
import org.silkrail.report.ResultsJsonWriter;

/**
 * Writes a run's {@code report.html}: the {@link RunPage} of its results, with the map of its
 * network and the transit histograms of every delivered train.
 */
public final class HtmlReportWriter implements ReportWriter {
    public static final String FILE_NAME = "report.html";

    private final NetworkGeometry network;

    /** @param network the run's network, or {@code null} for a report without a map */
    public HtmlReportWriter(NetworkGeometry network) {
        this.network = network;
    }

    /**
     * Every file {@code silkrail run} writes: the {@link ReportWriters#standard() standard}
     * results and CSV files, then {@code network.geojson} and {@code report.html}, which draw
     * the run's network; the report comes last, so a run ends by naming it.
     */
    public static List<ReportWriter> runFiles(NetworkSpec network) {
        NetworkGeometry geometry = NetworkGeometry.of(network);
        List<ReportWriter> writers = new ArrayList<>(ReportWriters.standard());
        writers.add(new NetworkGeoJsonWriter(geometry));
        writers.add(new HtmlReportWriter(geometry));
        return writers;
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        new RunPage(ResultsJsonWriter.toTree(results), network, TransitHistograms.of(results))
                .writeTo(out);
    }
}
