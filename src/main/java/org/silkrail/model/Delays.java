package org.silkrail.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.engine.SimTime;

/**
 * Delay attribution: every train's transit split into running, processing and each cause of
 * waiting ({@link Causes}), and its waits by place (node or link), summed per flow when the
 * train is delivered.
 *
 * <p><b>How a wait is split.</b> Every place (station, link) is at each instant in one wait
 * state, a cause code: a station (a node, or one direction of it) is {@link Causes#CLOSURE} while a closure cuts it, else
 * {@link Causes#QUOTA} while its quota holds a train that a free server would take, else
 * {@link Causes#SERVER_QUEUE}; a rail link is {@code CLOSURE} or {@link Causes#HEADWAY}; a
 * ferry {@link Causes#STORM}, {@code CLOSURE} or {@link Causes#FERRY_LOAD}. The part that owns
 * the place sets its state ({@link #state}) whenever it may change. The place keeps, per cause,
 * the seconds spent in that state (a clock); a train snapshots the clocks when its wait begins
 * ({@link #waitBegins}) and takes the differences when it ends ({@link #waitEnds}). So a wait
 * of {@code w} seconds is split into parts that add up to exactly {@code w}: every train
 * waiting at a place while it is closed waits for the closure, whatever its place in the queue.
 * On single track the part of a wait that is not a closure is split further by the caller into
 * headway and {@link Causes#OPPOSING_TRAIN}.
 *
 * <p>Invariant, counted at delivery ({@link #unbalancedTrains}, 0 unless a bug): a train's
 * running, processing and wait seconds add up to its transit seconds exactly. Cost per wait:
 * O(causes seen at its place), at most three today, not O({@link Causes#COUNT}); no allocation
 * per event (the per-train tables grow by doubling with the train table, as
 * {@link Trains} does). Not thread-safe; one per replication.
 */
final class Delays {
    private static final int C = Causes.COUNT;
    /**
     * A train's record in {@link #train}: its seconds per cause at {@code [0, C)}, then when its
     * wait began and how many clock slots its place had then; a stride of 16 longs (128
     * bytes) while the causes fit, so that a wait's beginning and end touch one or two cache
     * lines of the train instead of one per array.
     */
    private static final int WAIT_FROM = C;
    private static final int MARKED = C + 1;
    private static final int TRAIN = Math.max(16, C + 2);
    /** A place's record in {@link #place}: its state, that state's clock slot, slots used. */
    private static final int STATE = 0;
    private static final int SLOT = 1;
    private static final int USED = 2;
    private static final int PLACE = 4;

    private final Plan plan;
    private final Trains trains;
    private final long warmup;
    private final int stationCount;
    /** Route positions: node at leg k is 2k, link at leg k is 2k + 1. */
    private final int positions;

    // per place (station st, or stationCount + link l)
    /**
     * Per place × {@link #PLACE}: its state (a cause), the clock slot of that state, and how
     * many clock slots it uses. A place gets a slot for a cause the first time it is in that
     * state (its first state at construction), so a place only ever uses the few causes that
     * can occur there (three at most today: a station's server queue, quota and closure) and a
     * wait copies and compares only those, not all {@link Causes#COUNT}. While a place uses one
     * slot, that clock reads the simulation time itself (it has run since 0).
     */
    private final int[] place;
    private final long[] placeSince;
    /** Per place × slot: the cause the slot counts. */
    private final int[] slotCause;
    /** Per place × slot: seconds the place spent in the slot's state up to {@code placeSince}. */
    private final long[] placeClock;

    // per train slot
    /** Per train × {@link #TRAIN}: seconds per cause, {@link #WAIT_FROM}, {@link #MARKED}. */
    private long[] train;
    private long[] trainPosition;
    /**
     * Per train × clock slot: the clocks of its place when its wait began, for the first
     * {@code MARKED} slots when that is more than one (later slots started at 0 during the wait;
     * a one-slot place's clock was the time, {@code WAIT_FROM}).
     */
    private long[] mark;

    /** Trains delivered whose parts did not add up to their transit; 0 unless a bug. */
    private long unbalanced;

    // per flow, measured window
    private final long[] flowCause;
    private final long[][] flowPlace;

    Delays(Plan plan, Trains trains) {
        this.plan = plan;
        this.trains = trains;
        this.warmup = plan.warmupSeconds;
        this.stationCount = plan.stationCount;
        int maxLinks = 0;
        for (int[] links : plan.routeLinks) {
            maxLinks = Math.max(maxLinks, links.length);
        }
        positions = 2 * maxLinks + 1;
        int places = plan.stationCount + plan.linkCount;
        place = new int[places * PLACE];
        placeSince = new long[places];
        slotCause = new int[places * C];
        placeClock = new long[places * C];
        for (int st = 0; st < plan.stationCount; st++) {
            firstState(st, Causes.SERVER_QUEUE);
        }
        for (int l = 0; l < plan.linkCount; l++) {
            firstState(plan.stationCount + l, plan.linkFerry[l] ? Causes.FERRY_LOAD
                    : Causes.HEADWAY);
        }
        allocate(256);
        flowCause = new long[plan.flowCount * C];
        flowPlace = new long[plan.flowCount][plan.nodeCount + plan.linkCount];
    }

    private void firstState(int p, int cause) {
        place[p * PLACE + STATE] = cause;
        slotCause[p * C] = cause;
        place[p * PLACE + USED] = 1;
    }

    private void allocate(int slots) {
        train = new long[slots * TRAIN];
        trainPosition = new long[slots * positions];
        mark = new long[slots * C];
    }

    /**
     * The place index of station {@code st} (a node, or one direction of a node that processes
     * each direction on its own: its own queue, so its own wait state).
     */
    static int station(int st) {
        return st;
    }

    /** The place index of link {@code l}. */
    int link(int l) {
        return stationCount + l;
    }

    /** Train {@code t} was just created: makes room for it; its accumulators are zero. */
    void born(int t) {
        if ((t + 1) * TRAIN > train.length) {
            int slots = Math.max(t + 1, train.length / TRAIN << 1);
            train = Arrays.copyOf(train, slots * TRAIN);
            trainPosition = Arrays.copyOf(trainPosition, slots * positions);
            mark = Arrays.copyOf(mark, slots * C);
        }
    }

    /** Place {@code p} is in wait state {@code cause} from {@code now} on (a no-op if it was). */
    void state(int p, int cause, long now) {
        if (place[p * PLACE + STATE] != cause) {
            change(p, cause, now);
        }
    }

    /** The state change itself, apart so that {@link #state}'s no-op check stays small. */
    private void change(int p, int cause, long now) {
        settle(p, now);
        int base = p * C;
        int used = place[p * PLACE + USED];
        int slot = 0;
        while (slot < used && slotCause[base + slot] != cause) {
            slot++;
        }
        if (slot == used) {
            slotCause[base + slot] = cause;
            place[p * PLACE + USED] = used + 1;
        }
        place[p * PLACE + STATE] = cause;
        place[p * PLACE + SLOT] = slot;
    }

    /** Brings place {@code p}'s clocks up to {@code now}. */
    private void settle(int p, long now) {
        placeClock[p * C + place[p * PLACE + SLOT]] += now - placeSince[p];
        placeSince[p] = now;
    }

    /**
     * Train {@code t} begins to wait at place {@code p}. A place that has only ever been in its
     * first state (one slot: most places, most of the time) needs no snapshot: its one clock
     * reads the simulation time itself (it has run since 0), so the mark is {@code now}.
     */
    void waitBegins(int t, int p, long now) {
        int used = place[p * PLACE + USED];
        if (used > 1) {
            settle(p, now);
            System.arraycopy(placeClock, p * C, mark, t * C, used);
        }
        train[t * TRAIN + MARKED] = used;
        train[t * TRAIN + WAIT_FROM] = now;
    }

    /** When train {@code t}'s current wait began, or its last wait ended, seconds. */
    long waitFrom(int t) {
        return train[t * TRAIN + WAIT_FROM];
    }

    /** Train {@code t}'s wait at place {@code p} ends now; returns its length in seconds. */
    long waitEnds(int t, int p, long now) {
        return waitEnds(t, p, now, Long.MAX_VALUE);
    }

    /**
     * Train {@code t}'s wait at place {@code p} ends now: each cause gets the time the place
     * spent in that state since the wait began; of the {@link Causes#HEADWAY} part, what exceeds
     * {@code headwaySeconds} goes to {@link Causes#OPPOSING_TRAIN} (single track). Returns the
     * wait's length in seconds.
     */
    long waitEnds(int t, int p, long now, long headwaySeconds) {
        long seconds = now - train[t * TRAIN + WAIT_FROM];
        if (place[p * PLACE + USED] == 1) {
            // one state all along: the whole wait is its cause
            attribute(t, place[p * PLACE + STATE], seconds, headwaySeconds);
        } else {
            waitEndsByClocks(t, p, now, headwaySeconds);
        }
        trainPosition[t * positions + position(t, p)] += seconds;
        train[t * TRAIN + WAIT_FROM] = now;
        return seconds;
    }

    /** Gives {@code seconds} of a wait to {@code cause}; on single track, splits a headway wait. */
    private void attribute(int t, int cause, long seconds, long headwaySeconds) {
        int base = t * TRAIN;
        if (cause == Causes.HEADWAY && seconds > headwaySeconds) {
            long moved = seconds - Math.max(0, headwaySeconds);
            train[base + Causes.HEADWAY] += seconds - moved;
            train[base + Causes.OPPOSING_TRAIN] += moved;
        } else {
            train[base + cause] += seconds;
        }
    }

    /** The split of a wait at a place that has been in more than one state: by its clocks. */
    private void waitEndsByClocks(int t, int p, long now, long headwaySeconds) {
        settle(p, now);
        int base = t * TRAIN;
        int clock = p * C;
        int used = place[p * PLACE + USED];
        long before = train[base + MARKED];
        long headway = 0;
        for (int i = 0; i < used; i++) {
            // a slot added during the wait started at 0; a one-slot place's clock is the time
            long at = i >= before ? 0 : before == 1 ? train[base + WAIT_FROM] : mark[t * C + i];
            long seconds = placeClock[clock + i] - at;
            int cause = slotCause[clock + i];
            train[base + cause] += seconds;
            if (cause == Causes.HEADWAY) {
                headway = seconds;
            }
        }
        if (headway > headwaySeconds) {
            long moved = headway - Math.max(0, headwaySeconds);
            train[base + Causes.HEADWAY] -= moved;
            train[base + Causes.OPPOSING_TRAIN] += moved;
        }
    }

    /** {@code seconds} of running or processing ({@link Causes}) for train {@code t}. */
    void add(int t, int cause, long seconds) {
        train[t * TRAIN + cause] += seconds;
    }

    /**
     * Train {@code t} waited {@code seconds} at its current node outside any station's queue,
     * for {@code cause} (a wagon set or locomotive, {@link Causes#ROLLING_STOCK}): the wait
     * counts for that cause and at that node.
     */
    void waitedAtNode(int t, int cause, long seconds) {
        train[t * TRAIN + cause] += seconds;
        trainPosition[t * positions + 2 * trains.leg[t]] += seconds;
    }

    /**
     * Train {@code t}, on a ferry link, waited {@code seconds} for {@code cause} outside the
     * link's loading queue (at anchorage for a berth, loaded at a berth during a hold):
     * counted at route position {@code position} (2 × leg for the port it sails from, + 1 for
     * the link, + 2 for the port it sails to).
     */
    void waitedAt(int t, int cause, long seconds, int position) {
        train[t * TRAIN + cause] += seconds;
        trainPosition[t * positions + position] += seconds;
    }

    private int position(int t, int p) {
        return p < stationCount ? 2 * trains.leg[t] : 2 * trains.leg[t] + 1;
    }

    /**
     * Train {@code t} is delivered now: its parts go into its flow's sums if in the measured
     * window, and its accumulators are cleared for the slot's next train.
     */
    void delivered(int t, long now) {
        int base = t * TRAIN;
        long sum = 0;
        for (int c = 0; c < C; c++) {
            sum += train[base + c];
        }
        if (sum != now - trains.bornAt[t]) {
            unbalanced++;
        }
        int f = trains.flow[t];
        if (now >= warmup) {
            for (int c = 0; c < C; c++) {
                flowCause[f * C + c] += train[base + c];
            }
            int r = trains.route[t];
            int[] nodes = plan.routeNodes[r];
            int[] links = plan.routeLinks[r];
            int pbase = t * positions;
            for (int k = 0; k < nodes.length; k++) {
                flowPlace[f][nodes[k]] += trainPosition[pbase + 2 * k];
                if (k < links.length) {
                    flowPlace[f][plan.nodeCount + links[k]] += trainPosition[pbase + 2 * k + 1];
                }
            }
        }
        Arrays.fill(train, base, base + C, 0);
        // waits were counted at positions up to its destination node, 2 × its final leg
        Arrays.fill(trainPosition, t * positions, t * positions + 2 * trains.leg[t] + 1, 0);
    }

    /** Seconds train {@code t} has so far for {@code cause} (for tests). */
    long trainSeconds(int t, int cause) {
        return train[t * TRAIN + cause];
    }

    /** Trains delivered, whole run, whose parts did not add up to their transit seconds. */
    long unbalancedTrains() {
        return unbalanced;
    }

    /**
     * Flow {@code f}'s mean hours per delivered train by cause, in {@link Causes#NAMES} order;
     * NaN when it delivered nothing.
     */
    Map<String, Double> breakdownHours(int f, long delivered) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < C; c++) {
            if (c == Causes.BERTH && !plan.anyBerths) {
                continue; // a scenario without berths writes what it wrote before they existed
            }
            out.put(Causes.NAMES.get(c), perTrainHours(flowCause[f * C + c], delivered));
        }
        return out;
    }

    /**
     * Flow {@code f}'s mean wait hours per delivered train at each node and link of its routes,
     * in route order; NaN when it delivered nothing.
     */
    Map<String, Double> waitByPlaceHours(int f, long delivered) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int r : plan.flowRoutes[f]) {
            int[] nodes = plan.routeNodes[r];
            int[] links = plan.routeLinks[r];
            for (int k = 0; k < nodes.length; k++) {
                out.putIfAbsent(plan.nodeIds[nodes[k]],
                        perTrainHours(flowPlace[f][nodes[k]], delivered));
                if (k < links.length) {
                    out.putIfAbsent(plan.linkIds[links[k]],
                            perTrainHours(flowPlace[f][plan.nodeCount + links[k]], delivered));
                }
            }
        }
        return out;
    }

    private static double perTrainHours(long seconds, long delivered) {
        return delivered == 0 ? Double.NaN : seconds / (double) delivered / SimTime.HOUR;
    }
}
