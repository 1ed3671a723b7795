package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.Breakdown;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.model.ReplicationResult;

/**
 * Writes a breakdown per replication in long format, e.g. {@code time_breakdown_hours.csv}:
 * columns {@code replication, id, cause, time_breakdown_hours}, one row per (replication,
 * flow, part). Pivot on the part column in R or pandas to get one column per cause.
 */
public final class BreakdownCsv<T> implements ReportWriter {
    private final Section<T> section;
    private final Breakdown<T> breakdown;

    public BreakdownCsv(Section<T> section, Breakdown<T> breakdown) {
        this.section = section;
        this.breakdown = breakdown;
    }

    @Override
    public String fileName() {
        return breakdown.key() + ".csv";
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        Csv csv = new Csv(out).header(List.of("replication", "id", breakdown.partKey(),
                breakdown.key()));
        for (ReplicationResult r : results.replications()) {
            for (Map.Entry<String, T> e : section.entitiesOf(r).entrySet()) {
                for (Map.Entry<String, Double> part
                        : breakdown.values().apply(e.getValue()).entrySet()) {
                    csv.integer(r.replication()).text(e.getKey()).text(part.getKey())
                            .number(part.getValue()).end();
                }
            }
        }
        csv.flush();
    }
}
