package org.silkrail.model;

import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sampler;
import org.silkrail.engine.ServerQueue;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;

/**
 * The processing stations of one replication: a FIFO queue and servers ({@link ServerQueue}) per
 * station, processing times, TEU handling, container yards, daily quotas and their reset at
 * midnight. A node that processes both directions together has one station; a node with
 * per-direction settings has one per direction ({@link Plan#nodeStations}); a train whose node
 * and direction have no station hands straight on.
 *
 * <p>Queue order is arrival order or, where flows differ in priority ({@link FlowSpec#priority()}),
 * priority first and arrival order within a priority: a train queues behind every waiting train
 * of its priority or a higher one. Non-preemptive: a train in processing is never interrupted.
 *
 * <p>A train's wait at a station — for a server, the day's quota or room in the yard — ends in
 * one place, {@link #startProcessing}, where it leaves the queue. Its time there is
 * {@code process} (if any) plus, at a yard that handles by TEU, its loaded and empty TEU times
 * the station's seconds per TEU on one crane: so {@code k} cranes at {@code r} TEU/h never move
 * more than {@code k·r·24} TEU a day. A closure changes a node's servers through
 * {@link #setFactor}.
 *
 * <p>Quota invariant: the trains held back by a used-up quota are always a prefix of the queue
 * (those a free server would take), so counting the growth of that prefix counts each held train
 * once. A fractional quota is spread exactly: day {@code d} allows
 * {@code floor((d + 1) q) - floor(d q)} trains. Yard invariant: {@code yardUsedTeu} is the TEU of
 * the trains in handling; a train starts only if its TEU fit beside them, or the yard is empty
 * (so a train larger than the yard cannot block it for ever). No allocation per event.
 */
final class Stations {
    private final Plan plan;
    private final Simulation sim;
    private final Trains trains;
    private final Replication owner;
    private final Measurements measurements;
    private final Acceptance acceptance;
    private final Delays delays;
    /** Per node: whether a closure cuts its servers now (a wait then counts as closure). */
    private final boolean[] closed;

    /** Per station: its queue and servers. */
    private final ServerQueue[] queue;
    /** Per station: processing time besides handling in seconds, null for none. */
    private final Sampler[] process;
    private final int[] quotaUsed;
    private final long[] quotaAllowance;
    /** Trains at the front of the queue already counted as held back by the quota. */
    private final int[] quotaHeldPrefix;
    private final boolean anyQuota;
    /** Whether flows differ in priority: a train then queues ahead of lower ones. */
    private final boolean prioritized;
    /** Per station: TEU (loaded and empty) of the trains being handled. */
    private final double[] yardUsedTeu;

    Stations(Plan plan, Simulation sim, Trains trains, Replication owner,
            Measurements measurements, Delays delays, Acceptance acceptance,
            RandomStreams streams, int replication) {
        this.acceptance = acceptance;
        this.plan = plan;
        this.sim = sim;
        this.trains = trains;
        this.owner = owner;
        this.measurements = measurements;
        this.delays = delays;
        closed = new boolean[plan.nodeCount];
        int stations = plan.stationCount;
        queue = new ServerQueue[stations];
        process = new Sampler[stations];
        quotaUsed = new int[stations];
        quotaAllowance = new long[stations];
        quotaHeldPrefix = new int[stations];
        yardUsedTeu = new double[stations];
        boolean quotas = false;
        for (int st = 0; st < stations; st++) {
            queue[st] = new ServerQueue(plan.stationServers[st], 0, plan.warmupSeconds);
            if (plan.stationProcess[st] != null) {
                // a node's one station keeps the stream it always had; a direction's is its own
                int d = plan.stationDirection[st];
                String key = "node/" + plan.nodeIds[plan.stationNode[st]]
                        + (d < 0 ? "" : "/" + Plan.directionName(d)) + "/process";
                process[st] = plan.stationProcess[st].sampler(streams.stream(replication, key));
            }
            if (plan.stationQuotaPerDay[st] > 0) {
                quotas = true;
                quotaAllowance[st] = allowance(plan.stationQuotaPerDay[st], 0);
            }
        }
        anyQuota = quotas;
        prioritized = plan.priorities.prioritized();
    }

    /** Trains a quota lets through on day {@code day}: spreads a fractional quota exactly. */
    private static long allowance(double quotaPerDay, long day) {
        return (long) Math.floor((day + 1) * quotaPerDay + 1e-9)
                - (long) Math.floor(day * quotaPerDay + 1e-9);
    }

    /** Schedules the first midnight if any station has a quota. */
    void start() {
        if (anyQuota) {
            sim.schedule(SimTime.DAY, Replication.MIDNIGHT, 1);
        }
    }

    /** The station train {@code t} queues at on node {@code n}, or -1 if it passes. */
    private int stationOf(int t, int n) {
        return plan.nodeStations[n][plan.flowDirection[trains.flow[t]]];
    }

    /** Train {@code t} reaches node {@code n}: it queues there, or passes if it has no station. */
    void arrive(int t, int n, long now) {
        int st = stationOf(t, n);
        if (st >= 0) {
            if (prioritized) {
                arriveByPriority(st, t, n, now);
            } else {
                queue[st].arrive(now, t);
            }
            measurements.queued(t, n, now);
            delays.waitBegins(t, Delays.station(st), now);
            if (plan.anyAcceptance) {
                acceptance.queued(st, queue[st].queueLength(), now);
            }
            startProcessing(st, now);
            settle(st, now);
        } else {
            measurements.passedNode(t, n, now);
            owner.leaveNode(t, now);
        }
    }

    /**
     * Train {@code t} joins station {@code st}'s queue behind every waiting train of its
     * priority level or a higher one, ahead of the lower ones. A train that lands inside the
     * prefix held back by the quota takes a place in it: counted as held now if the quota is
     * used up, so the prefix stays exactly the counted trains.
     */
    private void arriveByPriority(int st, int t, int n, long now) {
        ServerQueue q = queue[st];
        int level = plan.priorities.flowLevel[trains.flow[t]];
        int length = q.queueLength();
        int overtaken = 0;
        while (overtaken < length
                && plan.priorities.flowLevel[trains.flow[q.queued(length - 1 - overtaken)]]
                        > level) {
            overtaken++;
        }
        q.arriveAhead(now, t, overtaken);
        if (length - overtaken < quotaHeldPrefix[st]) {
            quotaHeldPrefix[st]++;
            if (quotaUsed[st] >= quotaAllowance[st]) {
                measurements.quotaHeld(t, n, now);
            }
        }
    }

    /** Starts every queued train that a server, the day's quota and the yard allow. */
    private void startProcessing(int st, long now) {
        ServerQueue q = queue[st];
        boolean unlimited = plan.stationUnlimited[st];
        boolean quota = plan.stationQuotaPerDay[st] > 0;
        double yard = plan.stationYardTeu[st];
        int n = plan.stationNode[st];
        while (q.queueLength() > 0 && (unlimited || q.busy() < q.servers())) {
            if (quota && quotaUsed[st] >= quotaAllowance[st]) {
                // the trains that a free server would take now are held back by the quota;
                // they are always a prefix of the queue, so counting a prefix counts each once
                int free = unlimited ? q.queueLength() : q.servers() - q.busy();
                int held = Math.min(free, q.queueLength());
                for (int i = quotaHeldPrefix[st]; i < held; i++) {
                    measurements.quotaHeld(q.queued(i), n, now);
                }
                quotaHeldPrefix[st] = Math.max(quotaHeldPrefix[st], held);
                delays.state(Delays.station(st), closed[n] ? Causes.CLOSURE : Causes.QUOTA, now);
                return;
            }
            int head = q.head();
            double teu = trains.teu[head] + trains.emptyTeu[head];
            if (yard > 0 && yardUsedTeu[st] > 0 && yardUsedTeu[st] + teu > yard) {
                break; // the yard is full: the head waits for a train to be cleared
            }
            // the train's wait at the node (for a server, the quota or the yard) ends here
            int t = q.startHead(now);
            delays.waitEnds(t, Delays.station(st), now);
            if (plan.anyAcceptance) {
                acceptance.leftQueue(st);
            }
            if (quotaHeldPrefix[st] > 0) {
                quotaHeldPrefix[st]--;
            }
            quotaUsed[st]++;
            yardUsedTeu[st] += teu;
            long seconds = process[st] == null ? 0 : SimTime.ofSeconds(process[st].sample());
            if (plan.stationSecondsPerTeu[st] > 0) {
                seconds += Math.round(teu * plan.stationSecondsPerTeu[st]);
            }
            measurements.processStarted(t, n, seconds, now);
            delays.add(t, Causes.PROCESSING, seconds);
            sim.schedule(now + seconds, Replication.PROCESS_END, t);
        }
        // a full yard counts as the node's handling capacity: server_queue
        delays.state(Delays.station(st), closed[n] ? Causes.CLOSURE : Causes.SERVER_QUEUE, now);
    }

    /** PROCESS_END: train {@code t} is done at its current node and goes on. */
    void onProcessEnd(int t, long now) {
        int n = plan.routeNodes[trains.route[t]][trains.leg[t]];
        int st = stationOf(t, n);
        queue[st].finish(now);
        yardUsedTeu[st] -= trains.teu[t] + trains.emptyTeu[t];
        measurements.processEnded(t, n, now);
        owner.leaveNode(t, now);
        startProcessing(st, now);
        settle(st, now);
    }

    /** After a station's dispatch: back-pressure lets trains waiting for it go. */
    private void settle(int st, long now) {
        if (plan.anyAcceptance) {
            acceptance.settle(st, now);
        }
    }

    /** MIDNIGHT of day {@code day}: every quota starts afresh and lets its held trains go. */
    void onMidnight(int day, long now) {
        for (int st = 0; st < plan.stationCount; st++) {
            if (plan.stationQuotaPerDay[st] > 0) {
                quotaUsed[st] = 0;
                quotaAllowance[st] = allowance(plan.stationQuotaPerDay[st], day);
            }
        }
        for (int st = 0; st < plan.stationCount; st++) {
            if (plan.stationQuotaPerDay[st] > 0) {
                startProcessing(st, now);
                settle(st, now);
            }
        }
        sim.schedule(now + SimTime.DAY, Replication.MIDNIGHT, day + 1);
    }

    /**
     * A closure's combined factor on node {@code n}: the servers of each of its stations become
     * {@code floor(nominal × factor)}; services already running go on. No effect on a node that
     * does not process or on a quota-only station.
     */
    void setFactor(int n, double factor, long now) {
        closed[n] = factor < 1;
        for (int d = 0; d < Plan.DIRECTIONS; d++) {
            int st = plan.nodeStations[n][d];
            if (st < 0 || plan.stationUnlimited[st] || d > 0 && st == plan.nodeStations[n][0]) {
                continue; // a station serving both directions is set once
            }
            ServerQueue q = queue[st];
            q.setServers((int) Math.floor(q.nominalServers() * factor + 1e-9));
            startProcessing(st, now);
            settle(st, now);
        }
    }

    /** Station {@code st}'s queue and servers. */
    ServerQueue queue(int st) {
        return queue[st];
    }

    /**
     * Trains at nodes now: waiting or in service at any station, or held at a node by
     * back-pressure ({@link Acceptance}).
     */
    long trainsPresent() {
        long count = acceptance.trainsWaiting();
        for (int st = 0; st < plan.stationCount; st++) {
            count += queue[st].queueLength() + queue[st].busy();
        }
        return count;
    }
}
