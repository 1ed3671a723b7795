package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.model.ReplicationResult;

/**
 * Writes every per-train observation of a keyed section, e.g. {@code trains.csv} from
 * {@code flows}: columns {@code replication, id} and one per per-train metric
 * ({@code transit_days}), one row per delivered train in delivery order — the raw data behind
 * the pooled percentiles, for any other quantile or a histogram in R or pandas.
 */
public final class TrainsCsv<T> implements ReportWriter {
    private final Section<T> section;
    private final String fileName;

    public TrainsCsv(Section<T> section, String fileName) {
        this.section = section;
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        List<Metric<T>> perTrain = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("replication", "id"));
        for (Metric<T> m : section.metrics()) {
            if (m.kind() == Metric.Kind.PER_TRAIN) {
                perTrain.add(m);
                header.add(m.key());
            }
        }
        CsvTable csv = new CsvTable(out).header(header);
        for (ReplicationResult r : results.replications()) {
            for (Map.Entry<String, T> e : section.entitiesOf(r).entrySet()) {
                double[][] columns = new double[perTrain.size()][];
                int rows = 0;
                for (int m = 0; m < columns.length; m++) {
                    columns[m] = perTrain.get(m).observationsOf(e.getValue());
                    rows = Math.max(rows, columns[m].length);
                }
                for (int i = 0; i < rows; i++) {
                    csv.integer(r.replication()).text(e.getKey());
                    for (double[] column : columns) {
                        csv.number(i < column.length ? column[i] : Double.NaN);
                    }
                    csv.end();
                }
            }
        }
        csv.flush();
    }
}
