package org.silkrail.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.engine.Sample;
import org.silkrail.engine.ServerQueue;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;
import org.silkrail.engine.Tally;
import org.silkrail.engine.TimeWeighted;

/**
 * Everything one replication measures, and the {@link ReplicationResult} built from it at the
 * end: trains generated and delivered per flow and route, transit times, TEU per route and
 * period, node counters (pass-throughs, processing times, quota holds), link waits, and the
 * daily node-queue series.
 *
 * <p>The other parts report to it where things happen, through one method each: a train born
 * ({@link #trainGenerated}), delivered ({@link #delivered}), passing a node, starting its
 * processing, held by a quota, ending a wait on a link ({@link #linkWaitEnded}). The queue
 * statistics of a node (arrivals, waits, queue length, utilization) are kept by its
 * {@link ServerQueue} in {@link Stations}, and the kind-specific link counters (entries,
 * sailings, occupancy) by the {@link LinkModel}s; this class reads them when it builds the
 * result. Delivery is where a per-train value such as cost or CO2 would be summed.
 *
 * <p>The totals count the corridor's trains only: a background flow's trains
 * ({@link FlowSpec#background()}) count in its flow and in {@link BackgroundTotals}.
 *
 * <p>Invariants: counters of the measured window count an observation when it completes at or
 * after the warm-up (a transit when its train is delivered); {@code generatedAll} and
 * {@code deliveredAll} count the whole run, for conservation checks. Hot counters are fields;
 * nothing is allocated per event (the {@link Sample}s grow by doubling).
 */
final class Measurements {
    private static final long PERIOD_SECONDS = 30 * SimTime.DAY;

    private final Plan plan;
    private final Simulation sim;
    private final Trains trains;
    private final Delays delays;
    private final int replication;
    private final long seed;
    private final long warmup;

    private long generatedAll;
    private long deliveredAll;
    private long generated;
    private long delivered;
    private double teuDelivered;
    private final Sample transitDays;
    /** The trains of background flows, kept out of the counters above; null without any. */
    private final BackgroundTotals background;
    private final long[] flowGenerated;
    private final long[] flowDelivered;
    private final double[] flowTeuDelivered;
    private final double[] flowEmptyTeuDelivered;
    private final Sample[] flowTransit;
    private final long[][] flowRouteDelivered;
    private final long[] routeDelivered;
    private final Sample[] routeTransit;
    private final double[][] routeTeuByPeriod;

    /** Per flow, then per route: TEU-weighted sums of tariff, fees, time cost and CO2. */
    private final CostSums flowCost;
    private final CostSums routeCost;

    // per node (index n) and per node and direction (index n * 2 + d); the queue and busy
    // levels exist where the node has a station, the rest for every node
    private final long[] arrivals;
    private final Tally[] waitSeconds;
    private final Tally[] processSeconds;
    private final long[] quotaHits;
    private final double[] teuProcessed;
    /** Trains waiting at the node, all its stations together. */
    private final TimeWeighted[] nodeQueue;
    /** The node values per calendar month ({@code nodes.ID.monthly}). */
    final MonthlyNodes monthly;
    private final long[] dirArrivals;
    private final Tally[] dirWaitSeconds;
    private final Tally[] dirProcessSeconds;
    private final long[] dirQuotaHits;
    private final double[] dirTeuProcessed;
    private final TimeWeighted[] dirQueue;
    private final TimeWeighted[] dirBusy;
    private final double[][] nodeQueueByDay;
    /** Per node: the queue-length integral up to the last series day, train·seconds. */
    private final double[] nodeQueueArea;

    private final Tally[] linkWaitSeconds;

    Measurements(Plan plan, Simulation sim, Trains trains, Delays delays, int replication,
            long seed) {
        this.plan = plan;
        this.sim = sim;
        this.trains = trains;
        this.delays = delays;
        this.replication = replication;
        this.seed = seed;
        this.warmup = plan.warmupSeconds;
        this.monthly = new MonthlyNodes(plan);
        int flows = plan.flowCount;
        transitDays = new Sample(warmup);
        background = plan.priorities.anyBackground ? new BackgroundTotals(warmup) : null;
        flowGenerated = new long[flows];
        flowDelivered = new long[flows];
        flowTeuDelivered = new double[flows];
        flowEmptyTeuDelivered = new double[flows];
        flowTransit = new Sample[flows];
        flowRouteDelivered = new long[flows][];
        for (int f = 0; f < flows; f++) {
            flowTransit[f] = new Sample(warmup);
            flowRouteDelivered[f] = new long[plan.routeCount];
        }
        flowCost = new CostSums(flows);
        routeCost = new CostSums(plan.routeCount);
        routeDelivered = new long[plan.routeCount];
        routeTransit = new Sample[plan.routeCount];
        routeTeuByPeriod = new double[plan.routeCount][plan.periodCount()];
        for (int r = 0; r < plan.routeCount; r++) {
            routeTransit[r] = new Sample(warmup);
        }
        int nodes = plan.nodeCount;
        int dirs = nodes * Plan.DIRECTIONS;
        arrivals = new long[nodes];
        waitSeconds = new Tally[nodes];
        processSeconds = new Tally[nodes];
        quotaHits = new long[nodes];
        teuProcessed = new double[nodes];
        nodeQueue = new TimeWeighted[nodes];
        dirArrivals = new long[dirs];
        dirWaitSeconds = new Tally[dirs];
        dirProcessSeconds = new Tally[dirs];
        dirQuotaHits = new long[dirs];
        dirTeuProcessed = new double[dirs];
        dirQueue = new TimeWeighted[dirs];
        dirBusy = new TimeWeighted[dirs];
        nodeQueueByDay = new double[nodes][];
        nodeQueueArea = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            if (plan.hasStation(n)) {
                waitSeconds[n] = new Tally(warmup);
                processSeconds[n] = new Tally(warmup);
                nodeQueue[n] = new TimeWeighted(0, 0, warmup);
                nodeQueueByDay[n] = new double[plan.measuredDayCount()];
                for (int d = 0; d < Plan.DIRECTIONS; d++) {
                    int k = n * Plan.DIRECTIONS + d;
                    dirWaitSeconds[k] = new Tally(warmup);
                    dirProcessSeconds[k] = new Tally(warmup);
                    dirQueue[k] = new TimeWeighted(0, 0, warmup);
                    dirBusy[k] = new TimeWeighted(0, 0, warmup);
                }
            }
        }
        linkWaitSeconds = new Tally[plan.linkCount];
        for (int l = 0; l < plan.linkCount; l++) {
            linkWaitSeconds[l] = new Tally(warmup);
        }
    }

    /** Schedules the first daily series sample, one day after the warm-up. */
    void start() {
        sim.schedule(warmup + SimTime.DAY, Replication.SERIES_DAY, 0);
    }

    /** Train {@code t}, of flow {@code trains.flow[t]}, was generated now. */
    void trainGenerated(int t, long now) {
        if (background != null && plan.priorities.flowBackground[trains.flow[t]]) {
            background.generated(now);
        } else {
            generatedAll++;
            if (now >= warmup) {
                generated++;
            }
        }
        if (now >= warmup) {
            flowGenerated[trains.flow[t]]++;
        }
    }

    /** Train {@code t} is delivered now: the end of its transit. Its fields are still valid. */
    void delivered(int t, long now) {
        boolean corridor = background == null || !plan.priorities.flowBackground[trains.flow[t]];
        if (corridor) {
            deliveredAll++;
        } else {
            background.deliveredAll++;
        }
        delays.delivered(t, now);
        if (now < warmup) {
            return;
        }
        int f = trains.flow[t];
        int r = trains.route[t];
        double days = SimTime.toDays(now - trains.bornAt[t]);
        int teu = trains.teu[t];
        if (corridor) {
            delivered++;
            teuDelivered += teu;
            transitDays.add(days);
        } else {
            background.delivered(teu, days);
        }
        flowDelivered[f]++;
        flowTeuDelivered[f] += teu;
        flowEmptyTeuDelivered[f] += trains.emptyTeu[t];
        flowTransit[f].add(days);
        flowRouteDelivered[f][r]++;
        routeDelivered[r]++;
        routeTransit[r].add(days);
        double hours = (now - trains.bornAt[t]) / (double) SimTime.HOUR;
        flowCost.add(f, teu, plan.routeTariffUsdPerTeu[r], plan.routeFeesUsdPerTeu[r],
                plan.valueOfTimeUsdPerTeuHour * hours, plan.routeCo2KgPerTeu[r]);
        routeCost.add(r, teu, plan.routeTariffUsdPerTeu[r], plan.routeFeesUsdPerTeu[r],
                plan.valueOfTimeUsdPerTeuHour * hours, plan.routeCo2KgPerTeu[r]);
        int period = (int) ((now - warmup) / PERIOD_SECONDS);
        if (period < routeTeuByPeriod[r].length) {
            routeTeuByPeriod[r][period] += teu;
        }
    }

    private int dirIndex(int t, int n) {
        return n * Plan.DIRECTIONS + plan.flowDirection[trains.flow[t]];
    }

    /** Train {@code t} reached node {@code n}, where it has no station, and went straight on. */
    void passedNode(int t, int n, long now) {
        monthly.arrived(n, now);
        if (now >= warmup) {
            arrivals[n]++;
            dirArrivals[dirIndex(t, n)]++;
        }
    }

    /** Train {@code t} joined the queue of its station at node {@code n}. */
    void queued(int t, int n, long now) {
        int k = dirIndex(t, n);
        trains.since[t] = now;
        if (now >= warmup) {
            arrivals[n]++;
            dirArrivals[k]++;
        }
        nodeQueue[n].add(now, 1);
        dirQueue[k].add(now, 1);
        monthly.queued(n, now);
    }

    /** Train {@code t} leaves the queue at node {@code n} and is processed for {@code seconds}. */
    void processStarted(int t, int n, long seconds, long now) {
        int k = dirIndex(t, n);
        long waited = now - trains.since[t];
        waitSeconds[n].record(now, waited);
        dirWaitSeconds[k].record(now, waited);
        processSeconds[n].record(now, seconds);
        dirProcessSeconds[k].record(now, seconds);
        nodeQueue[n].add(now, -1);
        dirQueue[k].add(now, -1);
        dirBusy[k].add(now, 1);
        monthly.processStarted(n, waited, seconds, now);
    }

    /** Train {@code t} finished processing at node {@code n}. */
    void processEnded(int t, int n, long now) {
        int k = dirIndex(t, n);
        dirBusy[k].add(now, -1);
        double teu = trains.teu[t] + trains.emptyTeu[t];
        if (now >= warmup) {
            teuProcessed[n] += teu;
            dirTeuProcessed[k] += teu;
        }
        monthly.processEnded(n, teu, now);
    }

    /** Queued train {@code t} at node {@code n} found a free server but the day's quota used. */
    void quotaHeld(int t, int n, long now) {
        monthly.quotaHeld(n, now);
        if (now >= warmup) {
            quotaHits[n]++;
            dirQuotaHits[dirIndex(t, n)]++;
        }
    }

    /**
     * Train {@code t} ends its wait on link {@code l}: {@code seconds} beyond its running time
     * (rail) or from reaching the port until its last wagon sails (ferry).
     */
    void linkWaitEnded(int t, int l, long seconds, long now) {
        linkWaitSeconds[l].record(now, seconds);
    }

    /** SERIES_DAY: closes measured day {@code day}'s mean queue length at every station. */
    void onSeriesDay(int day, long now) {
        for (int n = 0; n < plan.nodeCount; n++) {
            TimeWeighted q = nodeQueue[n];
            if (q != null) {
                double area = q.mean(now) * (now - warmup);
                if (day < nodeQueueByDay[n].length) {
                    nodeQueueByDay[n][day] = (area - nodeQueueArea[n]) / (now - dayStart(day));
                }
                nodeQueueArea[n] = area;
            }
        }
        sim.schedule(now + SimTime.DAY, Replication.SERIES_DAY, day + 1);
    }

    private long dayStart(int day) {
        return warmup + day * SimTime.DAY;
    }

    /**
     * Trains in the system counted where they are: node queues and services, links, and
     * waits for rolling stock ({@code fleets} null without fleets).
     */
    static long census(Plan plan, Stations stations, LinkModel[] links, Fleets fleets) {
        long count = stations.trainsPresent() + (fleets == null ? 0 : fleets.trainsWaiting());
        for (int l = 0; l < plan.linkCount; l++) {
            count += links[l].onLink(l);
        }
        return count;
    }

    /** The result of the run, at the simulation's current time; call once, at the end. */
    ReplicationResult result(long wallNanos, Stations stations, LinkModel[] linkModels,
            Fleets fleets, Acceptance acceptance, PortBerths ports) {
        long end = sim.now();
        double measuredDays = SimTime.toDays(end - warmup);
        // the census counts every train; the background's own are generated minus delivered
        long census = census(plan, stations, linkModels, fleets)
                - (background == null ? 0 : background.inSystem());
        ReplicationResult.Totals totals = new ReplicationResult.Totals(generated, delivered,
                teuDelivered, teuDelivered / measuredDays * 365.25, transitDays.values(),
                census, generatedAll, deliveredAll);

        Map<String, ReplicationResult.FlowResult> flows = new LinkedHashMap<>();
        for (int f = 0; f < plan.flowCount; f++) {
            Map<String, Long> byRoute = new LinkedHashMap<>();
            for (int r : plan.flowRoutes[f]) {
                byRoute.put(plan.routeKeys[r], flowRouteDelivered[f][r]);
            }
            flows.put(plan.flowIds[f], new ReplicationResult.FlowResult(plan.flowFrom[f],
                    plan.flowTo[f], flowGenerated[f], flowDelivered[f], flowTeuDelivered[f],
                    flowEmptyTeuDelivered[f], flowTransit[f].values(), byRoute,
                    delays.breakdownHours(f, flowDelivered[f]),
                    delays.waitByPlaceHours(f, flowDelivered[f]), flowCost.result(f),
                    new ReplicationResult.Offers(acceptance.offered(f), acceptance.accepted(f),
                            acceptance.refused(f), acceptance.everHeld(f),
                            acceptance.heldNow(f)),
                    background == null ? null : plan.priorities.flowBackground[f]));
        }

        Map<String, ReplicationResult.NodeResult> nodes = new LinkedHashMap<>();
        Map<String, double[]> queueDaily = new LinkedHashMap<>();
        monthly.close(end);
        for (int n = 0; n < plan.nodeCount; n++) {
            Map<String, ReplicationResult.NodeResult> byDirection = new LinkedHashMap<>();
            for (int d = 0; d < Plan.DIRECTIONS; d++) {
                if (plan.directionUsed[d]) {
                    byDirection.put(Plan.directionName(d),
                            directionResult(n, d, stations, end, measuredDays));
                }
            }
            if (nodeQueue[n] == null) {
                nodes.put(plan.nodeIds[n], new ReplicationResult.NodeResult(arrivals[n],
                        0, 0, 0, 0, 0, 0, 0, byDirection));
                continue;
            }
            closeLastDay(n, nodeQueue[n], end);
            queueDaily.put(plan.nodeIds[n], nodeQueueByDay[n].clone());
            // the node's utilization: busy server-time over nominal server-time of its stations
            double busy = 0;
            double servers = 0;
            for (int d = 0; d < Plan.DIRECTIONS; d++) {
                int st = plan.nodeStations[n][d];
                if (st < 0 || plan.stationUnlimited[st]
                        || d > 0 && st == plan.nodeStations[n][0]) {
                    continue;
                }
                ServerQueue q = stations.queue(st);
                busy += zeroIfNaN(q.busyServersStat().mean(end));
                servers += q.nominalServers();
            }
            nodes.put(plan.nodeIds[n], new ReplicationResult.NodeResult(arrivals[n],
                    hours(waitSeconds[n].mean()), hours(processSeconds[n].mean()),
                    servers > 0 ? busy / servers : 0, zeroIfNaN(nodeQueue[n].mean(end)),
                    Math.max(0, nodeQueue[n].max()), quotaHits[n],
                    teuProcessed[n] / measuredDays, byDirection, monthly.result(n, servers)));
        }

        Map<String, ReplicationResult.LinkResult> links = new LinkedHashMap<>();
        Map<String, double[]> linkMonthly = new LinkedHashMap<>();
        for (int l = 0; l < plan.linkCount; l++) {
            LinkModel link = linkModels[l];
            double[] consumption = link.capacityConsumptionByDay(l, end);
            double consumptionMean = Double.NaN;
            double consumptionPeak = Double.NaN;
            if (consumption != null && consumption.length > 0) {
                consumptionMean = 0;
                consumptionPeak = 0;
                for (double c : consumption) {
                    consumptionMean += c / consumption.length;
                    consumptionPeak = Math.max(consumptionPeak, c);
                }
            }
            links.put(plan.linkIds[l], new ReplicationResult.LinkResult(link.trains(l),
                    link.utilization(l, end), hours(linkWaitSeconds[l].mean()),
                    consumptionMean, consumptionPeak));
            double[] monthly = link.utilizationByPeriod(l);
            if (monthly != null) {
                linkMonthly.put(plan.linkIds[l], monthly);
            }
        }

        Map<String, ReplicationResult.RouteResult> routes = new LinkedHashMap<>();
        Map<String, double[]> routeMonthly = new LinkedHashMap<>();
        for (int r = 0; r < plan.routeCount; r++) {
            routes.put(plan.routeKeys[r], new ReplicationResult.RouteResult(routeDelivered[r],
                    routeTransit[r].values(), routeCost.result(r)));
            routeMonthly.put(plan.routeKeys[r], routeTeuByPeriod[r].clone());
        }
        Map<String, ReplicationResult.FleetResult> fleetResults = new LinkedHashMap<>();
        Map<String, ReplicationResult.ReformResult> reformResults = new LinkedHashMap<>();
        if (fleets != null) {
            FleetPlan stock = plan.stock;
            for (int f = 0; f < stock.fleetCount; f++) {
                fleetResults.put(stock.fleetIds[f], fleets.result(f, end));
            }
            Reforming reforming = fleets.reforming;
            for (int s = 0; s < stock.reformCount; s++) {
                reformResults.put(stock.reformNodeIds[s], new ReplicationResult.ReformResult(
                        reforming.trainsIn[s], reforming.sideTrains[s], reforming.teu[s]));
            }
        }
        return new ReplicationResult(replication, seed, sim.eventsDispatched(),
                wallNanos / 1e9, measuredDays, totals, flows, nodes, links, routes,
                new ReplicationResult.Series(queueDaily, routeMonthly, linkMonthly),
                fleetResults, reformResults, ports == null ? Map.of() : ports.results(end),
                background == null ? null : background.result(measuredDays));
    }

    /**
     * Node {@code n}'s values for the trains of direction {@code d}. Its utilization is the
     * server-time its trains took over the nominal server-time of the station they use (shared
     * with the other direction, or its own).
     */
    private ReplicationResult.NodeResult directionResult(int n, int d, Stations stations,
            long end, double measuredDays) {
        int k = n * Plan.DIRECTIONS + d;
        if (dirQueue[k] == null) {
            return new ReplicationResult.NodeResult(dirArrivals[k], 0, 0, 0, 0, 0, 0, 0,
                    Map.of());
        }
        int st = plan.nodeStations[n][d];
        double utilization = st < 0 || plan.stationUnlimited[st] ? 0
                : zeroIfNaN(dirBusy[k].mean(end)) / stations.queue(st).nominalServers();
        return new ReplicationResult.NodeResult(dirArrivals[k],
                hours(dirWaitSeconds[k].mean()), hours(dirProcessSeconds[k].mean()),
                utilization, zeroIfNaN(dirQueue[k].mean(end)), Math.max(0, dirQueue[k].max()),
                dirQuotaHits[k], dirTeuProcessed[k] / measuredDays, Map.of());
    }

    /** The last measured day may be cut short by the horizon; average it over what there is. */
    private void closeLastDay(int n, TimeWeighted q, long end) {
        int day = (int) ((end - warmup) / SimTime.DAY);
        if (day < nodeQueueByDay[n].length && end > dayStart(day)) {
            double area = q.mean(end) * (end - warmup);
            nodeQueueByDay[n][day] = (area - nodeQueueArea[n]) / (end - dayStart(day));
        }
    }

    /** TEU-weighted sums of the cost parts and CO2 per flow or route; per-TEU at the end. */
    private static final class CostSums {
        private final double[] teu;
        private final double[] tariff;
        private final double[] fees;
        private final double[] time;
        private final double[] co2;

        CostSums(int size) {
            teu = new double[size];
            tariff = new double[size];
            fees = new double[size];
            time = new double[size];
            co2 = new double[size];
        }

        void add(int i, int trainTeu, double tariffPerTeu, double feesPerTeu, double timePerTeu,
                double co2PerTeu) {
            teu[i] += trainTeu;
            tariff[i] += trainTeu * tariffPerTeu;
            fees[i] += trainTeu * feesPerTeu;
            time[i] += trainTeu * timePerTeu;
            co2[i] += trainTeu * co2PerTeu;
        }

        ReplicationResult.CostResult result(int i) {
            if (teu[i] == 0) {
                return ReplicationResult.CostResult.NONE;
            }
            double a = tariff[i] / teu[i];
            double b = fees[i] / teu[i];
            double c = time[i] / teu[i];
            return new ReplicationResult.CostResult(a + b + c, a, b, c, co2[i] / teu[i]);
        }
    }

    private static double hours(double seconds) {
        return Double.isNaN(seconds) ? 0 : seconds / SimTime.HOUR;
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
