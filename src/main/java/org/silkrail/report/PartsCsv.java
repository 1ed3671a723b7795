package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.Parts;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.model.ReplicationResult;

/**
 * Writes an entity's {@link Parts} per replication in long format, e.g. {@code time_breakdown_hours.csv}:
 * columns {@code replication, id, cause, time_breakdown_hours}, one row per (replication,
 * flow, part). Pivot on the part column in R or pandas to get one column per cause.
 */
public final class PartsCsv<T> implements ReportWriter {
    private final Section<T> section;
    private final Parts<T> parts;

    public PartsCsv(Section<T> section, Parts<T> parts) {
        this.section = section;
        this.parts = parts;
    }

    @Override
    public String fileName() {
        return parts.key() + ".csv";
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        CsvTable csv = new CsvTable(out).header(List.of("replication", "id", parts.partKey(),
                parts.key()));
        for (ReplicationResult r : results.replications()) {
            for (Map.Entry<String, T> e : section.entitiesOf(r).entrySet()) {
                for (Map.Entry<String, Double> part
                        : parts.values().apply(e.getValue()).entrySet()) {
                    csv.integer(r.replication()).text(e.getKey()).text(part.getKey())
                            .number(part.getValue()).end();
                }
            }
        }
        csv.flush();
    }
}
