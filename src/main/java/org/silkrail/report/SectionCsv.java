package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.Label;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.model.ReplicationResult;

/**
 * Writes one keyed section per replication in long format, e.g. {@code nodes.csv}: columns
 * {@code replication, id} and one column per metric, one row per (replication, entity). A
 * per-train metric appears as the replication's mean over its trains. Label columns
 * ({@code from}, {@code to}) come right after {@code id}; a yes/no label ({@link Label#flag})
 * only when some entity has it.
 */
public final class SectionCsv implements ReportWriter {
    private final Section<?> section;

    public SectionCsv(Section<?> section) {
        if (!section.keyed()) {
            throw new IllegalArgumentException("not a keyed section: section=" + section.key());
        }
        this.section = section;
    }

    @Override
    public String fileName() {
        return section.key() + ".csv";
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        write(section, results, out);
    }

    private static <T> void write(Section<T> section, RunResults results, OutputStream out)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("replication", "id"));
        List<Label<T>> labels = new ArrayList<>();
        for (Label<T> label : section.labels()) {
            if (!label.flag() || anyValue(label, section, results)) {
                labels.add(label);
                header.add(label.key());
            }
        }
        section.metrics().forEach(m -> header.add(m.key()));
        CsvTable csv = new CsvTable(out).header(header);
        for (ReplicationResult r : results.replications()) {
            for (Map.Entry<String, T> e : section.entitiesOf(r).entrySet()) {
                csv.integer(r.replication()).text(e.getKey());
                for (Label<T> label : labels) {
                    String text = label.text().apply(e.getValue());
                    csv.text(text == null ? "" : text);
                }
                for (Metric<T> metric : section.metrics()) {
                    csv.number(metric.valueOf(e.getValue()));
                }
                csv.end();
            }
        }
        csv.flush();
    }

    /** Whether some entity of some replication has a value for {@code label}. */
    private static <T> boolean anyValue(Label<T> label, Section<T> section, RunResults results) {
        for (ReplicationResult r : results.replications()) {
            for (T entity : section.entitiesOf(r).values()) {
                if (label.text().apply(entity) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
