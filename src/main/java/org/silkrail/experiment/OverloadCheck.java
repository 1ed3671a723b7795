package org.silkrail.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.LinkMode;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.NodeSpec;

/**
 * Tells from one replication's results whether the network was past its capacity: a queue that
 * grows without bound, a server group or line used at or above {@value #SATURATION}, or trains
 * piling up in the system. {@code silkrail run} warns of what most replications show;
 * {@code silkrail capacity} calls a replication unstable when anything is found.
 *
 * <p>The three signs, each judged on the measured window (horizon minus warm-up) of one
 * replication, of {@code D} days:
 * <ol>
 *   <li><b>{@code queue_growth}</b> (a node that processes): the daily time-average number of
 *       trains waiting, averaged over the first third ({@code A}) and the last third
 *       ({@code B}) of the window, {@code m = floor(D/3)} days each; the queue grows when
 *       {@code B − A ≥ max(}{@value #MIN_GROWTH_TRAINS}{@code , A, }{@value #GROWTH_SHARE}
 *       {@code · a · (D − m))}, {@code a} the node's arrivals per day and {@code D − m} the days
 *       between the thirds' centres: more trains arrive than leave by at least 1 % of the
 *       arrivals, the queue at least doubles, and by at least 5 trains. Needs
 *       {@code D ≥ }{@value #MIN_DAYS}.</li>
 *   <li><b>{@code utilization}</b> (a node with servers, or a rail link with more than one
 *       track and a {@code capacity}): utilisation {@code ≥ }{@value #SATURATION}. Within noise
 *       of 1 means this: an overloaded server group is never idle once its queue has formed, so
 *       its utilisation over the window tends to 1; a stable one's is its load {@code ρ}, which
 *       a year of trains estimates to about ±0.01. Single-track lines (crossings leave sections
 *       idle) and ferries (a when-full rule fills vessels at any load) have no utilisation that
 *       reaches 1 and are judged by the backlog.</li>
 *   <li><b>{@code backlog}</b> (the network): trains generated minus trains delivered in the
 *       window is at least {@code max(}{@value #MIN_GROWTH_TRAINS}{@code , }{@value
 *       #GROWTH_SHARE}{@code  · trains generated) + }{@value #PIPELINE_MARGIN}{@code  · L}, where
 *       {@code L} is what a stable network holds on the way (Little's law: deliveries per day
 *       × mean transit days). It catches what no node queue shows (waits at a ferry or a single-track
 *       line); it names the node or link where trains waited longest. Judged on the corridor's
 *       totals, and then on background flows' own ({@code background_totals}), which a lower
 *       priority can starve while the corridor's trains run.</li>
 * </ol>
 *
 * <p>False alarms: on a stable M/M/1 station at load 0.8 (365 days, 30 of them warm-up, 1 to
 * 100 trains a day) a replication shows any sign in the fraction given in
 * {@code docs/experiments.md} (measured by {@code OverloadCheckFalseAlarmTest}). A run warns
 * only of a sign seen in more than half its replications.
 *
 * <p>Stateless; safe from any thread.
 */
public final class OverloadCheck {
    /** Utilisation at or above this counts as saturated. */
    public static final double SATURATION = 0.99;
    /** A queue grows when it gains at least this share of its arrivals. */
    public static final double GROWTH_SHARE = 0.01;
    /** … and at least this many trains between the first and last thirds of the window. */
    public static final double MIN_GROWTH_TRAINS = 5;
    /** A backlog must exceed this many times the trains a stable network has on their way. */
    public static final double PIPELINE_MARGIN = 3;
    /** Shortest measured window, in days, on which queue growth is judged. */
    public static final int MIN_DAYS = 9;

    public static final String QUEUE_GROWTH = "queue_growth";
    public static final String UTILIZATION = "utilization";
    public static final String BACKLOG = "backlog";

    private OverloadCheck() {
    }

    /**
     * One sign of overload in one replication.
     *
     * @param kind {@link #QUEUE_GROWTH}, {@link #UTILIZATION} or {@link #BACKLOG}
     * @param id the node or link (for a backlog: where trains waited longest)
     * @param link whether {@code id} is a link
     * @param value queue growth in trains per day; utilisation; backlog growth in trains per day
     * @param first queue growth: mean queue in the first third (trains); else NaN
     * @param last queue growth: mean queue in the last third (trains); else NaN
     * @param score how far past capacity, comparable across kinds, for choosing the bottleneck:
     *     utilisation, or 1 + growth as a share of the arrivals
     */
    public record Finding(String kind, String id, boolean link, double value, double first,
            double last, double score) {
    }

    /** Every sign of overload in replication {@code r} of a run of {@code spec}. */
    public static List<Finding> check(ModelSpec spec, ReplicationResult r) {
        List<Finding> found = new ArrayList<>();
        double days = r.measuredDays();
        Map<String, double[]> queues = r.series() == null ? Map.of()
                : r.series().nodeQueueDaily();
        for (Map.Entry<String, ReplicationResult.NodeResult> e : r.nodes().entrySet()) {
            String id = e.getKey();
            ReplicationResult.NodeResult node = e.getValue();
            NodeSpec nodeSpec = spec.network().nodes().get(id);
            double[] queue = queues.get(id);
            if (queue != null && queue.length >= MIN_DAYS && days > 0) {
                int m = queue.length / 3;
                double first = mean(queue, 0, m);
                double last = mean(queue, queue.length - m, queue.length);
                double spacing = queue.length - m;
                double perDay = node.arrivals() / days;
                double growth = last - first;
                // the last third's queue at least twice the first's: a stable queue's thirds
                // differ by its fluctuations, which at low traffic exceed any fixed count
                if (growth >= Math.max(Math.max(MIN_GROWTH_TRAINS, first),
                        GROWTH_SHARE * perDay * spacing)) {
                    found.add(new Finding(QUEUE_GROWTH, id, false, growth / spacing, first, last,
                            1 + (perDay > 0 ? growth / spacing / perDay : 1)));
                }
            }
            if (nodeSpec != null && nodeSpec.processes() && node.utilization() >= SATURATION) {
                found.add(new Finding(UTILIZATION, id, false, node.utilization(), Double.NaN,
                        Double.NaN, node.utilization()));
            }
        }
        for (Map.Entry<String, ReplicationResult.LinkResult> e : r.links().entrySet()) {
            LinkSpec link = spec.network().links().get(e.getKey());
            double utilization = e.getValue().utilization();
            if (link != null && link.mode() == LinkMode.RAIL && link.tracks() > 1
                    && link.capacityPerDay() > 0 && utilization >= SATURATION) {
                found.add(new Finding(UTILIZATION, e.getKey(), true, utilization, Double.NaN,
                        Double.NaN, utilization));
            }
        }
        Finding backlog = backlog(r, r.totals());
        if (backlog == null && r.backgroundTotals() != null) {
            backlog = backlog(r, r.backgroundTotals()); // background trains piling up
        }
        if (backlog != null) {
            found.add(backlog);
        }
        return found;
    }

    private static Finding backlog(ReplicationResult r, ReplicationResult.Totals totals) {
        double days = r.measuredDays();
        if (days <= 0 || totals.trainsGenerated() == 0) {
            return null;
        }
        double transitDays = Stat.mean(totals.transitDays());
        double onTheirWay = totals.trainsDelivered() / days
                * (Double.isNaN(transitDays) ? 0 : transitDays);
        // beyond PIPELINE_MARGIN times the trains on their way: the number in a stable
        // system fluctuates by about as much as it holds (M/M/1: sd ≈ mean / √ρ)
        double growth = totals.trainsGenerated() - totals.trainsDelivered();
        if (growth < Math.max(MIN_GROWTH_TRAINS, GROWTH_SHARE * totals.trainsGenerated())
                + PIPELINE_MARGIN * onTheirWay) {
            return null;
        }
        String where = null;
        boolean link = false;
        double longest = -1;
        for (Map.Entry<String, ReplicationResult.NodeResult> e : r.nodes().entrySet()) {
            if (e.getValue().waitHours() > longest) {
                longest = e.getValue().waitHours();
                where = e.getKey();
            }
        }
        for (Map.Entry<String, ReplicationResult.LinkResult> e : r.links().entrySet()) {
            if (e.getValue().waitHours() > longest) {
                longest = e.getValue().waitHours();
                where = e.getKey();
                link = true;
            }
        }
        if (where == null) {
            return null;
        }
        return new Finding(BACKLOG, where, link, growth / days, Double.NaN, Double.NaN,
                1 + growth / totals.trainsGenerated());
    }

    /**
     * The warnings of a run: each (kind, id) found in more than half of the replications, in
     * the order first found. A backlog counts only in replications where nothing else was
     * found (a growing queue or a saturated line already explains it).
     */
    public static List<Warning> warnings(ModelSpec spec, List<ReplicationResult> replications) {
        Map<String, List<Finding>> byKey = new LinkedHashMap<>();
        for (ReplicationResult r : replications) {
            List<Finding> found = check(spec, r);
            for (Finding f : found) {
                if (f.kind().equals(BACKLOG) && found.size() > 1) {
                    continue;
                }
                byKey.computeIfAbsent(f.kind() + "\u0000" + f.id(), k -> new ArrayList<>()).add(f);
            }
        }
        int n = replications.size();
        List<Warning> warnings = new ArrayList<>();
        for (List<Finding> found : byKey.values()) {
            if (2 * found.size() > n) {
                warnings.add(warning(spec, found, n));
            }
        }
        return warnings;
    }

    private static Warning warning(ModelSpec spec, List<Finding> found, int n) {
        Finding f = found.get(0);
        String what = describe(spec, f);
        String share = " in " + found.size() + " of " + n + " replication" + (n == 1 ? "" : "s");
        String message = switch (f.kind()) {
            case QUEUE_GROWTH -> String.format(Locale.ROOT, "%s: the queue grows without bound:"
                    + " %.3g more trains waiting each day (%.3g waiting on average in the first"
                    + " third of the measured window, %.3g in the last)%s", what,
                    meanOf(found, Finding::value), meanOf(found, Finding::first),
                    meanOf(found, Finding::last), share);
            case UTILIZATION -> String.format(Locale.ROOT, "%s: utilisation %.4f, at or above"
                    + " %.2f: past its capacity%s", what, meanOf(found, Finding::value),
                    SATURATION, share);
            default -> String.format(Locale.ROOT, "trains pile up in the network: %.3g more"
                    + " in it each day, more than a stable network holds on its way; trains"
                    + " wait longest at %s%s", meanOf(found, Finding::value), what, share);
        };
        return new Warning(f.kind(), f.id(), message);
    }

    /** {@code node DOS (Dostyk)} or {@code link AKU-ALAT}. */
    static String describe(ModelSpec spec, Finding f) {
        if (f.link()) {
            return "link " + f.id();
        }
        NodeSpec node = spec.network().nodes().get(f.id());
        return "node " + f.id() + (node == null || node.name().equals(f.id()) ? ""
                : " (" + node.name() + ")");
    }

    private interface Value {
        double of(Finding f);
    }

    private static double meanOf(List<Finding> found, Value value) {
        double sum = 0;
        for (Finding f : found) {
            sum += value.of(f);
        }
        return sum / found.size();
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
