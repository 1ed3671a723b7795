package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.model.ReplicationResult;

/**
 * Writes {@code replications.csv}: one row per replication with its seed (also as
 * {@code seed_hex}, which spreadsheets and R read without losing digits), its measured days and
 * every metric of the single sections ({@code engine}, then {@code totals}) — the numbers whose
 * mean and interval results.json reports ({@code background_totals} only when the run has it,
 * its columns then named {@code background_METRIC}). A per-train metric ({@code transit_days})
 * appears as the replication's mean.
 */
public final class ReplicationsCsv implements ReportWriter {
    public static final String FILE_NAME = "replications.csv";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        List<Section<?>> singles = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("replication", "seed", "seed_hex",
                "measured_days"));
        for (Section<?> section : ResultSchema.SECTIONS) {
            boolean absent = ResultSchema.omittedWhenEmpty(section)
                    && results.section(section.key()).isEmpty();
            if (!section.keyed() && !absent) {
                singles.add(section);
                // background_totals repeats the totals' keys: its columns carry a prefix
                String prefix = section == ResultSchema.BACKGROUND_TOTALS ? "background_" : "";
                section.metrics().forEach(m -> header.add(prefix + m.key()));
            }
        }
        CsvTable csv = new CsvTable(out).header(header);
        for (ReplicationResult r : results.replications()) {
            csv.integer(r.replication()).integer(r.seed()).text(ResultSchema.seedHex(r.seed()))
                    .number(r.measuredDays());
            for (Section<?> section : singles) {
                writeMetrics(csv, section, r);
            }
            csv.end();
        }
        csv.flush();
    }

    private static <T> void writeMetrics(CsvTable csv, Section<T> section, ReplicationResult r)
            throws IOException {
        T entity = section.entitiesOf(r).get(Section.SINGLE);
        for (Metric<T> metric : section.metrics()) {
            csv.number(metric.valueOf(entity));
        }
    }
}
