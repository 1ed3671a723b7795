package org.silkrail.model;

import java.util.Arrays;
import org.silkrail.engine.Simulation;
import org.silkrail.engine.SimTime;

/**
 * Dispatching of trains over rail lines: running time, the headway that a line's capacity
 * imposes, and the meeting of opposing trains on single track.
 *
 * <p><b>Double track</b> ({@code tracks >= 2}): each direction is its own track. Trains enter in
 * request order, at least {@code 86400 / capacity} seconds after the previous entry in the same
 * direction (capacity in trains per day per direction; a closure multiplies it, factor 0 lets no
 * train enter), and run for {@code km / speed}. Trains on one track never overtake.
 *
 * <p><b>Single track</b> ({@code tracks: 1}) with {@code s} sidings: the crossing loops split the
 * line into {@code s + 1} sections of equal running time. Rules:
 * <ol>
 *   <li>at most one train is in a section;</li>
 *   <li>each loop has one place per direction; the line's ends have unlimited room;</li>
 *   <li>a train may enter a section only if the section is free and the place for its direction
 *       at the section's far end is free; entering reserves that place, leaving a loop frees the
 *       place the train held there;</li>
 *   <li>waiting trains are considered in request order, and every request that rules 1–3 allow
 *       is granted (a request that cannot go does not block later ones).</li>
 * </ol>
 * <b>Priorities</b> ({@link FlowSpec#priority()}): where flows differ in priority, "request
 * order" is by priority level first, then by request: the entry queue of each end and
 * direction serves a higher level first, and on single track the waiting list (trains at the
 * ends and in loops) is examined highest level first, so of two trains wanting the same
 * section or loop place the higher priority gets it. Non-preemptive: a train that has entered
 * the line or a section is never stopped for a higher one. Rule 4 and the argument below do not
 * depend on the order in which requests are examined, so priorities cannot deadlock either.
 * The headway and closures of the double-track case gate entry from the line's ends only:
 * trains already on the line are never stopped.
 *
 * <p><b>Why single track cannot deadlock, at any load.</b> A train inside a section always
 * holds the place at its far end, so it reaches that place in finite time and frees the
 * section. A waiting train is blocked either (a) by its section, held by such a moving train —
 * a finite wait — or (b) by the place for its direction at the far end, held by a train of the
 * same direction that is further along: that one is moving (finite), or waiting in turn, and
 * the chain of waits only ever goes further along the same direction, so it is finite and ends
 * at a moving train or at a train whose own far end is the line's end, which always has room.
 * Opposing trains never wait for each other's places, only for sections, which are released in
 * finite time. Hence if no train on the line is moving, the waiting train furthest along in
 * either direction can go, and since every change of a section or a place re-examines the
 * waiting requests (rule 4), it is granted at once. So while any train waits, some train moves:
 * no set of trains can block each other for ever. Strict first-come-first-served per section
 * would break this (a request waiting for a place can block a request that would free it), which
 * is why rule 4 skips requests that cannot go.
 *
 * <p>Cost: O(1) per event for double track. Single track re-examines the link's waiting
 * requests on every change, but only the first entry request of each direction takes part (if
 * it cannot go, no later one in its direction can: same section, same far place, same headway),
 * so the list examined holds at most {@code 2 × sidings + 2} trains however long the queues at
 * the line's ends grow. No allocation per event.
 *
 * <p>A train's wait on a rail link (for the headway, a closure, a section or a meeting) ends
 * in {@link #exit}, which reports it as the time on the link beyond the running time. Its
 * attribution to causes ({@link Delays}) is reported where each waiting stretch ends: the
 * grant of an entry or a section.
 */
final class RailLines implements LinkModel {
    private final Plan plan;
    private final Simulation sim;
    private final Trains trains;
    private final Replication owner;
    private final Measurements measurements;
    private final Delays delays;
    private final long warmup;

    /** Closure factor per link; 1 when open. */
    private final double[] factor;
    /** Per link: {@link #headway} under the current factor, kept so entries need no division. */
    private final long[] headwayNowSeconds;

    // per link * 2 + direction
    private final long[] lastEntry;
    private final long[] retryAt;
    /**
     * Entry requests not yet taking part in dispatch, per link * 2 + direction, by priority
     * level and in order within a level.
     */
    private final LeveledQueues entryQueue;
    /** Whether flows differ in priority: waiting requests are then ordered by level first. */
    private final boolean prioritized;
    private final long[] entries;

    // single track
    private final int[] sectionTrain;
    private final int[] loopBase;
    private final int[] loopPlace;
    private final int[] waitHead;
    private final int[] waitTail;
    /** Per link * 2 + dir: the entry request taking part in the waiting list, or NONE. */
    private final int[] entryCandidate;
    private long nextTicket;
    /**
     * Per link: sections occupied now (single track). Their time integral, for
     * {@link #utilization} and the daily capacity consumption, is kept by {@link Occupation}.
     */
    private final int[] sectionsInUse;

    private final int[] onLink;
    private final Occupation occupation;

    RailLines(Plan plan, Simulation sim, Trains trains, Replication owner,
            Measurements measurements, Delays delays) {
        this.plan = plan;
        this.sim = sim;
        this.trains = trains;
        this.owner = owner;
        this.measurements = measurements;
        this.delays = delays;
        this.warmup = plan.warmupSeconds;
        int links = plan.linkCount;
        factor = new double[links];
        Arrays.fill(factor, 1.0);
        headwayNowSeconds = new long[links];
        for (int l = 0; l < links; l++) {
            headwayNowSeconds[l] = headway(l);
        }
        lastEntry = new long[links * 2];
        Arrays.fill(lastEntry, Long.MIN_VALUE / 4);
        retryAt = new long[links * 2];
        Arrays.fill(retryAt, Long.MAX_VALUE);
        prioritized = plan.priorities.prioritized();
        entryQueue = new LeveledQueues(links * 2, plan.priorities.levels, 256);
        entries = new long[links * 2];
        sectionTrain = new int[plan.sectionTotal];
        Arrays.fill(sectionTrain, Trains.NONE);
        loopBase = new int[links];
        int loops = 0;
        for (int l = 0; l < links; l++) {
            loopBase[l] = loops;
            if (plan.linkSingleTrack[l]) {
                loops += plan.sectionCount[l] - 1;
            }
        }
        loopPlace = new int[loops * 2];
        Arrays.fill(loopPlace, Trains.NONE);
        waitHead = new int[links];
        waitTail = new int[links];
        Arrays.fill(waitHead, Trains.NONE);
        Arrays.fill(waitTail, Trains.NONE);
        entryCandidate = new int[links * 2];
        Arrays.fill(entryCandidate, Trains.NONE);
        sectionsInUse = new int[links];
        onLink = new int[links];
        occupation = new Occupation(plan);
    }

    @Override
    public void enter(int t, int l, int dir, long now) {
        trains.since[t] = now;
        trains.place[t] = -1;
        onLink[l]++;
        delays.waitBegins(t, delays.link(l), now);
        int k = l * 2 + dir;
        int level = level(t);
        if (plan.linkSingleTrack[l]) {
            trains.ticket[t] = nextTicket++;
            int candidate = entryCandidate[k];
            if (candidate == Trains.NONE) {
                entryCandidate[k] = t;
                addWaiting(l, t);
            } else if (prioritized && level < level(candidate)) {
                // a higher priority takes part in dispatch in place of the waiting candidate,
                // which goes back to the head of its level (non-preemptive: it had not entered)
                removeWaiting(l, candidate);
                entryQueue.push(k, level(candidate), candidate);
                entryCandidate[k] = t;
                addWaiting(l, t);
            } else {
                entryQueue.add(k, level, t);
            }
            dispatchSingle(l, now);
        } else {
            entryQueue.add(k, level, t);
            dispatchDouble(l, dir, now);
        }
    }

    /** A RAIL_RETRY event: the headway of {@code link * 2 + dir} has passed. */
    void onRetry(int key, long now) {
        if (retryAt[key] <= now) {
            retryAt[key] = Long.MAX_VALUE;
        }
        int l = key >> 1;
        if (plan.linkSingleTrack[l]) {
            dispatchSingle(l, now);
        } else {
            dispatchDouble(l, key & 1, now);
        }
    }

    /** A RAIL_SECTION_END event: train {@code t} reached the end of its section or line. */
    void onSectionEnd(int t, long now) {
        int r = trains.route[t];
        int leg = trains.leg[t];
        int l = plan.routeLinks[r][leg];
        if (!plan.linkSingleTrack[l]) {
            exit(t, l, now);
            return;
        }
        int dir = plan.routeDirs[r][leg];
        int section = trains.place[t];
        int last = plan.sectionCount[l] - 1;
        sectionTrain[plan.sectionBase[l] + section] = Trains.NONE;
        occupation.sectionsInUse(l, --sectionsInUse[l], now);
        boolean atLineEnd = dir == 0 ? section == last : section == 0;
        if (atLineEnd) {
            exit(t, l, now);
        } else {
            // the train is now in the loop place it reserved on entering the section
            trains.place[t] = dir == 0 ? section : section - 1;
            trains.ticket[t] = nextTicket++;
            delays.waitBegins(t, delays.link(l), now);
            addWaiting(l, t);
        }
        dispatchSingle(l, now);
    }

    /** Sets a link's closure factor and lets trains in if it rose. */
    @Override
    public void setFactor(int l, double newFactor, long now) {
        factor[l] = newFactor;
        headwayNowSeconds[l] = headway(l);
        delays.state(delays.link(l), newFactor < 1 ? Causes.CLOSURE : Causes.HEADWAY, now);
        if (plan.linkSingleTrack[l]) {
            dispatchSingle(l, now);
        } else {
            dispatchDouble(l, 0, now);
            dispatchDouble(l, 1, now);
        }
    }

    private void exit(int t, int l, long now) {
        onLink[l]--;
        measurements.linkWaitEnded(t, l, now - trains.since[t] - plan.linkRunSeconds[l], now);
        owner.leaveLink(t, now);
    }

    /**
     * Seconds between entries in one direction under the current factor, 0 for no limit;
     * -1 when the link is closed.
     */
    private long headway(int l) {
        double f = factor[l];
        if (f <= 0) {
            return -1;
        }
        double capacity = plan.linkCapacityPerDay[l];
        if (capacity <= 0) {
            return 0;
        }
        return Math.round(SimTime.DAY / (capacity * f));
    }

    /**
     * Whether an entry in {@code dir} may happen now; schedules a retry for when the headway
     * will allow it. Closed links are reopened by {@link #setFactor}.
     */
    private boolean entryAllowed(int l, int dir, long now) {
        long h = headwayNowSeconds[l];
        if (h < 0) {
            return false;
        }
        int k = l * 2 + dir;
        long allowedAt = lastEntry[k] + h;
        if (now >= allowedAt) {
            return true;
        }
        if (allowedAt < retryAt[k]) {
            retryAt[k] = allowedAt;
            sim.schedule(allowedAt, Replication.RAIL_RETRY, k);
        }
        return false;
    }

    private void recordEntry(int l, int dir, long now) {
        int k = l * 2 + dir;
        lastEntry[k] = now;
        if (now >= warmup) {
            entries[k]++;
        }
        occupation.entered(l, dir, now);
    }

    private void dispatchDouble(int l, int dir, long now) {
        int k = l * 2 + dir;
        while (!entryQueue.isEmpty(k) && entryAllowed(l, dir, now)) {
            int t = entryQueue.poll(k);
            recordEntry(l, dir, now);
            // the train's wait to enter (headway, or a closure) ends here
            delays.waitEnds(t, delays.link(l), now);
            sim.schedule(now + plan.linkRunSeconds[l], Replication.RAIL_SECTION_END, t);
        }
    }

    /** Train {@code t}'s priority level, 0 the highest. */
    private int level(int t) {
        return plan.priorities.flowLevel[trains.flow[t]];
    }

    /**
     * Adds a new request of train {@code t} to the waiting list, which is ordered by request
     * (ticket) or, when flows differ in priority, by level and then by request.
     */
    private void addWaiting(int l, int t) {
        if (prioritized) {
            insertWaiting(l, t);
        } else {
            appendWaiting(l, t);
        }
    }

    /** Whether request {@code a} comes after request {@code b} in the waiting list. */
    private boolean servedAfter(int a, int b) {
        if (prioritized) {
            int la = level(a);
            int lb = level(b);
            if (la != lb) {
                return la > lb;
            }
        }
        return trains.ticket[a] > trains.ticket[b];
    }

    private void appendWaiting(int l, int t) {
        trains.next[t] = Trains.NONE;
        trains.prev[t] = waitTail[l];
        if (waitTail[l] == Trains.NONE) {
            waitHead[l] = t;
        } else {
            trains.next[waitTail[l]] = t;
        }
        waitTail[l] = t;
    }

    /** Inserts {@code t} into the waiting list in its order ({@link #servedAfter}). */
    private void insertWaiting(int l, int t) {
        int after = waitTail[l];
        while (after != Trains.NONE && servedAfter(after, t)) {
            after = trains.prev[after];
        }
        int before = after == Trains.NONE ? waitHead[l] : trains.next[after];
        trains.prev[t] = after;
        trains.next[t] = before;
        if (after == Trains.NONE) {
            waitHead[l] = t;
        } else {
            trains.next[after] = t;
        }
        if (before == Trains.NONE) {
            waitTail[l] = t;
        } else {
            trains.prev[before] = t;
        }
    }

    private void removeWaiting(int l, int t) {
        int p = trains.prev[t];
        int n = trains.next[t];
        if (p == Trains.NONE) {
            waitHead[l] = n;
        } else {
            trains.next[p] = n;
        }
        if (n == Trains.NONE) {
            waitTail[l] = p;
        } else {
            trains.prev[n] = p;
        }
    }

    /**
     * Grants, in request order (by priority level first when flows differ in priority), every
     * waiting request that the single-track rules allow.
     */
    private void dispatchSingle(int l, long now) {
        boolean granted;
        do {
            granted = false;
            int t = waitHead[l];
            while (t != Trains.NONE) {
                int following = trains.next[t];
                if (tryGrant(l, t, now)) {
                    granted = true;
                }
                t = following;
            }
        } while (granted);
    }

    private boolean tryGrant(int l, int t, long now) {
        int leg = trains.leg[t];
        int dir = plan.routeDirs[trains.route[t]][leg];
        int at = trains.place[t];
        int last = plan.sectionCount[l] - 1;
        int section;
        if (at < 0) {
            section = dir == 0 ? 0 : last;
        } else {
            section = dir == 0 ? at + 1 : at;
        }
        int sectionSlot = plan.sectionBase[l] + section;
        if (sectionTrain[sectionSlot] != Trains.NONE) {
            return false;
        }
        // the place at the section's far end, or -1 for the line's end
        int farLoop = dir == 0 ? (section == last ? -1 : section) : section - 1;
        int farSlot = farLoop < 0 ? -1 : (loopBase[l] + farLoop) * 2 + dir;
        if (farSlot >= 0 && loopPlace[farSlot] != Trains.NONE) {
            return false;
        }
        // of the wait ending now, what the headway alone imposed; the rest was for other trains
        long headwaySeconds = 0;
        if (at < 0) {
            if (!entryAllowed(l, dir, now)) {
                return false;
            }
            headwaySeconds = lastEntry[l * 2 + dir] + headwayNowSeconds[l] - delays.waitFrom(t);
            recordEntry(l, dir, now);
            removeWaiting(l, t);
            // the next entry request of this direction takes part from now on
            int k = l * 2 + dir;
            entryCandidate[k] = entryQueue.poll(k);
            if (entryCandidate[k] != Trains.NONE) {
                insertWaiting(l, entryCandidate[k]);
            }
        } else {
            loopPlace[(loopBase[l] + at) * 2 + dir] = Trains.NONE;
            removeWaiting(l, t);
        }
        sectionTrain[sectionSlot] = t;
        occupation.sectionsInUse(l, ++sectionsInUse[l], now);
        if (farSlot >= 0) {
            loopPlace[farSlot] = t;
        }
        trains.place[t] = section;
        // the train's wait at the line's end or in a loop ends here
        delays.waitEnds(t, delays.link(l), now, headwaySeconds);
        sim.schedule(now + plan.sectionRunSeconds[sectionSlot], Replication.RAIL_SECTION_END, t);
        return true;
    }

    /** Storms do not stop trains on rail lines. */
    @Override
    public void stormBegins(int l, long now) {
    }

    @Override
    public void stormEnds(int l, long now) {
    }

    /** Trains that entered the link after the warm-up, both directions. */
    @Override
    public long trains(int l) {
        return entries[l * 2] + entries[l * 2 + 1];
    }

    /**
     * Share of capacity used: for single track, the mean share of sections occupied; for
     * double track with a capacity, entries in the busier direction over capacity × days;
     * 0 for a double-track link without a capacity limit.
     */
    @Override
    public double utilization(int l, long end) {
        if (plan.linkSingleTrack[l]) {
            long window = end - warmup;
            if (window <= 0) {
                return Double.NaN;
            }
            // exact whole seconds, so the same double as a time-weighted mean of the count
            return (double) occupation.occupiedSectionSeconds(l, end) / window
                    / plan.sectionCount[l];
        }
        double capacity = plan.linkCapacityPerDay[l];
        if (capacity <= 0) {
            return 0;
        }
        double days = (end - warmup) / (double) SimTime.DAY;
        return Math.max(entries[l * 2], entries[l * 2 + 1]) / (capacity * days);
    }

    /** Rail lines keep no period series. */
    @Override
    public double[] utilizationByPeriod(int l) {
        return null;
    }

    @Override
    public int onLink(int l) {
        return onLink[l];
    }

    @Override
    public double[] capacityConsumptionByDay(int l, long end) {
        return occupation.daily(l, end);
    }
}
