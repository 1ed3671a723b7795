package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one replication measured after its warm-up: the per-replication values behind every
 * statistic of {@code results.json} (PRODUCT.md §4). Plain data; the experiment package
 * aggregates replications into means with confidence intervals.
 *
 * <p>Units are in the names. Maps keep the network's declaration order. Arrays of per-train
 * observations are in delivery order.
 *
 * @param replication 0-based replication number
 * @param seed the replication's seed as reported in sweep rows ({@code RandomStreams#replicationSeed})
 * @param events events dispatched by the engine
 * @param wallSeconds wall-clock time of the replication (the only non-reproducible value)
 * @param measuredDays length of the measured window, horizon minus warm-up
 * @param series time series for the report; may be empty
 */
public record ReplicationResult(int replication, long seed, long events, double wallSeconds,
        double measuredDays, Totals totals, Map<String, FlowResult> flows,
        Map<String, NodeResult> nodes, Map<String, LinkResult> links,
        Map<String, RouteResult> routes, Series series) {

    public ReplicationResult {
        flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }

    /**
     * @param trainsGenerated trains created in the measured window
     * @param trainsDelivered trains that reached their destination in the measured window
     * @param teuDelivered TEU of those trains
     * @param teuPerYear teuDelivered scaled to 365.25 days
     * @param transitDays per delivered train, departure to arrival, in days
     * @param trainsInSystemAtEnd trains generated (at any time) and not delivered at the horizon
     * @param trainsGeneratedAll trains generated over the whole run, warm-up included
     * @param trainsDeliveredAll trains delivered over the whole run, warm-up included
     */
    public record Totals(long trainsGenerated, long trainsDelivered, double teuDelivered,
            double teuPerYear, double[] transitDays, long trainsInSystemAtEnd,
            long trainsGeneratedAll, long trainsDeliveredAll) {
    }

    /**
     * @param routeTrains trains delivered per route name (named route, or "fastest", or "via")
     */
    public record FlowResult(long trainsGenerated, long trainsDelivered, double teuDelivered,
            double[] transitDays, Map<String, Long> routeTrains) {
        public FlowResult {
            routeTrains = Collections.unmodifiableMap(new LinkedHashMap<>(routeTrains));
        }
    }

    /**
     * @param waitHours mean wait before processing starts (quota hold-backs included)
     * @param processHours mean processing time
     * @param utilization busy server-time over nominal server-time
     * @param queueMean time-average number of trains waiting
     * @param queueMax largest number of trains waiting
     * @param quotaHits trains held back at least once because the day's quota was reached
     */
    public record NodeResult(long arrivals, double waitHours, double processHours,
            double utilization, double queueMean, double queueMax, long quotaHits) {
    }

    /**
     * @param trains trains that entered the link (both directions)
     * @param utilization share of the link's capacity used: for rail, entries over capacity
     *     per direction over the window (or occupied time for single track); for ferries,
     *     wagons carried over wagon places offered by sailings
     * @param waitHours mean wait to enter the link (headway, crossing, ferry loading)
     */
    public record LinkResult(long trains, double utilization, double waitHours) {
    }

    public record RouteResult(long trains, double[] transitDays) {
    }

    /**
     * Time series for charts.
     *
     * @param nodeQueueDaily per node id: time-average queue length for each measured day
     * @param routeTeuMonthly per route: TEU delivered per 30-day period of the measured window
     * @param ferryUtilizationMonthly per ferry link: wagons carried over wagon places sailed,
     *     per 30-day period
     */
    public record Series(Map<String, double[]> nodeQueueDaily,
            Map<String, double[]> routeTeuMonthly, Map<String, double[]> ferryUtilizationMonthly) {
        public static Series empty() {
            return new Series(Map.of(), Map.of(), Map.of());
        }
    }
}
