package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.Breakdown;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.model.ReplicationResult;

/**
 * Writes one breakdown of a keyed section per replication in long format, e.g.
 * {@code node_directions.csv}: columns {@code replication, id}, the part ({@code direction}) and
 * one column per metric of the section, one row per (replication, entity, part).
 *
 * @param <T> the section's per-replication result type
 */
public final class BreakdownCsv<T> implements ReportWriter {
    private final Section<T> section;
    private final Breakdown<T> breakdown;
    private final String fileName;

    public BreakdownCsv(Section<T> section, Breakdown<T> breakdown, String fileName) {
        this.section = section;
        this.breakdown = breakdown;
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        List<String> header = new ArrayList<>(List.of("replication", "id",
                breakdown.partKey()));
        section.metrics().forEach(m -> header.add(m.key()));
        CsvTable csv = new CsvTable(out).header(header);
        for (ReplicationResult r : results.replications()) {
            for (Map.Entry<String, T> e : section.entitiesOf(r).entrySet()) {
                for (Map.Entry<String, T> part : breakdown.parts().apply(e.getValue())
                        .entrySet()) {
                    csv.integer(r.replication()).text(e.getKey()).text(part.getKey());
                    for (Metric<T> metric : section.metrics()) {
                        csv.number(metric.valueOf(part.getValue()));
                    }
                    csv.end();
                }
            }
        }
        csv.flush();
    }
}
