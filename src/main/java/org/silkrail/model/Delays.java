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
 * the place sets its state ({@link #state}) whenever it may change; {@link PlaceStates} keeps
 * each place's states over time. A wait of {@code w} seconds, from {@link #waitBegins} to
 * {@link #waitEnds}, is split into the seconds the place spent in each state meanwhile, parts
 * that add up to exactly {@code w}: every train waiting at a place while it is closed waits for
 * the closure, whatever its place in the queue. On single track the part of a wait that is not
 * a closure is split further by the caller into headway and {@link Causes#OPPOSING_TRAIN}.
 *
 * <p>Invariant, counted at delivery ({@link #unbalancedTrains}, 0 unless a bug): a train's
 * running, processing and wait seconds add up to its transit seconds exactly. Cost per wait:
 * a comparison for a wait that takes no time (most of them); else O(1) unless the place's
 * state changed during it (rare: closures, storms, quota holds; then {@link PlaceStates#split}).
 * A train's waits at one position of its route are summed apart and written to its
 * per-position table once, when it waits elsewhere. No allocation per event (the per-train
 * tables grow by doubling with the train table, as {@link Trains} does). Not thread-safe; one
 * per replication.
 */
final class Delays {
    private static final int C = Causes.COUNT;

    private final Plan plan;
    private final Trains trains;
    private final long warmup;
    private final int stationCount;
    private final int nodeCount;
    /** Places in a flow's table: nodes, then links. */
    private final int flowPlaces;
    private final PlaceStates places;
    /** Route positions: node at leg k is 2k, link at leg k is 2k + 1. */
    private final int positions;
    /**
     * Per route, per position: its index in a flow's place table (node n is n, link l is
     * {@code nodeCount + l}).
     */
    private final int[][] routePlace;
    /**
     * Per route: the seconds its trains run on rail, the sum of its rail links' running times
     * (a single-track line's sections add up to its running time). Running on rail does not
     * vary between trains, so it is counted once at delivery instead of at every section.
     */
    private final long[] routeRailRunSeconds;

    // per train slot (the baseline uses about 400 slots), grown by doubling as Trains is
    private int slots;
    /**
     * Per slot × cause: the train's seconds for that cause so far; a train's causes side by
     * side (96 bytes), so that summing them at delivery reads two cache lines, not twelve.
     */
    private long[] causeSeconds;
    /** Per slot: when the train's current wait began, or its last wait ended, seconds. */
    private long[] waitFrom;
    /**
     * Per slot: the route position the train last waited at, and its wait seconds there not
     * yet in {@link #trainPosition}.
     */
    private int[] lastPosition;
    private long[] lastPositionSeconds;
    /** Per slot × {@link #positions}: wait seconds per route position, up to its last one. */
    private long[] trainPosition;

    /** Trains delivered whose parts did not add up to their transit; 0 unless a bug. */
    private long unbalanced;

    // per flow, measured window
    private final long[] flowCause;
    /** Per flow × (nodes + links): wait seconds per place. */
    private final long[] flowPlace;

    Delays(Plan plan, Trains trains) {
        this.plan = plan;
        this.trains = trains;
        this.warmup = plan.warmupSeconds;
        this.stationCount = plan.stationCount;
        this.nodeCount = plan.nodeCount;
        this.flowPlaces = plan.nodeCount + plan.linkCount;
        int maxLinks = 0;
        routePlace = new int[plan.routeCount][];
        routeRailRunSeconds = new long[plan.routeCount];
        for (int r = 0; r < plan.routeCount; r++) {
            int[] nodes = plan.routeNodes[r];
            int[] links = plan.routeLinks[r];
            maxLinks = Math.max(maxLinks, links.length);
            routePlace[r] = new int[nodes.length + links.length];
            for (int k = 0; k < nodes.length; k++) {
                routePlace[r][2 * k] = nodes[k];
                if (k < links.length) {
                    routePlace[r][2 * k + 1] = plan.nodeCount + links[k];
                    if (!plan.linkFerry[links[k]]) {
                        routeRailRunSeconds[r] += plan.linkRunSeconds[links[k]];
                    }
                }
            }
        }
        positions = 2 * maxLinks + 1;
        int[] first = new int[plan.stationCount + plan.linkCount];
        for (int st = 0; st < plan.stationCount; st++) {
            first[st] = Causes.SERVER_QUEUE;
        }
        for (int l = 0; l < plan.linkCount; l++) {
            first[plan.stationCount + l] = plan.linkFerry[l] ? Causes.FERRY_LOAD : Causes.HEADWAY;
        }
        places = new PlaceStates(first);
        allocate(256);
        flowCause = new long[plan.flowCount * C];
        flowPlace = new long[plan.flowCount * flowPlaces];
    }

    private void allocate(int newSlots) {
        causeSeconds = grown(causeSeconds, newSlots * C);
        waitFrom = grown(waitFrom, newSlots);
        lastPositionSeconds = grown(lastPositionSeconds, newSlots);
        lastPosition = lastPosition == null ? new int[newSlots]
                : Arrays.copyOf(lastPosition, newSlots);
        trainPosition = grown(trainPosition, newSlots * positions);
        slots = newSlots;
    }

    private static long[] grown(long[] array, int length) {
        return array == null ? new long[length] : Arrays.copyOf(array, length);
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
        if (t >= slots) {
            allocate(Math.max(t + 1, slots << 1));
        }
    }

    /** Place {@code p} is in wait state {@code cause} from {@code now} on (a no-op if it was). */
    void state(int p, int cause, long now) {
        places.set(p, cause, now);
    }

    /**
     * Train {@code t} begins to wait at place {@code p} now. Nothing of the place is read: the
     * split at {@link #waitEnds} needs only when the wait began.
     */
    void waitBegins(int t, int p, long now) {
        waitFrom[t] = now;
    }

    /** When train {@code t}'s current wait began, or its last wait ended, seconds. */
    long waitFrom(int t) {
        return waitFrom[t];
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
        long from = waitFrom[t];
        long seconds = now - from;
        if (seconds != 0) {
            // most waits (85 % in the baseline: a single-track train granted its next section
            // when it reaches a loop) take no time and have nothing to count
            waited(t, p, from, now, headwaySeconds);
            waitFrom[t] = now;
        }
        return seconds;
    }

    /** The split of a wait of train {@code t} at place {@code p} over {@code [from, now]}. */
    private void waited(int t, int p, long from, long now, long headwaySeconds) {
        long seconds = now - from;
        if (places.unchangedSince(p, from)) {
            // one state all along: the whole wait is its cause
            int cause = places.state(p);
            if (cause == Causes.HEADWAY && seconds > headwaySeconds) {
                long moved = seconds - Math.max(0, headwaySeconds);
                causeSeconds[t * C + Causes.HEADWAY] += seconds - moved;
                causeSeconds[t * C + Causes.OPPOSING_TRAIN] += moved;
            } else {
                causeSeconds[t * C + cause] += seconds;
            }
        } else {
            long headway = places.split(p, from, now, causeSeconds, t * C, 1);
            if (headway > headwaySeconds) {
                long moved = headway - Math.max(0, headwaySeconds);
                causeSeconds[t * C + Causes.HEADWAY] -= moved;
                causeSeconds[t * C + Causes.OPPOSING_TRAIN] += moved;
            }
        }
        int leg2 = 2 * trains.leg[t];
        waitedAtPosition(t, p < stationCount ? leg2 : leg2 + 1, seconds);
    }

    /**
     * Counts {@code seconds} of train {@code t}'s waits at route position {@code position}: in
     * {@link #lastPositionSeconds} while it stays there, in {@link #trainPosition} once it
     * waits elsewhere.
     */
    private void waitedAtPosition(int t, int position, long seconds) {
        int last = lastPosition[t];
        if (last == position) {
            lastPositionSeconds[t] += seconds;
        } else {
            trainPosition[t * positions + last] += lastPositionSeconds[t];
            lastPosition[t] = position;
            lastPositionSeconds[t] = seconds;
        }
    }

    /**
     * {@code seconds} of processing, or of running other than on rail (sailing), for train
     * {@code t} ({@link Causes}); running on rail is counted at delivery.
     */
    void add(int t, int cause, long seconds) {
        causeSeconds[t * C + cause] += seconds;
    }

    /**
     * Train {@code t} waited {@code seconds} at its current node outside any station's queue,
     * for {@code cause} (a wagon set or locomotive, {@link Causes#ROLLING_STOCK}): the wait
     * counts for that cause and at that node.
     */
    void waitedAtNode(int t, int cause, long seconds) {
        causeSeconds[t * C + cause] += seconds;
        waitedAtPosition(t, 2 * trains.leg[t], seconds);
    }

    /**
     * Train {@code t}, on a ferry link, waited {@code seconds} for {@code cause} outside the
     * link's loading queue (at anchorage for a berth, loaded at a berth during a hold):
     * counted at route position {@code position} (2 × leg for the port it sails from, + 1 for
     * the link, + 2 for the port it sails to).
     */
    void waitedAt(int t, int cause, long seconds, int position) {
        causeSeconds[t * C + cause] += seconds;
        waitedAtPosition(t, position, seconds);
    }

    /**
     * Train {@code t} is delivered now: its parts go into its flow's sums if in the measured
     * window, and its accumulators are cleared for the slot's next train.
     */
    void delivered(int t, long now) {
        int r = trains.route[t];
        int cbase = t * C;
        causeSeconds[cbase + Causes.RUNNING] += routeRailRunSeconds[r];
        long sum = 0;
        for (int c = 0; c < C; c++) {
            sum += causeSeconds[cbase + c];
        }
        if (sum != now - trains.bornAt[t]) {
            unbalanced++;
        }
        int pbase = t * positions;
        trainPosition[pbase + lastPosition[t]] += lastPositionSeconds[t];
        // waits were counted at positions up to its destination node, 2 × its final leg
        int reached = 2 * trains.leg[t] + 1;
        if (now >= warmup) {
            int f = trains.flow[t];
            for (int c = 0; c < C; c++) {
                flowCause[f * C + c] += causeSeconds[cbase + c];
            }
            int[] placeAt = routePlace[r];
            int fbase = f * flowPlaces;
            for (int k = 0; k < reached; k++) {
                flowPlace[fbase + placeAt[k]] += trainPosition[pbase + k];
            }
        }
        Arrays.fill(causeSeconds, cbase, cbase + C, 0);
        lastPosition[t] = 0;
        lastPositionSeconds[t] = 0;
        Arrays.fill(trainPosition, pbase, pbase + reached, 0);
    }

    /** Seconds train {@code t} has so far for {@code cause} (for tests). */
    long trainSeconds(int t, int cause) {
        return causeSeconds[t * C + cause];
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
            int[] placeAt = routePlace[r];
            for (int k = 0; k < placeAt.length; k++) {
                int place = placeAt[k];
                String id = place < nodeCount ? plan.nodeIds[place] : plan.linkIds[place - nodeCount];
                out.putIfAbsent(id, perTrainHours(flowPlace[f * flowPlaces + place], delivered));
            }
        }
        return out;
    }

    private static double perTrainHours(long seconds, long delivered) {
        return delivered == 0 ? Double.NaN : seconds / (double) delivered / SimTime.HOUR;
    }
}
