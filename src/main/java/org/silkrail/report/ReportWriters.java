package org.silkrail.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.RunResults;

/** The files {@code silkrail run} writes, in the order it writes them. */
public final class ReportWriters {
    private ReportWriters() {
    }

    /**
     * results.json, replications.csv, one long CSV per keyed section (flows, nodes, links,
     * routes, fleets, reforming, ports: header only without fleets, re-forming or berths),
     * node_directions.csv, node_monthly.csv, route_share.csv, time_breakdown_hours.csv,
     * wait_by_place_hours.csv and trains.csv. The HTML report adds itself here.
     */
    public static List<ReportWriter> standard() {
        return List.of(
                new ResultsJsonWriter(),
                new ReplicationsCsv(),
                new SectionCsv(ResultSchema.FLOWS),
                new SectionCsv(ResultSchema.NODES),
                new BreakdownCsv<>(ResultSchema.NODES, ResultSchema.NODES.breakdowns().get(0),
                        "node_directions.csv"),
                new BreakdownCsv<>(ResultSchema.NODES, ResultSchema.NODES.breakdowns().get(1),
                        "node_monthly.csv"),
                new SectionCsv(ResultSchema.LINKS),
                new SectionCsv(ResultSchema.ROUTES),
                new SectionCsv(ResultSchema.FLEETS),
                new SectionCsv(ResultSchema.REFORMING),
                new SectionCsv(ResultSchema.PORTS),
                new ShareCsv<>(ResultSchema.FLOWS, ResultSchema.FLOWS.shares().get(0)),
                new PartsCsv<>(ResultSchema.FLOWS,
                        ResultSchema.FLOWS.parts("time_breakdown_hours")),
                new PartsCsv<>(ResultSchema.FLOWS,
                        ResultSchema.FLOWS.parts("wait_by_place_hours")),
                new TrainsCsv<>(ResultSchema.FLOWS, "trains.csv"));
    }

    /** Writes each file atomically into {@code dir}; returns the paths written, in order. */
    public static List<Path> writeAll(List<ReportWriter> writers, RunResults results, Path dir)
            throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportWriter w : writers) {
            written.add(w.writeTo(dir, results));
        }
        return written;
    }
}
