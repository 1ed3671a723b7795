package org.silkrail.model;

import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sampler;
import org.silkrail.engine.ServerQueue;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;

/**
 * The nodes of one replication: a FIFO queue and servers ({@link ServerQueue}) at every node that
 * processes, processing times, daily quotas and their reset at midnight; nodes that do not
 * process hand trains straight on.
 *
 * <p>A train's wait at a node — for a server, or for the day's quota — ends in one place,
 * {@link #startProcessing}, where it leaves the queue; its time there is the node's wait
 * statistic. Queues are indexed by {@code nodeIdx} (a node with per-direction capacity would
 * index them by node and direction here, and nowhere else). A closure changes a node's servers
 * through {@link #setFactor}.
 *
 * <p>Quota invariant: the trains held back by a used-up quota are always a prefix of the queue
 * (those a free server would take), so counting the growth of that prefix counts each held train
 * once. A fractional quota is spread exactly: day {@code d} allows
 * {@code floor((d + 1) q) - floor(d q)} trains. No allocation per event.
 */
final class Stations {
    private final Plan plan;
    private final Simulation sim;
    private final Trains trains;
    private final Replication owner;
    private final Measurements measurements;
    private final Delays delays;
    /** Per node: whether a closure cuts its servers now (a wait then counts as closure). */
    private final boolean[] closed;

    /** Per node: its queue and servers, null where the node does not process. */
    private final ServerQueue[] queue;
    /** Per node: processing time in seconds, null for zero. */
    private final Sampler[] process;
    private final int[] quotaUsed;
    private final long[] quotaAllowance;
    /** Trains at the front of the queue already counted as held back by the quota. */
    private final int[] quotaHeldPrefix;
    private final boolean anyQuota;

    Stations(Plan plan, Simulation sim, Trains trains, Replication owner,
            Measurements measurements, Delays delays, RandomStreams streams, int replication) {
        this.plan = plan;
        this.sim = sim;
        this.trains = trains;
        this.owner = owner;
        this.measurements = measurements;
        this.delays = delays;
        int nodes = plan.nodeCount;
        closed = new boolean[nodes];
        queue = new ServerQueue[nodes];
        process = new Sampler[nodes];
        quotaUsed = new int[nodes];
        quotaAllowance = new long[nodes];
        quotaHeldPrefix = new int[nodes];
        boolean quotas = false;
        for (int n = 0; n < nodes; n++) {
            if (!plan.nodeStation[n]) {
                continue;
            }
            queue[n] = new ServerQueue(plan.nodeServers[n], 0, plan.warmupSeconds);
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
    }

    /** Trains a quota lets through on day {@code day}: spreads a fractional quota exactly. */
    private static long allowance(double quotaPerDay, long day) {
        return (long) Math.floor((day + 1) * quotaPerDay + 1e-9)
                - (long) Math.floor(day * quotaPerDay + 1e-9);
    }

    /** Schedules the first midnight if any node has a quota. */
    void start() {
        if (anyQuota) {
            sim.schedule(SimTime.DAY, Replication.MIDNIGHT, 1);
        }
    }

    /** Train {@code t} reaches node {@code n}: it queues there, or passes if n does not process. */
    void arrive(int t, int n, long now) {
        if (plan.nodeStation[n]) {
            queue[n].arrive(now, t);
            delays.waitBegins(t, Delays.node(n), now);
            startProcessing(n, now);
        } else {
            measurements.passedNode(n, now);
            owner.leaveNode(t, now);
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
                    measurements.quotaHeld(n, held - quotaHeldPrefix[n], now);
                    quotaHeldPrefix[n] = held;
                }
                delays.state(Delays.node(n), closed[n] ? Causes.CLOSURE : Causes.QUOTA, now);
                return;
            }
            // the train's wait at the node (for a server or the quota) ends here
            int t = q.startHead(now);
            delays.waitEnds(t, Delays.node(n), now);
            if (quotaHeldPrefix[n] > 0) {
                quotaHeldPrefix[n]--;
            }
            quotaUsed[n]++;
            long seconds = process[n] == null ? 0 : SimTime.ofSeconds(process[n].sample());
            measurements.processStarted(n, seconds, now);
            delays.add(t, Causes.PROCESSING, seconds);
            sim.schedule(now + seconds, Replication.PROCESS_END, t);
        }
        delays.state(Delays.node(n), closed[n] ? Causes.CLOSURE : Causes.SERVER_QUEUE, now);
    }

    /** PROCESS_END: train {@code t} is done at its current node and goes on. */
    void onProcessEnd(int t, long now) {
        int n = plan.routeNodes[trains.route[t]][trains.leg[t]];
        queue[n].finish(now);
        owner.leaveNode(t, now);
        startProcessing(n, now);
    }

    /** MIDNIGHT of day {@code day}: every quota starts afresh and lets its held trains go. */
    void onMidnight(int day, long now) {
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
        sim.schedule(now + SimTime.DAY, Replication.MIDNIGHT, day + 1);
    }

    /**
     * A closure's combined factor on node {@code n}: its servers become
     * {@code floor(nominal × factor)}; services already running go on. No effect on a node that
     * does not process or has unlimited servers.
     */
    void setFactor(int n, double factor, long now) {
        ServerQueue q = queue[n];
        if (q == null || plan.nodeUnlimited[n]) {
            return;
        }
        closed[n] = factor < 1;
        q.setServers((int) Math.floor(q.nominalServers() * factor + 1e-9));
        startProcessing(n, now);
    }

    /** Node {@code n}'s queue and servers, or null where it does not process. */
    ServerQueue queue(int n) {
        return queue[n];
    }

    /** Trains waiting or in service at any node, now. */
    long trainsPresent() {
        long count = 0;
        for (int n = 0; n < plan.nodeCount; n++) {
            if (queue[n] != null) {
                count += queue[n].queueLength() + queue[n].busy();
            }
        }
        return count;
    }
}
