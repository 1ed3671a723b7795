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
 * @param fleets per fleet of the scenario, in declaration order; empty without fleets
 * @param reforming per re-forming node of the scenario; empty without re-forming
 * @param ports per port with berths, in node order; empty without berths
 * @param totals the China–Europe corridor: every flow but the background ones
 * @param backgroundTotals the same for the trains of {@code background: true} flows; null when
 *     the scenario has none
 */
public record ReplicationResult(int replication, long seed, long events, double wallSeconds,
        double measuredDays, Totals totals, Map<String, FlowResult> flows,
        Map<String, NodeResult> nodes, Map<String, LinkResult> links,
        Map<String, RouteResult> routes, Series series, Map<String, FleetResult> fleets,
        Map<String, ReformResult> reforming, Map<String, PortResult> ports,
        Totals backgroundTotals) {

    /** A result of a scenario without background flows. */
    public ReplicationResult(int replication, long seed, long events, double wallSeconds,
            double measuredDays, Totals totals, Map<String, FlowResult> flows,
            Map<String, NodeResult> nodes, Map<String, LinkResult> links,
            Map<String, RouteResult> routes, Series series, Map<String, FleetResult> fleets,
            Map<String, ReformResult> reforming, Map<String, PortResult> ports) {
        this(replication, seed, events, wallSeconds, measuredDays, totals, flows, nodes, links,
                routes, series, fleets, reforming, ports, null);
    }

    /** A result of a scenario without berths. */
    public ReplicationResult(int replication, long seed, long events, double wallSeconds,
            double measuredDays, Totals totals, Map<String, FlowResult> flows,
            Map<String, NodeResult> nodes, Map<String, LinkResult> links,
            Map<String, RouteResult> routes, Series series, Map<String, FleetResult> fleets,
            Map<String, ReformResult> reforming) {
        this(replication, seed, events, wallSeconds, measuredDays, totals, flows, nodes, links,
                routes, series, fleets, reforming, Map.of());
    }

    public ReplicationResult {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        fleets = Collections.unmodifiableMap(new LinkedHashMap<>(fleets));
        reforming = Collections.unmodifiableMap(new LinkedHashMap<>(reforming));
    }

    /** A result of a scenario without fleets or re-forming. */
    public ReplicationResult(int replication, long seed, long events, double wallSeconds,
            double measuredDays, Totals totals, Map<String, FlowResult> flows,
            Map<String, NodeResult> nodes, Map<String, LinkResult> links,
            Map<String, RouteResult> routes, Series series) {
        this(replication, seed, events, wallSeconds, measuredDays, totals, flows, nodes, links,
                routes, series, Map.of(), Map.of());
    }

    /**
     * A fleet's values (rolling stock, {@code FleetSpec}); levels are time averages over the
     * measured window.
     *
     * @param kind {@code wagons} or {@code locomotives}
     * @param size units in the fleet
     * @param utilization mean units not free (with a train, or running back empty) over size
     * @param inUseMean mean units with a train
     * @param returningMean mean units running back empty
     * @param waitHours mean wait of a train for this fleet's units where it takes them, 0 for
     *     a train that found them free
     * @param takes times trains took this fleet's units
     * @param trainsWaited of those, the ones that had to wait
     * @param unitsTaken units taken (a re-formed train takes one per train it makes)
     */
    public record FleetResult(String kind, long size, double utilization, double inUseMean,
            double returningMean, double waitHours, long takes, long trainsWaited,
            long unitsTaken) {
    }

    /**
     * A re-forming node's counts ({@code ReformSpec}) over the measured window.
     *
     * @param trains trains that entered the re-forming side, both directions
     * @param sideTrains the trains they make on the side
     * @param teu their TEU, loaded and empty
     */
    public record ReformResult(long trains, long sideTrains, double teu) {
    }

    /**
     * A port's berths ({@code berths:} on a port node) over the measured window.
     *
     * @param berths berths at the port
     * @param vesselCalls loading and unloading calls begun
     * @param berthWaitHours mean wait at anchorage per call, 0 for a vessel that found a berth
     * @param handlingHours mean berth time per call
     * @param turnaroundHours their sum: anchorage plus berth time per call
     * @param utilization time-average berths holding a vessel, over berths
     * @param anchorageMax the most vessels at anchorage at once
     */
    public record PortResult(int berths, long vesselCalls, double berthWaitHours,
            double handlingHours, double turnaroundHours, double utilization,
            int anchorageMax) {
    }

    /**
     * @param trainsGenerated trains created in the measured window
     * @param trainsDelivered trains that reached their destination in the measured window
     * @param teuDelivered TEU of those trains
     * @param teuPerYear teuDelivered scaled to 365.25 days
     * @param transitDays per train delivered in the window, generation to the end of its
     *     processing at the destination, in days
     * @param trainsInSystemAtEnd trains at the horizon counted where they are (node queues and
     *     services, links and ports); equals {@code trainsGeneratedAll - trainsDeliveredAll}
     * @param trainsGeneratedAll trains generated over the whole run, warm-up included
     * @param trainsDeliveredAll trains delivered over the whole run, warm-up included
     */
    public record Totals(long trainsGenerated, long trainsDelivered, double teuDelivered,
            double teuPerYear, double[] transitDays, long trainsInSystemAtEnd,
            long trainsGeneratedAll, long trainsDeliveredAll) {
    }

    /**
     * @param from origin node id
     * @param to destination node id
     * @param teuDelivered loaded TEU of the trains delivered in the window
     * @param emptyTeuDelivered empty TEU of those trains
     * @param routeTrains trains delivered per route key, for every route the flow may take (see
     *     {@link RouteResult} for the keys)
     * @param timeBreakdownHours per cause of {@link org.silkrail.model.Causes#NAMES}, mean hours
     *     per delivered train (running, processing, each cause of waiting); they add up to the
     *     mean transit time; NaN when the flow delivered nothing
     * @param waitByPlaceHours per node and link id of the flow's routes, mean wait hours per
     *     delivered train; NaN when the flow delivered nothing
     * @param cost cost and CO2 per TEU delivered
     * @param offers what became of the trains the flow offered (back-pressure)
     * @param background whether the flow is background traffic ({@code FlowSpec#background});
     *     null when the scenario has no background flow (results then leave the key out)
     */
    public record FlowResult(String from, String to, long trainsGenerated, long trainsDelivered,
            double teuDelivered, double emptyTeuDelivered, double[] transitDays,
            Map<String, Long> routeTrains, Map<String, Double> timeBreakdownHours,
            Map<String, Double> waitByPlaceHours, CostResult cost, Offers offers,
            Boolean background) {
        public FlowResult {
            routeTrains = Collections.unmodifiableMap(new LinkedHashMap<>(routeTrains));
            timeBreakdownHours = Collections.unmodifiableMap(
                    new LinkedHashMap<>(timeBreakdownHours));
            waitByPlaceHours = Collections.unmodifiableMap(new LinkedHashMap<>(waitByPlaceHours));
        }

        /** A flow of a scenario without background flows. */
        public FlowResult(String from, String to, long trainsGenerated, long trainsDelivered,
                double teuDelivered, double emptyTeuDelivered, double[] transitDays,
                Map<String, Long> routeTrains, Map<String, Double> timeBreakdownHours,
                Map<String, Double> waitByPlaceHours, CostResult cost, Offers offers) {
            this(from, to, trainsGenerated, trainsDelivered, teuDelivered, emptyTeuDelivered,
                    transitDays, routeTrains, timeBreakdownHours, waitByPlaceHours, cost, offers,
                    null);
        }

        /** A flow whose every offered train was accepted at once. */
        public FlowResult(String from, String to, long trainsGenerated, long trainsDelivered,
                double teuDelivered, double emptyTeuDelivered, double[] transitDays,
                Map<String, Long> routeTrains, Map<String, Double> timeBreakdownHours,
                Map<String, Double> waitByPlaceHours, CostResult cost) {
            this(from, to, trainsGenerated, trainsDelivered, teuDelivered, emptyTeuDelivered,
                    transitDays, routeTrains, timeBreakdownHours, waitByPlaceHours, cost,
                    Offers.allAccepted(trainsGenerated));
        }

        /** A flow without delay attribution or cost figures (NaN). */
        public FlowResult(String from, String to, long trainsGenerated, long trainsDelivered,
                double teuDelivered, double emptyTeuDelivered, double[] transitDays,
                Map<String, Long> routeTrains) {
            this(from, to, trainsGenerated, trainsDelivered, teuDelivered, emptyTeuDelivered,
                    transitDays, routeTrains, Map.of(), Map.of(), CostResult.NONE);
        }

        /** A flow of loaded trains whose ends are not recorded, without cost figures. */
        public FlowResult(long trainsGenerated, long trainsDelivered, double teuDelivered,
                double[] transitDays, Map<String, Long> routeTrains,
                Map<String, Double> timeBreakdownHours, Map<String, Double> waitByPlaceHours) {
            this(null, null, trainsGenerated, trainsDelivered, teuDelivered, 0, transitDays,
                    routeTrains, timeBreakdownHours, waitByPlaceHours, CostResult.NONE);
        }

        /** A flow of loaded trains whose ends are not recorded. */
        public FlowResult(long trainsGenerated, long trainsDelivered, double teuDelivered,
                double[] transitDays, Map<String, Long> routeTrains) {
            this(null, null, trainsGenerated, trainsDelivered, teuDelivered, 0, transitDays,
                    routeTrains, Map.of(), Map.of(), CostResult.NONE);
        }
    }

    /**
     * What became of the trains a flow offered in the measured window (born at or after the
     * warm-up), under back-pressure: {@code offered = accepted + refused + heldAtEnd}.
     *
     * @param offered trains the flow's demand offered at the origin
     * @param accepted trains the railway accepted and dispatched, at once or after a hold
     * @param refused trains refused because an acceptance ban lay on their route
     * @param held trains held at the origin by a ban at least once
     * @param heldAtEnd trains still held at the origin at the horizon
     */
    public record Offers(long offered, long accepted, long refused, long held, long heldAtEnd) {
        /** Every one of {@code offered} trains accepted at once. */
        public static Offers allAccepted(long offered) {
            return new Offers(offered, offered, 0, 0, 0);
        }
    }

    /**
     * A node's values. A node that does no processing and has no quota reports its arrivals
     * and zeros for the rest.
     *
     * @param arrivals trains that arrived in the window
     * @param waitHours mean wait before processing starts (quota hold-backs included)
     * @param processHours mean processing time
     * @param utilization busy server-time over nominal server-time
     * @param queueMean time-average number of trains waiting
     * @param queueMax largest number of trains waiting
     * @param quotaHits trains held back at least once because the day's quota was reached
     * @param teuPerDay loaded and empty TEU of the trains that finished processing, per
     *     measured day
     * @param directions the same values for the trains of each direction ({@code west},
     *     {@code east}) that some flow runs in; empty inside a direction's own result
     * @param monthly the same values per calendar month ({@code jan} … {@code dec}) with
     *     measured time, at a node where trains queue; empty elsewhere and inside a part
     */
    public record NodeResult(long arrivals, double waitHours, double processHours,
            double utilization, double queueMean, double queueMax, long quotaHits,
            double teuPerDay, Map<String, NodeResult> directions,
            Map<String, NodeResult> monthly) {
        public NodeResult {
            directions = Collections.unmodifiableMap(new LinkedHashMap<>(directions));
            monthly = Collections.unmodifiableMap(new LinkedHashMap<>(monthly));
        }

        /** A node's values without a monthly breakdown. */
        public NodeResult(long arrivals, double waitHours, double processHours,
                double utilization, double queueMean, double queueMax, long quotaHits,
                double teuPerDay, Map<String, NodeResult> directions) {
            this(arrivals, waitHours, processHours, utilization, queueMean, queueMax, quotaHits,
                    teuPerDay, directions, Map.of());
        }

        /** A node's values without TEU and direction breakdown. */
        public NodeResult(long arrivals, double waitHours, double processHours,
                double utilization, double queueMean, double queueMax, long quotaHits) {
            this(arrivals, waitHours, processHours, utilization, queueMean, queueMax, quotaHits,
                    0, Map.of());
        }
    }

    /**
     * @param trains trains that entered the link in the window (both directions; for a ferry,
     *     trains that reached one of its ports)
     * @param utilization share of the link's capacity used: single track, the mean share of
     *     its sections occupied; double track, entries in the busier direction over
     *     {@code capacity × days} (0 without a capacity limit); ferry, wagons carried over the
     *     wagon places of the sailings that carried any
     * @param waitHours mean delay on the link: rail, time on the link beyond its running time
     *     (waiting for the headway to enter, and on single track at crossing loops); ferry,
     *     from reaching the port until the vessel with the train's last wagons sails
     * @param capacityConsumption rail, mean over the complete measured days of the day's
     *     capacity consumption (UIC 406 spirit, see {@code Occupation}); NaN for ferries
     * @param capacityConsumptionPeakDay rail, the largest day's consumption; NaN for ferries
     */
    public record LinkResult(long trains, double utilization, double waitHours,
            double capacityConsumption, double capacityConsumptionPeakDay) {
        /** A link without capacity-consumption figures (NaN). */
        public LinkResult(long trains, double utilization, double waitHours) {
            this(trains, utilization, waitHours, Double.NaN, Double.NaN);
        }
    }

    /**
     * A route's values, keyed by the named route ({@code northern}) or, for a route a flow
     * derives, {@code fastest:FROM-TO} or {@code via:FROM-W1-…-TO}; a derived route that runs
     * over the same links as a named one takes the named one's key.
     *
     * @param trains trains delivered over the route in the window
     * @param transitDays their transit times in days, in delivery order
     */
    public record RouteResult(long trains, double[] transitDays, CostResult cost) {
        /** A route without cost figures (NaN). */
        public RouteResult(long trains, double[] transitDays) {
            this(trains, transitDays, CostResult.NONE);
        }
    }

    /**
     * Cost and CO2 per TEU delivered in the window, TEU-weighted over the trains (total over
     * TEU); NaN where nothing was delivered. The parts add up to {@code usdPerTeu}.
     *
     * @param usdPerTeu tariff + fees + time, USD per TEU
     * @param tariffUsdPerTeu link tariffs (USD per TEU-km × km)
     * @param feesUsdPerTeu node fees and ferry fares
     * @param timeUsdPerTeu value of time × transit hours
     * @param co2KgPerTeu CO2 of links and nodes, kg per TEU
     */
    public record CostResult(double usdPerTeu, double tariffUsdPerTeu, double feesUsdPerTeu,
            double timeUsdPerTeu, double co2KgPerTeu) {
        public static final CostResult NONE = new CostResult(Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);

        /** The parts by output name: {@code tariff}, {@code fees}, {@code time}. */
        public Map<String, Double> parts() {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("tariff", tariffUsdPerTeu);
            parts.put("fees", feesUsdPerTeu);
            parts.put("time", timeUsdPerTeu);
            return parts;
        }
    }

    /**
     * Time series for charts.
     *
     * @param nodeQueueDaily per processing node id: time-average queue length for each day of
     *     the measured window (days counted from the end of the warm-up)
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
