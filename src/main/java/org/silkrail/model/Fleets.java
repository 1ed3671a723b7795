package org.silkrail.model;

import java.util.Arrays;
import org.silkrail.engine.Simulation;
import org.silkrail.engine.Tally;
import org.silkrail.engine.TimeWeighted;

/**
 * The rolling stock of one replication: finite pools of wagon sets and locomotives
 * ({@link FleetSpec}) that trains take, give back and wait for, and the re-forming of trains
 * ({@link Reforming}) that sets how many units a train takes on a re-forming side.
 *
 * <p><b>Taking.</b> When a train is done at a node (processed, or passing) and its next link
 * begins a stretch of a fleet ({@link FleetPlan}), it takes a unit at that depot — one per
 * train, or on a re-forming side one per re-formed train (at most the fleet's size) — before it
 * may enter the link. It takes a fleet's units all at once, first come first served per depot,
 * and else waits there; a train needing several fleets takes wagons before locomotives. The
 * whole wait is one rolling-stock wait of the train; each fleet's part of it counts in that
 * fleet's {@code wait_hours}.
 *
 * <p><b>Giving back, returning, calling.</b> At the start the units are free at the fleet's
 * depots, spread in proportion to the trains expected to take one there: each depot's share.
 * When a train is done at the last node of a stretch it gives its units back there. Each unit
 * goes, in this order: to trains waiting for the fleet at that node (it runs back loaded, with
 * a train of the other direction); to the oldest wait elsewhere that lacks units; stays free
 * there while that depot holds fewer free units than its share; or runs back empty to the
 * depot where it was taken. A train that starts to wait calls free units from depots that
 * cannot use them now, nearest first, and a unit freed at a depot whose own first train waits
 * for more than are free goes to an older wait: so free units never idle while a train waits
 * elsewhere, and the oldest wait of each fleet always gets its units (no two depots can keep
 * a fleet's units apart for ever). An empty run takes the fleet's return time: the running time
 * of the stretch backwards ({@code return: reverse}; between two depots, the shortest running
 * time over the fleet's links) or a fixed time.
 *
 * <p><b>Conservation.</b> Units are never created or lost: for every fleet, at every instant,
 * free (at depots, or unplaced when no route takes the fleet) + in use + returning = size
 * ({@link #unitsCounted}). So a closed loop of {@code W} units whose turnaround (stretch,
 * processing at its end, return) takes {@code T} carries at most {@code W / T} trains per unit
 * of time (Little's law on the fleet).
 *
 * <p>Cost: O(fleets) per train per node where it takes or gives units, nothing where it does
 * neither; no allocation per event (the per-train tables grow by doubling with the train
 * table). Not thread-safe; one per replication.
 */
final class Fleets {
    private final FleetPlan plan;
    private final Simulation sim;
    private final Trains trains;
    private final Replication owner;
    private final Delays delays;
    final Reforming reforming;
    private final long warmup;

    private final int[] free;
    private final IntQueues waiting;
    /** Per depot: units its waiting trains need, and units running empty toward it. */
    private final int[] queuedNeed;
    private final int[] incoming;
    private final int[] inUse;
    private final int[] returning;
    /** Per fleet: units not free (in use or returning); its mean over size is utilization. */
    private final TimeWeighted[] away;
    private final TimeWeighted[] inUseLevel;
    private final TimeWeighted[] returningLevel;
    /** Per fleet: a train's wait for that fleet's units, recorded when it has them. */
    private final Tally[] waitSeconds;
    private final long[] unitsTaken;
    private final long[] trainsWaited;

    // per train
    /** Index of the take the train is at, in its route and leg's list. */
    private int[] step;
    /** When the wait for the current take began, and when the train's whole wait began. */
    private long[] takeFrom;
    private long[] waitFrom;
    /** Trains the train makes on the re-forming side it is on; 1 off every side. */
    private int[] units;

    Fleets(Plan plan, Simulation sim, Trains trains, Replication owner, Delays delays) {
        this.plan = plan.stock;
        this.sim = sim;
        this.trains = trains;
        this.owner = owner;
        this.delays = delays;
        this.warmup = plan.warmupSeconds;
        this.reforming = new Reforming(plan, trains);
        FleetPlan fp = plan.stock;
        free = fp.depotInitial.clone();
        waiting = new IntQueues(fp.depotCount, 256);
        queuedNeed = new int[fp.depotCount];
        incoming = new int[fp.depotCount];
        int fleets = fp.fleetCount;
        inUse = new int[fleets];
        returning = new int[fleets];
        away = new TimeWeighted[fleets];
        inUseLevel = new TimeWeighted[fleets];
        returningLevel = new TimeWeighted[fleets];
        waitSeconds = new Tally[fleets];
        unitsTaken = new long[fleets];
        trainsWaited = new long[fleets];
        for (int f = 0; f < fleets; f++) {
            away[f] = new TimeWeighted(0, 0, warmup);
            inUseLevel[f] = new TimeWeighted(0, 0, warmup);
            returningLevel[f] = new TimeWeighted(0, 0, warmup);
            waitSeconds[f] = new Tally(warmup);
        }
        allocate(256);
    }

    private void allocate(int slots) {
        step = new int[slots];
        takeFrom = new long[slots];
        waitFrom = new long[slots];
        units = new int[slots];
    }

    private void ensure(int t) {
        if (t >= step.length) {
            int slots = Math.max(t + 1, step.length << 1);
            step = Arrays.copyOf(step, slots);
            takeFrom = Arrays.copyOf(takeFrom, slots);
            waitFrom = Arrays.copyOf(waitFrom, slots);
            units = Arrays.copyOf(units, slots);
        }
    }

    /**
     * Train {@code t} is done at its current node: gives back the units of stretches ending
     * here, is re-formed if it enters or leaves a re-forming side, and takes the units its next
     * link needs. Returns true if it must wait for some; then {@link Replication#depart} is
     * called for it when it has them all.
     */
    boolean holds(int t, long now) {
        ensure(t);
        int r = trains.route[t];
        int k = trains.leg[t];
        int[] home = plan.releaseHome[r][k];
        for (int i = 0; i < home.length; i++) {
            int f = plan.depotFleet[home[i]];
            giveBack(home[i], plan.releaseHere[r][k][i], plan.releaseReturnSeconds[r][k][i],
                    plan.releaseOnSide[r][k][i] ? Math.min(units[t], plan.fleetSize[f]) : 1,
                    now);
        }
        if (plan.reformLeaves[r][k] >= 0) {
            units[t] = 1;
        }
        if (plan.reformEnters[r][k] >= 0) {
            units[t] = reforming.enter(plan.reformEnters[r][k], t, now);
        }
        if (plan.acquireDepot[r][k].length == 0) {
            return false;
        }
        step[t] = 0;
        takeFrom[t] = now;
        waitFrom[t] = now;
        return !take(t, now);
    }

    /**
     * Units train {@code t} needs at take {@code i} of its current leg: one, or on a
     * re-forming side one per re-formed train, at most the fleet's size.
     */
    private int needed(int t, int i) {
        int r = trains.route[t];
        int k = trains.leg[t];
        if (!plan.acquireOnSide[r][k][i]) {
            return 1;
        }
        return Math.min(units[t], plan.fleetSize[plan.depotFleet[plan.acquireDepot[r][k][i]]]);
    }

    /**
     * Takes train {@code t}'s units from its current take on, each take all at once: true when
     * it holds them all, false when it waits in a depot's queue (first come first served: it
     * takes nothing while a train is ahead of it).
     */
    private boolean take(int t, long now) {
        int[] depots = plan.acquireDepot[trains.route[t]][trains.leg[t]];
        while (step[t] < depots.length) {
            int d = depots[step[t]];
            int n = needed(t, step[t]);
            if (!waiting.isEmpty(d) || free[d] < n) {
                waiting.add(d, t);
                queuedNeed[d] += n;
                call(d, now);
                return false;
            }
            grant(d, n, now);
            took(t, d, now);
        }
        waitEnded(t, now - waitFrom[t], now);
        return true;
    }

    /** Train {@code t} has all the units of its current take, from depot {@code d}. */
    private void took(int t, int d, long now) {
        int f = plan.depotFleet[d];
        long seconds = now - takeFrom[t];
        waitSeconds[f].record(now, seconds);
        if (seconds > 0 && now >= warmup) {
            trainsWaited[f]++;
        }
        step[t]++;
        takeFrom[t] = now;
    }

    /**
     * Train {@code t} has all its units after waiting {@code seconds} for them (0 if it did
     * not wait): the one place a rolling-stock wait ends, for delay attribution.
     */
    private void waitEnded(int t, long seconds, long now) {
        delays.waitedAtNode(t, Causes.ROLLING_STOCK, seconds);
    }

    private void grant(int d, int n, long now) {
        int f = plan.depotFleet[d];
        free[d] -= n;
        inUse[f] += n;
        away[f].add(now, n);
        inUseLevel[f].add(now, n);
        if (now >= warmup) {
            unitsTaken[f] += n;
        }
    }

    /** Units depot {@code d}'s waiting trains need beyond those free or on their way there. */
    private int shortfall(int d) {
        return queuedNeed[d] - free[d] - incoming[d];
    }

    /**
     * Trains wait at depot {@code d}: free units of the fleet at depots where they are not
     * needed now run empty to {@code d}, nearest first, until enough are free or on their way.
     * A depot whose first waiting train cannot go either gives its units only to an older
     * wait, so the oldest wait of a fleet always gets its units.
     */
    private void call(int d, long now) {
        int f = plan.depotFleet[d];
        long age = takeFrom[waiting.peek(d)];
        while (shortfall(d) > 0) {
            int from = -1;
            for (int e = 0; e < plan.depotCount; e++) {
                if (e == d || plan.depotFleet[e] != f || free[e] == 0) {
                    continue;
                }
                boolean spare = waiting.isEmpty(e) || takeFrom[waiting.peek(e)] > age;
                if (spare && (from < 0 || plan.depotTravelSeconds[e][d]
                        < plan.depotTravelSeconds[from][d])) {
                    from = e;
                }
            }
            if (from < 0) {
                return;
            }
            free[from]--;
            away[f].add(now, 1);
            sendEmpty(f, d, plan.depotTravelSeconds[from][d], now);
        }
    }

    /** A unit of fleet {@code f} starts to run empty to depot {@code to}. */
    private void sendEmpty(int f, int to, long seconds, long now) {
        returning[f]++;
        incoming[to]++;
        returningLevel[f].add(now, 1);
        sim.schedule(now + seconds, Replication.FLEET_RETURN, to);
    }

    /**
     * {@code n} units of the fleet of depot {@code home} are given back at a node where that
     * fleet's depot is {@code here} (-1 if none). Each goes, in this order: to the trains
     * waiting there; to the oldest wait elsewhere that lacks units (running empty); stays free
     * there while the depot holds fewer free and incoming units than its share (its units at
     * the start); runs empty to the depot furthest below its share relative to that share; or,
     * when none is, back to
     * {@code home}, taking {@code returnSeconds}.
     */
    private void giveBack(int home, int here, long returnSeconds, int n, long now) {
        int f = plan.depotFleet[home];
        inUse[f] -= n;
        inUseLevel[f].add(now, -n);
        away[f].add(now, -n);
        for (int i = 0; i < n; i++) {
            if (here >= 0 && !waiting.isEmpty(here)) {
                free[here]++;
                serve(here, now);
                rebalance(here, now);
                continue;
            }
            int needy = oldestShort(f, -1, Long.MAX_VALUE);
            if (needy >= 0) {
                away[f].add(now, 1);
                sendEmpty(f, needy, here >= 0 ? plan.depotTravelSeconds[here][needy]
                        : returnSeconds + plan.depotTravelSeconds[home][needy], now);
            } else if (here >= 0 && free[here] + incoming[here] < plan.depotInitial[here]) {
                free[here]++;
            } else {
                int to = mostShort(f, here >= 0 ? here : home);
                long seconds = to < 0 ? returnSeconds : here >= 0
                        ? plan.depotTravelSeconds[here][to]
                        : returnSeconds + plan.depotTravelSeconds[home][to];
                away[f].add(now, 1);
                sendEmpty(f, to < 0 ? home : to, seconds, now);
            }
        }
    }

    /**
     * The depot of fleet {@code f} furthest below its share (free and incoming units against
     * its units at the start) relative to that share, nearest to depot {@code from} among
     * equals; -1 if none is below. Relative, not in units: by units a large depot a few short
     * would take every unit while a small one stayed empty, and the small one's trains would
     * each wait a full empty run from afar (Kuryk's share of two locomotives beside Dostyk's
     * and Altynkol's dozens: docs/calibration.md).
     */
    private int mostShort(int f, int from) {
        int best = -1;
        int bestDeficit = 0;
        for (int d = 0; d < plan.depotCount; d++) {
            if (plan.depotFleet[d] != f) {
                continue;
            }
            int deficit = plan.depotInitial[d] - free[d] - incoming[d];
            if (deficit <= 0) {
                continue;
            }
            // deficit / share against bestDeficit / its share, compared by cross-multiplying
            long lhs = (long) deficit * (best < 0 ? 1 : plan.depotInitial[best]);
            long rhs = (long) bestDeficit * plan.depotInitial[d];
            if (best < 0 || lhs > rhs || lhs == rhs
                    && plan.depotTravelSeconds[from][d] < plan.depotTravelSeconds[from][best]) {
                best = d;
                bestDeficit = deficit;
            }
        }
        return best;
    }

    /**
     * The depot of fleet {@code f}, other than {@code except}, whose first waiting train lacks
     * units and began to wait before {@code before}, the oldest such; -1 if none.
     */
    private int oldestShort(int f, int except, long before) {
        int best = -1;
        for (int d = 0; d < plan.depotCount; d++) {
            if (plan.depotFleet[d] == f && d != except && !waiting.isEmpty(d)
                    && shortfall(d) > 0 && takeFrom[waiting.peek(d)] < before
                    && (best < 0 || takeFrom[waiting.peek(d)] < takeFrom[waiting.peek(best)])) {
                best = d;
            }
        }
        return best;
    }

    /**
     * Free units at depot {@code x} that its own trains cannot use now go to older waits
     * elsewhere that lack units: so the oldest wait of a fleet always gets its units, and
     * trains that each need several units never hold a fleet's units apart for ever.
     */
    private void rebalance(int x, long now) {
        int f = plan.depotFleet[x];
        while (free[x] > 0) {
            long age = waiting.isEmpty(x) ? Long.MAX_VALUE : takeFrom[waiting.peek(x)];
            int d = oldestShort(f, x, age);
            if (d < 0) {
                return;
            }
            free[x]--;
            away[f].add(now, 1);
            sendEmpty(f, d, plan.depotTravelSeconds[x][d], now);
        }
    }

    /** FLEET_RETURN: a unit that ran empty is free at depot {@code d}. */
    void onReturn(int d, long now) {
        int f = plan.depotFleet[d];
        returning[f]--;
        incoming[d]--;
        returningLevel[f].add(now, -1);
        away[f].add(now, -1);
        free[d]++;
        serve(d, now);
        rebalance(d, now);
    }

    /** Gives depot {@code d}'s free units to its waiting trains, first come first served. */
    private void serve(int d, long now) {
        while (!waiting.isEmpty(d)) {
            int t = waiting.peek(d);
            int n = needed(t, step[t]);
            if (free[d] < n) {
                return;
            }
            waiting.poll(d);
            queuedNeed[d] -= n;
            grant(d, n, now);
            took(t, d, now);
            if (take(t, now)) {
                owner.depart(t, now);
            }
        }
    }

    /** Trains waiting for units now. */
    long trainsWaiting() {
        long count = 0;
        for (int d = 0; d < plan.depotCount; d++) {
            count += waiting.size(d);
        }
        return count;
    }

    /** Fleet {@code f}'s units counted where they are: free, in use, returning; its size. */
    long unitsCounted(int f) {
        long count = plan.fleetUnplaced[f] + inUse[f] + returning[f];
        for (int d = 0; d < plan.depotCount; d++) {
            if (plan.depotFleet[d] == f) {
                count += free[d];
            }
        }
        return count;
    }

    int inUse(int f) {
        return inUse[f];
    }

    int returning(int f) {
        return returning[f];
    }

    /** Fleet {@code f}'s values over the measured window ending at {@code end}. */
    ReplicationResult.FleetResult result(int f, long end) {
        int size = plan.fleetSize[f];
        double hours = waitSeconds[f].count() == 0 ? 0 : waitSeconds[f].mean() / 3600.0;
        return new ReplicationResult.FleetResult(plan.fleetKind[f].yamlName(), size,
                zeroIfNaN(away[f].mean(end)) / size, zeroIfNaN(inUseLevel[f].mean(end)),
                zeroIfNaN(returningLevel[f].mean(end)), hours, waitSeconds[f].count(),
                trainsWaited[f], unitsTaken[f]);
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
