package org.silkrail.experiment;

import java.util.ArrayList;
import java.util.List;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.network.Direction;
import org.silkrail.network.LinkMode;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.NodeKind;
import org.silkrail.network.NodeSpec;

/**
 * The few numbers a capacity study looks at first — throughput, transit days, cost and CO2 per
 * flow, waits where trains queue — as {@link MetricPath}s: the columns of a sweep row and the rows of the
 * comparison table. Chosen from the base scenario before anything runs, so that every row of a
 * sweep has the same columns whatever the variant.
 */
public final class MainMetrics {
    private MainMetrics() {
    }

    /**
     * The nodes whose waits a sweep reports by default: every gauge-change station and port that
     * processes trains, and every node with a quota — where trains queue on the China–Europe
     * corridors. In declaration order.
     */
    public static List<String> keyNodes(ModelSpec base) {
        List<String> ids = new ArrayList<>();
        for (NodeSpec n : base.network().nodes().values()) {
            boolean queues = n.queues();
            boolean keyKind = n.kind() == NodeKind.GAUGE_CHANGE || n.kind() == NodeKind.PORT;
            if (queues && (keyKind || hasQuota(n))) {
                ids.add(n.id());
            }
        }
        return ids;
    }

    private static boolean hasQuota(NodeSpec n) {
        for (Direction d : Direction.values()) {
            if (n.processing(d).quotaPerDay() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sweep row's metrics: the totals (TEU/year, trains delivered, mean transit days, trains
     * left in the system), the background's trains delivered and mean transit days when the base
     * has a background flow, the mean transit days of each flow, each flow's cost and CO2 per TEU,
     * the mean wait at each key node, and the loading wait and utilisation of each ferry link.
     *
     * @param keyNodes node ids whose {@code wait_hours} to report
     */
    public static List<MetricPath> forSweep(ModelSpec base, List<String> keyNodes) {
        List<MetricPath> m = new ArrayList<>();
        m.add(MetricPath.of(ResultSchema.TOTALS, "teu_per_year"));
        m.add(MetricPath.of(ResultSchema.TOTALS, "trains_delivered"));
        m.add(MetricPath.of(ResultSchema.TOTALS, "transit_days"));
        m.add(MetricPath.of(ResultSchema.TOTALS, "trains_in_system_at_end"));
        if (base.demand().values().stream().anyMatch(FlowSpec::background)) {
            // the background's own throughput and transit, which the totals leave out
            m.add(MetricPath.of(ResultSchema.BACKGROUND_TOTALS, "trains_delivered"));
            m.add(MetricPath.of(ResultSchema.BACKGROUND_TOTALS, "transit_days"));
        }
        for (String flow : base.demand().keySet()) {
            m.add(MetricPath.of(ResultSchema.FLOWS, flow, "transit_days"));
        }
        // every flow, with cost inputs or not: a variant may add them (a varied
        // value_of_time_per_teu_hour), and every row has the same columns
        for (String metric : Comparison.PER_TEU_METRICS) {
            for (String flow : base.demand().keySet()) {
                m.add(MetricPath.of(ResultSchema.FLOWS, flow, metric));
            }
        }
        for (String node : keyNodes) {
            m.add(MetricPath.of(ResultSchema.NODES, node, "wait_hours"));
        }
        for (LinkSpec link : base.network().links().values()) {
            if (link.mode() == LinkMode.FERRY) {
                m.add(MetricPath.of(ResultSchema.LINKS, link.id(), "wait_hours"));
                m.add(MetricPath.of(ResultSchema.LINKS, link.id(), "utilization"));
            }
        }
        return m;
    }
}
