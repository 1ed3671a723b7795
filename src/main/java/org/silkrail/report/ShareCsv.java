package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.experiment.Share;
import org.silkrail.model.ReplicationResult;

/**
 * Writes a share per replication in long format, e.g. {@code route_share.csv}: columns
 * {@code replication, id, route, trains, route_share}, one row per (replication, flow, route
 * taken). The share is the count over the entity's total count in that replication.
 */
public final class ShareCsv<T> implements ReportWriter {
    private final Section<T> section;
    private final Share<T> share;

    public ShareCsv(Section<T> section, Share<T> share) {
        this.section = section;
        this.share = share;
    }

    @Override
    public String fileName() {
        return share.key() + ".csv";
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        CsvTable csv = new CsvTable(out).header(List.of("replication", "id", share.partKey(),
                share.countKey(), share.key()));
        for (ReplicationResult r : results.replications()) {
            for (Map.Entry<String, T> e : section.entitiesOf(r).entrySet()) {
                Map<String, Long> counts = share.counts().apply(e.getValue());
                long total = 0;
                for (long c : counts.values()) {
                    total += c;
                }
                for (Map.Entry<String, Long> part : counts.entrySet()) {
                    csv.integer(r.replication()).text(e.getKey()).text(part.getKey())
                            .integer(part.getValue())
                            .number(total == 0 ? Double.NaN : part.getValue() / (double) total)
                            .end();
                }
            }
        }
        csv.flush();
    }
}
