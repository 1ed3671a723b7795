package org.silkrail.model;

import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sampler;
import org.silkrail.engine.SimTime;

/**
 * The berths of the ports ({@code berths:} on a {@code kind: port} node): each holds one vessel
 * for one call, a loading or an unloading, of a duration drawn from the port's handling
 * distribution (capped at its {@code max}). Vessels of every ferry link that calls at the port
 * share its berths first come first served; one that finds them all taken waits at anchorage.
 *
 * <p>Invariants: at every port {@code 0 <= busy <= count}; a vessel waits at anchorage only
 * while every berth is busy; the waiting queue is FIFO over all links. With {@code b} berths
 * and calls of {@code h} seconds a port serves at most {@code b / h} calls per second.
 *
 * <p>Statistics, over the measured window (calls that begin after the warm-up): calls, their
 * anchorage waits and handling times, and the time-average berths busy. Cost O(1) per call, no
 * allocation per event. Not thread-safe; one per replication, owned by {@link FerryCrossings}.
 */
final class PortBerths {
    private final Plan plan;
    private final long warmup;
    private final int[] busy;
    /** Per node: vessels at anchorage, in arrival order. */
    private final IntQueues anchorage;
    private final long[] queuedAt;
    private final Sampler[] handling;

    // per node, measured window
    private final long[] calls;
    private final long[] waitSeconds;
    private final long[] handlingSeconds;
    private final long[] busySeconds;
    private final long[] busySince;
    private final int[] maxQueue;

    PortBerths(Plan plan, RandomStreams streams, int replication) {
        this.plan = plan;
        this.warmup = plan.warmupSeconds;
        int nodes = plan.nodeCount;
        busy = new int[nodes];
        anchorage = new IntQueues(nodes, plan.vesselTotal);
        queuedAt = new long[Math.max(1, plan.vesselTotal)];
        handling = new Sampler[nodes];
        calls = new long[nodes];
        waitSeconds = new long[nodes];
        handlingSeconds = new long[nodes];
        busySeconds = new long[nodes];
        busySince = new long[nodes];
        maxQueue = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            if (plan.nodeBerths[n] > 0) {
                handling[n] = plan.berthHandlingSeconds[n].sampler(
                        streams.stream(replication, "node/" + plan.nodeIds[n] + "/berths"));
            }
        }
    }

    /** Whether vessels calling at node {@code n} need a berth. */
    boolean at(int n) {
        return plan.nodeBerths[n] > 0;
    }

    /**
     * Vessel {@code v} asks for a berth at port {@code n}: true if it takes one now (the caller
     * starts its call), false if it waits at anchorage until {@link #release} hands it one.
     */
    boolean request(int n, int v, long now) {
        if (busy[n] < plan.nodeBerths[n]) {
            occupy(n, now);
            count(n, 0, now);
            return true;
        }
        queuedAt[v] = now;
        anchorage.add(n, v);
        if (anchorage.size(n) > maxQueue[n]) {
            maxQueue[n] = anchorage.size(n);
        }
        return false;
    }

    /**
     * A call at port {@code n} ends: its berth goes to the first vessel at anchorage, returned
     * (the caller starts its call), or is freed ({@link Trains#NONE} returned).
     */
    int release(int n, long now) {
        int v = anchorage.poll(n);
        if (v != Trains.NONE) {
            count(n, now - queuedAt[v], now);
            return v;
        }
        settle(n, now);
        busy[n]--;
        return Trains.NONE;
    }

    /** One call's duration at port {@code n}, seconds: a draw capped at the port's max. */
    long handlingSeconds(int n, long now) {
        long seconds = Math.min(SimTime.ofSeconds(handling[n].sample()), plan.berthMaxSeconds[n]);
        if (now >= warmup) {
            handlingSeconds[n] += seconds;
        }
        return seconds;
    }

    private void occupy(int n, long now) {
        settle(n, now);
        busy[n]++;
    }

    private void count(int n, long waited, long now) {
        if (now >= warmup) {
            calls[n]++;
            waitSeconds[n] += waited;
        }
    }

    /** Brings node {@code n}'s busy-berth time up to {@code now}, inside the measured window. */
    private void settle(int n, long now) {
        long from = Math.max(busySince[n], warmup);
        if (now > from) {
            busySeconds[n] += busy[n] * (now - from);
        }
        busySince[n] = now;
    }

    /** Per port with berths, in node order: its values over the measured window. */
    java.util.Map<String, ReplicationResult.PortResult> results(long end) {
        java.util.Map<String, ReplicationResult.PortResult> out = new java.util.LinkedHashMap<>();
        for (int n = 0; n < plan.nodeCount; n++) {
            if (at(n)) {
                double wait = calls[n] == 0 ? 0 : waitHours(n);
                double handled = calls[n] == 0 ? 0 : handlingHours(n);
                out.put(plan.nodeIds[n], new ReplicationResult.PortResult(plan.nodeBerths[n],
                        calls[n], wait, handled, wait + handled, utilization(n, end),
                        maxQueue[n]));
            }
        }
        return out;
    }

    /** Calls begun at port {@code n} in the measured window. */
    long calls(int n) {
        return calls[n];
    }

    /** Mean anchorage wait per call, hours; NaN without calls. */
    double waitHours(int n) {
        return calls[n] == 0 ? Double.NaN : waitSeconds[n] / (double) calls[n] / SimTime.HOUR;
    }

    /** Mean berth time per call, hours; NaN without calls. */
    double handlingHours(int n) {
        return calls[n] == 0 ? Double.NaN
                : handlingSeconds[n] / (double) calls[n] / SimTime.HOUR;
    }

    /** Time-average share of port {@code n}'s berths holding a vessel, up to {@code end}. */
    double utilization(int n, long end) {
        settle(n, end);
        long window = end - warmup;
        return window <= 0 ? 0 : busySeconds[n] / ((double) window * plan.nodeBerths[n]);
    }

    /** Vessels at anchorage at port {@code n} now. */
    int waiting(int n) {
        return anchorage.size(n);
    }

    /** The most vessels at anchorage at port {@code n} at once, whole run. */
    int maxWaiting(int n) {
        return maxQueue[n];
    }
}
