package org.silkrail.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.engine.Sample;
import org.silkrail.engine.ServerQueue;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;
import org.silkrail.engine.Tally;

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
    private final long[] flowGenerated;
    private final long[] flowDelivered;
    private final double[] flowTeuDelivered;
    private final Sample[] flowTransit;
    private final long[][] flowRouteDelivered;
    private final long[] routeDelivered;
    private final Sample[] routeTransit;
    private final double[][] routeTeuByPeriod;

    /** Per flow, then per route: TEU-weighted sums of tariff, fees, time cost and CO2. */
    private final CostSums flowCost;
    private final CostSums routeCost;

    private final long[] passArrivals;
    private final Tally[] processSeconds;
    private final long[] quotaHits;
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
        int flows = plan.flowCount;
        transitDays = new Sample(warmup);
        flowGenerated = new long[flows];
        flowDelivered = new long[flows];
        flowTeuDelivered = new double[flows];
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
        passArrivals = new long[nodes];
        processSeconds = new Tally[nodes];
        quotaHits = new long[nodes];
        nodeQueueByDay = new double[nodes][];
        nodeQueueArea = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            if (plan.nodeStation[n]) {
                processSeconds[n] = new Tally(warmup);
                nodeQueueByDay[n] = new double[plan.measuredDayCount()];
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
        generatedAll++;
        if (now >= warmup) {
            generated++;
            flowGenerated[trains.flow[t]]++;
        }
    }

    /** Train {@code t} is delivered now: the end of its transit. Its fields are still valid. */
    void delivered(int t, long now) {
        deliveredAll++;
        delays.delivered(t, now);
        if (now < warmup) {
            return;
        }
        int f = trains.flow[t];
        int r = trains.route[t];
        double days = SimTime.toDays(now - trains.bornAt[t]);
        int teu = trains.teu[t];
        delivered++;
        teuDelivered += teu;
        transitDays.add(days);
        flowDelivered[f]++;
        flowTeuDelivered[f] += teu;
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

    /** A train reached node {@code n}, which does no processing, and went straight on. */
    void passedNode(int n, long now) {
        if (now >= warmup) {
            passArrivals[n]++;
        }
    }

    /** A train starts processing at node {@code n} for {@code seconds}. */
    void processStarted(int n, long seconds, long now) {
        processSeconds[n].record(now, seconds);
    }

    /** {@code count} more trains at node {@code n} found a free server but the day's quota used. */
    void quotaHeld(int n, int count, long now) {
        if (now >= warmup) {
            quotaHits[n] += count;
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
    void onSeriesDay(int day, long now, Stations stations) {
        for (int n = 0; n < plan.nodeCount; n++) {
            ServerQueue q = stations.queue(n);
            if (q != null) {
                double area = q.queueLengthStat().mean(now) * (now - warmup);
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

    /** Trains in the system counted where they are: node queues and services, and links. */
    static long census(Plan plan, Stations stations, LinkModel[] links) {
        long count = stations.trainsPresent();
        for (int l = 0; l < plan.linkCount; l++) {
            count += links[l].onLink(l);
        }
        return count;
    }

    /** The result of the run, at the simulation's current time; call once, at the end. */
    ReplicationResult result(long wallNanos, Stations stations, LinkModel[] linkModels) {
        long end = sim.now();
        double measuredDays = SimTime.toDays(end - warmup);
        ReplicationResult.Totals totals = new ReplicationResult.Totals(generated, delivered,
                teuDelivered, teuDelivered / measuredDays * 365.25, transitDays.values(),
                census(plan, stations, linkModels), generatedAll, deliveredAll);

        Map<String, ReplicationResult.FlowResult> flows = new LinkedHashMap<>();
        for (int f = 0; f < plan.flowCount; f++) {
            Map<String, Long> byRoute = new LinkedHashMap<>();
            for (int r : plan.flowRoutes[f]) {
                byRoute.put(plan.routeKeys[r], flowRouteDelivered[f][r]);
            }
            flows.put(plan.flowIds[f], new ReplicationResult.FlowResult(flowGenerated[f],
                    flowDelivered[f], flowTeuDelivered[f], flowTransit[f].values(), byRoute,
                    delays.breakdownHours(f, flowDelivered[f]),
                    delays.waitByPlaceHours(f, flowDelivered[f]), flowCost.result(f)));
        }

        Map<String, ReplicationResult.NodeResult> nodes = new LinkedHashMap<>();
        Map<String, double[]> queueDaily = new LinkedHashMap<>();
        for (int n = 0; n < plan.nodeCount; n++) {
            ServerQueue q = stations.queue(n);
            if (q == null) {
                nodes.put(plan.nodeIds[n], new ReplicationResult.NodeResult(passArrivals[n],
                        0, 0, 0, 0, 0, 0));
                continue;
            }
            closeLastDay(n, q, end);
            queueDaily.put(plan.nodeIds[n], nodeQueueByDay[n].clone());
            nodes.put(plan.nodeIds[n], new ReplicationResult.NodeResult(q.arrivals(),
                    hours(q.waitSeconds().mean()), hours(processSeconds[n].mean()),
                    plan.nodeUnlimited[n] ? 0 : zeroIfNaN(q.utilization(end)),
                    zeroIfNaN(q.queueLengthStat().mean(end)),
                    Math.max(0, q.queueLengthStat().max()), quotaHits[n]));
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
        return new ReplicationResult(replication, seed, sim.eventsDispatched(),
                wallNanos / 1e9, measuredDays, totals, flows, nodes, links, routes,
                new ReplicationResult.Series(queueDaily, routeMonthly, linkMonthly));
    }

    /** The last measured day may be cut short by the horizon; average it over what there is. */
    private void closeLastDay(int n, ServerQueue q, long end) {
        int day = (int) ((end - warmup) / SimTime.DAY);
        if (day < nodeQueueByDay[n].length && end > dayStart(day)) {
            double area = q.queueLengthStat().mean(end) * (end - warmup);
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
