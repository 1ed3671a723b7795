package org.silkrail.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.ReplicationResult;
import org.silkrail.model.ReplicationResult.FlowResult;
import org.silkrail.model.ReplicationResult.LinkResult;
import org.silkrail.model.ReplicationResult.NodeResult;
import org.silkrail.model.ReplicationResult.RouteResult;
import org.silkrail.model.ReplicationResult.Totals;

/**
 * A stand-in for the rail model: draws a plausible {@link ReplicationResult} from the
 * replication's streams, so that every value depends on (seed, replication) only. Two flows, two
 * routes, three nodes, two links, daily queue series.
 */
public final class FakeModel implements Replications.Model {
    private final int days;

    public FakeModel(int days) {
        this.days = days;
    }

    @Override
    public ReplicationResult runReplication(int replication, RandomStreams streams) {
        UniformRandomProvider rng = streams.stream(replication, "fake");
        Map<String, FlowResult> flows = new LinkedHashMap<>();
        Map<String, RouteResult> routes = new LinkedHashMap<>();
        double[] northern = transit(rng, 40 + rng.nextInt(10), 13);
        double[] titr = transit(rng, 5 + rng.nextInt(5), 19);
        double[] other = transit(rng, 10 + rng.nextInt(3), 15);
        routes.put("northern", new RouteResult(northern.length + other.length,
                concat(northern, other)));
        routes.put("titr", new RouteResult(titr.length, titr));
        Map<String, Long> xeRoutes = new LinkedHashMap<>();
        xeRoutes.put("northern", (long) northern.length);
        xeRoutes.put("titr", (long) titr.length);
        double[] xeTransit = concat(northern, titr);
        flows.put("xian-europe", new FlowResult("XIA", "DUI", xeTransit.length + 3,
                xeTransit.length, xeTransit.length * 100.0, xeTransit.length * 5.0, xeTransit,
                xeRoutes, breakdown(xeTransit), Map.of("DOS", 20.0, "MAL", 10.0),
                ReplicationResult.CostResult.NONE));
        flows.put("chongqing, \"duisburg\"", new FlowResult(other.length + 1, other.length,
                other.length * 90.5, other, Map.of("northern", (long) other.length),
                breakdown(other), Map.of("DOS", 20.0)));
        Map<String, NodeResult> nodes = new LinkedHashMap<>();
        for (String id : new String[] {"XIA", "DOS", "MAL"}) {
            double wait = 10 * rng.nextDouble();
            Map<String, NodeResult> directions = new LinkedHashMap<>();
            directions.put("west", new NodeResult(40 + rng.nextInt(5), wait, 6, 0.5, 1, 3, 0,
                    400, Map.of()));
            directions.put("east", new NodeResult(20 + rng.nextInt(5), wait, 6, 0.2, 0, 1, 0,
                    150, Map.of()));
            nodes.put(id, new NodeResult(60 + rng.nextInt(5), wait, 6 + rng.nextDouble(),
                    rng.nextDouble(), wait / 24 * 2.5, 3 + rng.nextInt(4), rng.nextInt(3),
                    550 + rng.nextInt(10), directions));
        }
        // a node that saw no train has no mean wait
        nodes.put("BAK", new NodeResult(0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        Map<String, LinkResult> links = new LinkedHashMap<>();
        links.put("XIA-DOS", new LinkResult(70, rng.nextDouble(), rng.nextDouble()));
        links.put("AKU-ALAT", new LinkResult(8, rng.nextDouble(), 20 * rng.nextDouble()));
        double[] all = concat(xeTransit, other);
        double teu = xeTransit.length * 100.0 + other.length * 90.5;
        Totals totals = new Totals(all.length + 4, all.length, teu, teu * 365.25 / days, all,
                4 + rng.nextInt(3), all.length + 10, all.length + 6);
        Map<String, double[]> queues = new LinkedHashMap<>();
        for (String id : nodes.keySet()) {
            double[] q = new double[days];
            for (int d = 0; d < days; d++) {
                q[d] = 3 * rng.nextDouble();
            }
            queues.put(id, q);
        }
        ReplicationResult.Series series = new ReplicationResult.Series(queues,
                Map.of("northern", new double[] {1000 + rng.nextInt(100), 1100}),
                Map.of("AKU-ALAT", new double[] {rng.nextDouble()}));
        long events = 10_000 + rng.nextInt(1000);
        return new ReplicationResult(replication, streams.replicationSeed(replication), events,
                0.01 + replication * 1e-3, days, totals, flows, nodes, links, routes, series);
    }

    private static double[] transit(UniformRandomProvider rng, int trains, double meanDays) {
        double[] t = new double[trains];
        for (int i = 0; i < trains; i++) {
            t[i] = meanDays * (0.8 + 0.4 * rng.nextDouble());
        }
        return t;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A run of {@code replications} fake replications, aggregated. */
    public static RunResults results(int replications, long seed, int threads) {
        var reps = Replications.run(new FakeModel(30), seed, replications, threads,
                Replications.Progress.NONE);
        return RunResults.aggregate(new RunInfo("fake", "A fake run", seed, replications, 40, 10,
                "0".repeat(64), "0.1.0-test"), reps);
    }

    /** A time breakdown that adds up to the mean transit: 60 % running, 10 % processing, rest
     *  waits at servers and for the quota; no random draws, so other values stay as they were. */
    static Map<String, Double> breakdown(double[] transitDays) {
        double hours = java.util.Arrays.stream(transitDays).average().orElse(Double.NaN) * 24;
        Map<String, Double> parts = new LinkedHashMap<>();
        for (String cause : org.silkrail.model.Causes.NAMES) {
            parts.put(cause, 0.0);
        }
        parts.put("running", 0.6 * hours);
        parts.put("processing", 0.1 * hours);
        parts.put("server_queue", 0.2 * hours);
        parts.put("quota", 0.1 * hours);
        return parts;
    }
}
