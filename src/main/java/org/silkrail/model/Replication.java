package org.silkrail.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.silkrail.engine.EventHandler;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sample;
import org.silkrail.engine.Sampler;
import org.silkrail.engine.ServerQueue;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;
import org.silkrail.engine.Tally;

/**
 * One replication of the rail model: the event handler that generates trains, moves them along
 * their routes through node stations, rail lines and ferries, applies closures and storms, and
 * collects the statistics of {@link ReplicationResult}.
 *
 * <p>A train is born at its flow's origin, is processed at every node of its route that
 * processes (origin and destination included), crosses each link, and is delivered when it has
 * been processed at its destination (or reaches it, if the destination does no processing).
 *
 * <p>Not thread-safe; run once. All state is in primitive arrays indexed by train, node or
 * link; events carry an int kind and an int payload.
 */
final class Replication implements EventHandler {
    static final int FLOW_ARRIVAL = 0;
    static final int PROCESS_END = 1;
    static final int RAIL_SECTION_END = 2;
    static final int RAIL_RETRY = 3;
    static final int FERRY_TIMEOUT = 4;
    static final int FERRY_ARRIVAL = 5;
    static final int CLOSURE_START = 6;
    static final int CLOSURE_END = 7;
    static final int STORM_START = 8;
    static final int STORM_END = 9;
    static final int MIDNIGHT = 10;
    static final int SERIES_DAY = 11;

    private static final long PERIOD_SECONDS = 30 * SimTime.DAY;

    private final Plan plan;
    private final int replication;
    private final long seed;
    private final long warmup;
    private final long horizon;
    final Simulation sim = new Simulation();
    final Trains trains = new Trains(256);
    final RailLines rails;
    final FerryCrossings ferries;

    // demand
    private final Sampler[] flowGap;
    private final Sampler[] flowTeu;
    private final UniformRandomProvider[] flowRoute;
    private final int[] flowScheduleIndex;
    private final long[] flowCycleStart;

    // nodes
    private final ServerQueue[] queue;
    private final Sampler[] process;
    private final Tally[] processSeconds;
    private final long[] passArrivals;
    private final int[] quotaUsed;
    private final long[] quotaAllowance;
    /** Trains at the front of the queue already counted as held back by the quota. */
    private final int[] quotaHeldPrefix;
    private final long[] quotaHits;
    private final boolean anyQuota;

    // closures and storms
    private final Sampler[] closureGap;
    private final Sampler[] closureDuration;
    private final boolean[] closureActive;
    private final long[] closureEndsAt;
    private final Sampler[] stormGap;
    private final Sampler[] stormDuration;

    // results
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
    private final double[][] nodeQueueByDay;
    private final double[] nodeQueueArea;

    Replication(Plan plan, int replication, RandomStreams streams) {
        this.plan = plan;
        this.replication = replication;
        this.seed = streams.replicationSeed(replication);
        this.warmup = plan.warmupSeconds;
        this.horizon = plan.horizonSeconds;
        sim.setHandler(this);
        rails = new RailLines(plan, sim, trains, this);
        ferries = new FerryCrossings(plan, sim, trains, this, streams, replication);

        int flows = plan.flowCount;
        flowGap = new Sampler[flows];
        flowTeu = new Sampler[flows];
        flowRoute = new UniformRandomProvider[flows];
        flowScheduleIndex = new int[flows];
        flowCycleStart = new long[flows];
        for (int f = 0; f < flows; f++) {
            String key = "demand/" + plan.flowIds[f];
            UniformRandomProvider arrivals = streams.stream(replication, key + "/arrivals");
            if (plan.flowArrivals[f] instanceof ArrivalSpec.Poisson poisson) {
                if (poisson.ratePerSecond() > 0) {
                    flowGap[f] = new org.silkrail.engine.Distribution.Exponential(
                            1 / poisson.ratePerSecond()).sampler(arrivals);
                }
            }
            flowTeu[f] = plan.flowTeu[f].sampler(streams.stream(replication, key + "/teu"));
            flowRoute[f] = streams.stream(replication, key + "/route");
        }

        int nodes = plan.nodeCount;
        queue = new ServerQueue[nodes];
        process = new Sampler[nodes];
        processSeconds = new Tally[nodes];
        passArrivals = new long[nodes];
        quotaUsed = new int[nodes];
        quotaAllowance = new long[nodes];
        quotaHeldPrefix = new int[nodes];
        quotaHits = new long[nodes];
        boolean quotas = false;
        for (int n = 0; n < nodes; n++) {
            if (!plan.nodeStation[n]) {
                continue;
            }
            queue[n] = new ServerQueue(plan.nodeServers[n], 0, warmup);
            processSeconds[n] = new Tally(warmup);
            if (plan.nodeProcess[n] != null) {
                process[n] = plan.nodeProcess[n].sampler(
                        streams.stream(replication, "node/" + plan.nodeIds[n] + "/process"));
            }
            if (plan.nodeQuotaPerDay[n] > 0) {
                quotas = true;
                quotaAllowance[n] = allowance(plan.nodeQuotaPerDay[n], 0);
            }
        }
        anyQuota = quotas;

        int closures = plan.closureCount;
        closureGap = new Sampler[closures];
        closureDuration = new Sampler[closures];
        closureActive = new boolean[closures];
        closureEndsAt = new long[closures];
        for (int c = 0; c < closures; c++) {
            String key = "closure/" + plan.closureIds[c];
            closureDuration[c] = plan.closureDuration[c].sampler(
                    streams.stream(replication, key + "/duration"));
            if (plan.closureEvery[c] != null) {
                closureGap[c] = plan.closureEvery[c].sampler(
                        streams.stream(replication, key + "/start"));
            }
        }
        int storms = plan.stormCount;
        stormGap = new Sampler[storms];
        stormDuration = new Sampler[storms];
        for (int s = 0; s < storms; s++) {
            String key = "weather/" + plan.stormIds[s];
            if (plan.stormsPerSecond[s] > 0) {
                stormGap[s] = new org.silkrail.engine.Distribution.Exponential(
                        1 / plan.stormsPerSecond[s]).sampler(
                                streams.stream(replication, key + "/storms"));
            }
            stormDuration[s] = plan.stormDuration[s].sampler(
                    streams.stream(replication, key + "/duration"));
        }

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
        routeDelivered = new long[plan.routeCount];
        routeTransit = new Sample[plan.routeCount];
        routeTeuByPeriod = new double[plan.routeCount][plan.periodCount()];
        for (int r = 0; r < plan.routeCount; r++) {
            routeTransit[r] = new Sample(warmup);
        }
        nodeQueueByDay = new double[nodes][];
        nodeQueueArea = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            if (plan.nodeStation[n]) {
                nodeQueueByDay[n] = new double[plan.measuredDayCount()];
            }
        }
    }

    /** Trains a quota lets through on day {@code day}: spreads a fractional quota exactly. */
    private static long allowance(double quotaPerDay, long day) {
        return (long) Math.floor((day + 1) * quotaPerDay + 1e-9)
                - (long) Math.floor(day * quotaPerDay + 1e-9);
    }

    /** Runs to the horizon; call once. */
    ReplicationResult run() {
        long started = System.nanoTime();
        for (int f = 0; f < plan.flowCount; f++) {
            scheduleFirstTrain(f);
        }
        for (int c = 0; c < plan.closureCount; c++) {
            long first = plan.closureFromSeconds[c];
            if (closureGap[c] != null) {
                first += SimTime.ofSeconds(closureGap[c].sample());
            }
            sim.schedule(Math.max(0, first), CLOSURE_START, c);
        }
        for (int s = 0; s < plan.stormCount; s++) {
            if (stormGap[s] != null) {
                sim.schedule(SimTime.ofSeconds(stormGap[s].sample()), STORM_START, s);
            }
        }
        if (anyQuota) {
            sim.schedule(SimTime.DAY, MIDNIGHT, 1);
        }
        sim.schedule(warmup + SimTime.DAY, SERIES_DAY, 0);
        sim.run(horizon);
        return result(System.nanoTime() - started);
    }

    @Override
    public void onEvent(int kind, int payload) {
        long now = sim.now();
        switch (kind) {
            case FLOW_ARRIVAL -> newTrain(payload, now);
            case PROCESS_END -> endProcessing(payload, now);
            case RAIL_SECTION_END -> rails.onSectionEnd(payload, now);
            case RAIL_RETRY -> rails.onRetry(payload, now);
            case FERRY_TIMEOUT -> ferries.onTimeout(payload, now);
            case FERRY_ARRIVAL -> ferries.onArrival(payload, now);
            case CLOSURE_START -> closureStarts(payload, now);
            case CLOSURE_END -> closureEnds(payload, now);
            case STORM_START -> stormStarts(payload, now);
            case STORM_END -> stormEnds(payload, now);
            case MIDNIGHT -> midnight(payload, now);
            case SERIES_DAY -> seriesDay(payload, now);
            default -> throw new IllegalStateException("unknown event kind=" + kind);
        }
    }

    // ---- demand

    private void scheduleFirstTrain(int f) {
        ArrivalSpec arrivals = plan.flowArrivals[f];
        if (arrivals instanceof ArrivalSpec.Poisson) {
            if (flowGap[f] != null) {
                sim.schedule(SimTime.ofSeconds(flowGap[f].sample()), FLOW_ARRIVAL, f);
            }
        } else if (arrivals instanceof ArrivalSpec.Every) {
            sim.schedule(0, FLOW_ARRIVAL, f);
        } else {
            scheduleFromTimetable(f, 0);
        }
    }

    private void scheduleNextTrain(int f, long now) {
        ArrivalSpec arrivals = plan.flowArrivals[f];
        if (arrivals instanceof ArrivalSpec.Poisson) {
            sim.schedule(now + SimTime.ofSeconds(flowGap[f].sample()), FLOW_ARRIVAL, f);
        } else if (arrivals instanceof ArrivalSpec.Every every) {
            sim.schedule(now + every.intervalSeconds(), FLOW_ARRIVAL, f);
        } else {
            scheduleFromTimetable(f, now);
        }
    }

    /** The next listed time of a schedule at or after {@code now}, repeating by its cycle. */
    private void scheduleFromTimetable(int f, long now) {
        ArrivalSpec.Schedule schedule = (ArrivalSpec.Schedule) plan.flowArrivals[f];
        long[] times = plan.flowScheduleTimes[f];
        int i = flowScheduleIndex[f];
        if (times.length == 0) {
            return;
        }
        if (i == times.length) {
            if (schedule.cycleSeconds() <= 0) {
                return;
            }
            flowCycleStart[f] += schedule.cycleSeconds();
            i = 0;
        }
        flowScheduleIndex[f] = i + 1;
        sim.schedule(Math.max(now, flowCycleStart[f] + times[i]), FLOW_ARRIVAL, f);
    }

    private void newTrain(int f, long now) {
        scheduleNextTrain(f, now);
        int t = trains.create();
        int[] choices = plan.flowRoutes[f];
        int choice = 0;
        if (choices.length > 1) {
            double u = flowRoute[f].nextDouble();
            double[] cumulative = plan.flowRouteCumulative[f];
            while (u >= cumulative[choice] && choice < choices.length - 1) {
                choice++;
            }
        }
        int teu = (int) Math.round(flowTeu[f].sample());
        trains.flow[t] = f;
        trains.route[t] = choices[choice];
        trains.leg[t] = 0;
        trains.teu[t] = teu;
        // one 40-ft container (2 TEU) per flat wagon
        trains.wagons[t] = Math.max(1, (teu + 1) / 2);
        trains.bornAt[t] = now;
        generatedAll++;
        if (now >= warmup) {
            generated++;
            flowGenerated[f]++;
        }
        arriveAtNode(t, now);
    }

    // ---- nodes

    private void arriveAtNode(int t, long now) {
        int n = plan.routeNodes[trains.route[t]][trains.leg[t]];
        if (plan.nodeStation[n]) {
            queue[n].arrive(now, t);
            startProcessing(n, now);
        } else {
            if (now >= warmup) {
                passArrivals[n]++;
            }
            leaveNode(t, now);
        }
    }

    /** Starts every queued train that a server and the day's quota allow. */
    private void startProcessing(int n, long now) {
        ServerQueue q = queue[n];
        boolean unlimited = plan.nodeUnlimited[n];
        boolean quota = plan.nodeQuotaPerDay[n] > 0;
        while (q.queueLength() > 0 && (unlimited || q.busy() < q.servers())) {
            if (quota && quotaUsed[n] >= quotaAllowance[n]) {
                // the trains that a free server would take now are held back by the quota;
                // they are always a prefix of the queue, so counting a prefix counts each once
                int free = unlimited ? q.queueLength() : q.servers() - q.busy();
                int held = Math.min(free, q.queueLength());
                if (held > quotaHeldPrefix[n]) {
                    if (now >= warmup) {
                        quotaHits[n] += held - quotaHeldPrefix[n];
                    }
                    quotaHeldPrefix[n] = held;
                }
                return;
            }
            int t = q.startHead(now);
            if (quotaHeldPrefix[n] > 0) {
                quotaHeldPrefix[n]--;
            }
            quotaUsed[n]++;
            long seconds = process[n] == null ? 0 : SimTime.ofSeconds(process[n].sample());
            processSeconds[n].record(now, seconds);
            sim.schedule(now + seconds, PROCESS_END, t);
        }
    }

    private void endProcessing(int t, long now) {
        int n = plan.routeNodes[trains.route[t]][trains.leg[t]];
        queue[n].finish(now);
        leaveNode(t, now);
        startProcessing(n, now);
    }

    private void leaveNode(int t, long now) {
        int r = trains.route[t];
        int leg = trains.leg[t];
        if (leg == plan.routeLinks[r].length) {
            deliver(t, r, now);
            return;
        }
        int l = plan.routeLinks[r][leg];
        int dir = plan.routeDirs[r][leg];
        if (plan.linkFerry[l]) {
            ferries.arrive(t, l, dir, now);
        } else {
            rails.request(t, l, dir, now);
        }
    }

    /** Called by the links when train {@code t} has crossed its current link. */
    void leaveLink(int t, long now) {
        trains.leg[t]++;
        arriveAtNode(t, now);
    }

    private void deliver(int t, int r, long now) {
        deliveredAll++;
        if (now >= warmup) {
            int f = trains.flow[t];
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
            int period = (int) ((now - warmup) / PERIOD_SECONDS);
            if (period < routeTeuByPeriod[r].length) {
                routeTeuByPeriod[r][period] += teu;
            }
        }
        trains.release(t);
    }

    private void midnight(int day, long now) {
        for (int n = 0; n < plan.nodeCount; n++) {
            if (plan.nodeQuotaPerDay[n] > 0) {
                quotaUsed[n] = 0;
                quotaAllowance[n] = allowance(plan.nodeQuotaPerDay[n], day);
            }
        }
        for (int n = 0; n < plan.nodeCount; n++) {
            if (plan.nodeQuotaPerDay[n] > 0) {
                startProcessing(n, now);
            }
        }
        sim.schedule(now + SimTime.DAY, MIDNIGHT, day + 1);
    }

    private void seriesDay(int day, long now) {
        for (int n = 0; n < plan.nodeCount; n++) {
            if (queue[n] != null) {
                double area = queue[n].queueLengthStat().mean(now) * (now - warmup);
                if (day < nodeQueueByDay[n].length) {
                    nodeQueueByDay[n][day] = (area - nodeQueueArea[n]) / (now - dayStart(day));
                }
                nodeQueueArea[n] = area;
            }
        }
        sim.schedule(now + SimTime.DAY, SERIES_DAY, day + 1);
    }

    private long dayStart(int day) {
        return warmup + day * SimTime.DAY;
    }

    // ---- closures and storms

    private void closureStarts(int c, long now) {
        long end = now + SimTime.ofSeconds(closureDuration[c].sample());
        if (closureActive[c]) {
            // an episode that starts while the last one lasts extends it
            if (end > closureEndsAt[c]) {
                closureEndsAt[c] = end;
                sim.schedule(end, CLOSURE_END, c);
            }
        } else {
            closureActive[c] = true;
            closureEndsAt[c] = end;
            sim.schedule(end, CLOSURE_END, c);
            applyClosures(plan.closureTargetKind[c], plan.closureTarget[c], now);
        }
        if (closureGap[c] != null) {
            sim.schedule(now + Math.max(1, SimTime.ofSeconds(closureGap[c].sample())),
                    CLOSURE_START, c);
        }
    }

    private void closureEnds(int c, long now) {
        if (!closureActive[c] || now < closureEndsAt[c]) {
            return; // superseded by an extension
        }
        closureActive[c] = false;
        applyClosures(plan.closureTargetKind[c], plan.closureTarget[c], now);
    }

    /** Applies the product of the factors of all closures active on one node or link. */
    private void applyClosures(int kind, int target, long now) {
        double factor = 1;
        for (int c = 0; c < plan.closureCount; c++) {
            if (closureActive[c] && plan.closureTargetKind[c] == kind
                    && plan.closureTarget[c] == target) {
                factor *= plan.closureFactor[c];
            }
        }
        if (kind == Plan.TARGET_NODE) {
            ServerQueue q = queue[target];
            if (q == null || plan.nodeUnlimited[target]) {
                return;
            }
            q.setServers((int) Math.floor(q.nominalServers() * factor + 1e-9));
            startProcessing(target, now);
        } else if (plan.linkFerry[target]) {
            ferries.setFactor(target, factor, now);
        } else {
            rails.setFactor(target, factor, now);
        }
    }

    private void stormStarts(int s, long now) {
        for (int l : plan.stormLinks[s]) {
            if (plan.linkFerry[l]) {
                ferries.stormBegins(l);
            }
        }
        sim.schedule(now + SimTime.ofSeconds(stormDuration[s].sample()), STORM_END, s);
        sim.schedule(now + Math.max(1, SimTime.ofSeconds(stormGap[s].sample())), STORM_START, s);
    }

    private void stormEnds(int s, long now) {
        for (int l : plan.stormLinks[s]) {
            if (plan.linkFerry[l]) {
                ferries.stormEnds(l, now);
            }
        }
    }

    // ---- results

    /** Trains in the system counted where they are: node queues and services, and links. */
    long census() {
        long count = 0;
        for (int n = 0; n < plan.nodeCount; n++) {
            if (queue[n] != null) {
                count += queue[n].queueLength() + queue[n].busy();
            }
        }
        for (int l = 0; l < plan.linkCount; l++) {
            count += plan.linkFerry[l] ? ferries.onLink(l) : rails.onLink(l);
        }
        return count;
    }

    private ReplicationResult result(long wallNanos) {
        long end = sim.now();
        double measuredDays = SimTime.toDays(end - warmup);
        ReplicationResult.Totals totals = new ReplicationResult.Totals(generated, delivered,
                teuDelivered, teuDelivered / measuredDays * 365.25, transitDays.values(),
                census(), generatedAll, deliveredAll);

        Map<String, ReplicationResult.FlowResult> flows = new LinkedHashMap<>();
        for (int f = 0; f < plan.flowCount; f++) {
            Map<String, Long> byRoute = new LinkedHashMap<>();
            for (int r : plan.flowRoutes[f]) {
                byRoute.put(plan.routeKeys[r], flowRouteDelivered[f][r]);
            }
            flows.put(plan.flowIds[f], new ReplicationResult.FlowResult(flowGenerated[f],
                    flowDelivered[f], flowTeuDelivered[f], flowTransit[f].values(), byRoute));
        }

        Map<String, ReplicationResult.NodeResult> nodes = new LinkedHashMap<>();
        Map<String, double[]> queueDaily = new LinkedHashMap<>();
        for (int n = 0; n < plan.nodeCount; n++) {
            ServerQueue q = queue[n];
            if (q == null) {
                nodes.put(plan.nodeIds[n], new ReplicationResult.NodeResult(passArrivals[n],
                        0, 0, 0, 0, 0, 0));
                continue;
            }
            closeLastDay(n, end);
            queueDaily.put(plan.nodeIds[n], nodeQueueByDay[n].clone());
            nodes.put(plan.nodeIds[n], new ReplicationResult.NodeResult(q.arrivals(),
                    hours(q.waitSeconds().mean()), hours(processSeconds[n].mean()),
                    plan.nodeUnlimited[n] ? 0 : zeroIfNaN(q.utilization(end)),
                    zeroIfNaN(q.queueLengthStat().mean(end)),
                    Math.max(0, q.queueLengthStat().max()), quotaHits[n]));
        }

        Map<String, ReplicationResult.LinkResult> links = new LinkedHashMap<>();
        Map<String, double[]> ferryMonthly = new LinkedHashMap<>();
        for (int l = 0; l < plan.linkCount; l++) {
            if (plan.linkFerry[l]) {
                links.put(plan.linkIds[l], new ReplicationResult.LinkResult(ferries.trains(l),
                        ferries.utilization(l), hours(ferries.waitSeconds(l).mean())));
                ferryMonthly.put(plan.linkIds[l], ferries.utilizationByPeriod(l));
            } else {
                links.put(plan.linkIds[l], new ReplicationResult.LinkResult(rails.trains(l),
                        rails.utilization(l, end), hours(rails.waitSeconds(l).mean())));
            }
        }

        Map<String, ReplicationResult.RouteResult> routes = new LinkedHashMap<>();
        Map<String, double[]> routeMonthly = new LinkedHashMap<>();
        for (int r = 0; r < plan.routeCount; r++) {
            routes.put(plan.routeKeys[r], new ReplicationResult.RouteResult(routeDelivered[r],
                    routeTransit[r].values()));
            routeMonthly.put(plan.routeKeys[r], routeTeuByPeriod[r].clone());
        }
        return new ReplicationResult(replication, seed, sim.eventsDispatched(),
                wallNanos / 1e9, measuredDays, totals, flows, nodes, links, routes,
                new ReplicationResult.Series(queueDaily, routeMonthly, ferryMonthly));
    }

    /** The last measured day may be cut short by the horizon; average it over what there is. */
    private void closeLastDay(int n, long end) {
        int day = (int) ((end - warmup) / SimTime.DAY);
        if (day < nodeQueueByDay[n].length && end > dayStart(day)) {
            double area = queue[n].queueLengthStat().mean(end) * (end - warmup);
            nodeQueueByDay[n][day] = (area - nodeQueueArea[n]) / (end - dayStart(day));
        }
    }

    private static double hours(double seconds) {
        return Double.isNaN(seconds) ? 0 : seconds / SimTime.HOUR;
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
