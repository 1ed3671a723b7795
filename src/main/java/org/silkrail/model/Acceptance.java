package org.silkrail.model;

/**
 * Back-pressure of one replication: finite yards where trains wait, acceptance bans toward a
 * congested station, and each flow's offered, accepted, refused and held trains.
 *
 * <p><b>Yards.</b> A station with {@code yard: N} keeps N places for trains waiting there or
 * sent toward it. A train done at a node is dispatched onto the next line only if a place is
 * kept for it in the yard at the line's far end ({@link #nextHasRoom}); otherwise it waits where
 * it is — at the node it was processed at, off its servers and off the line — first come first
 * served (highest priority first, where flows differ in priority) with the others waiting for
 * the same yard, and goes when a waiting train there starts
 * processing and frees a place ({@link #settle}). A new train whose origin's yard is full waits
 * the same way at the origin, in the same first-come-first-served order. Invariant: per station,
 * trains waiting there plus trains on their way to it never exceed its yard, so no queue
 * exceeds its yard.
 *
 * <p><b>Why this cannot deadlock, on single track either.</b> A train waiting for a place holds
 * no server, no section of line and no crossing loop: opposing trains pass it. A place frees
 * whenever a waiting train starts processing, and processing never waits for anything
 * downstream (a processed train leaves its server before it asks for the next yard). So every
 * wait for a place ends when the station ahead works off its queue, which it does unless a
 * closure stops it (then the trains wait until the closure ends).
 *
 * <p><b>Acceptance bans.</b> A station with {@code ban: {at: A, lift: L}} is banned from the
 * moment A trains wait there until L or fewer wait (the border's queue, as KTZ's bans followed
 * the queue at Dostyk). While it is banned the railway accepts no new train whose route passes
 * it in its direction: the train is refused (never runs) or held at its origin until no station
 * on its route is banned, by the ban's {@code policy}; held trains go, in order, when the bans
 * on their route lift. Trains already accepted run on, so the queue can pass A by the trains
 * under way; a {@code yard} is what bounds it. A flow
 * that chooses its route ({@link RouteChoice}) avoids banned routes when it can, and its held
 * trains choose again when a ban lifts.
 *
 * <p><b>Counts.</b> Per flow, of the trains offered in the measured window (born at or after
 * the warm-up): accepted (dispatched from the origin), refused, held at least once, and still
 * held at the horizon, so that offered = accepted + refused + held at the end. No allocation per
 * event. Not thread-safe; one per replication.
 */
final class Acceptance {
    static final int GO = 0;
    static final int HELD = 1;
    static final int REFUSED = 2;

    private final Plan plan;
    private final Trains trains;
    private final Replication owner;
    private final long warmup;

    /** Per station: trains waiting there plus trains sent toward it (yards only). */
    private final int[] reserved;
    /**
     * Per station: trains waiting for a place in its yard, in order (by priority level first
     * where flows differ in priority) — at an upstream node, or new at their origin (whose own
     * station it is).
     */
    private final LeveledQueues room;
    private final boolean[] banned;
    private int bansActive;
    /** Per flow: trains held at the origin by a ban, in order. */
    private final IntQueues held;
    private int heldCount;
    private int roomWaiting;

    // per flow, trains offered in the measured window
    private final long[] offered;
    private final long[] accepted;
    private final long[] refused;
    private final long[] everHeld;
    /** Per station: ban episodes begun in the measured window, and banned seconds in it. */
    private final long[] banEpisodes;
    private final long[] bannedSeconds;
    private final long[] bannedSince;

    Acceptance(Plan plan, Trains trains, Replication owner) {
        this.plan = plan;
        this.trains = trains;
        this.owner = owner;
        this.warmup = plan.warmupSeconds;
        int stations = plan.stationCount;
        reserved = new int[stations];
        room = new LeveledQueues(stations, plan.priorities.levels, 64);
        banned = new boolean[stations];
        held = new IntQueues(plan.flowCount, 64);
        offered = new long[plan.flowCount];
        accepted = new long[plan.flowCount];
        refused = new long[plan.flowCount];
        everHeld = new long[plan.flowCount];
        banEpisodes = new long[stations];
        bannedSeconds = new long[stations];
        bannedSince = new long[stations];
    }

    /**
     * New train {@code t} is offered at its origin: {@link #GO} (accepted), {@link #HELD} (kept
     * at the origin by a ban; {@link #settle} lets it go) or {@link #REFUSED} (the caller
     * releases it).
     */
    int offer(int t, long now) {
        int f = trains.flow[t];
        boolean measured = now >= warmup;
        if (measured) {
            offered[f]++;
        }
        int verdict = bansActive == 0 ? GO : verdict(t);
        if (verdict == GO) {
            if (measured) {
                accepted[f]++;
            }
        } else if (verdict == REFUSED) {
            if (measured) {
                refused[f]++;
            }
        } else {
            if (measured) {
                everHeld[f]++;
            }
            trains.since[t] = now;
            held.add(f, t);
            heldCount++;
        }
        return verdict;
    }

    /** Whether train {@code t}'s route passes a banned station: how it is then turned away. */
    private int verdict(int t) {
        int[] bans = plan.routeBanStations[trains.route[t] * Plan.DIRECTIONS
                + plan.flowDirection[trains.flow[t]]];
        int verdict = GO;
        for (int st : bans) {
            if (banned[st]) {
                if (plan.stationBanRefuses[st]) {
                    return REFUSED;
                }
                verdict = HELD;
            }
        }
        return verdict;
    }

    /** Whether route {@code r} of a train of direction {@code d} passes a banned station now. */
    boolean routeBanned(int r, int d) {
        if (bansActive == 0) {
            return false;
        }
        for (int st : plan.routeBanStations[r * Plan.DIRECTIONS + d]) {
            if (banned[st]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Accepted train {@code t}, at its origin, may join the origin's queue: true, a place taken
     * if the origin has a yard; false if the yard is full (the train waits for a place).
     */
    boolean originHasRoom(int t, long now) {
        return hasRoom(t, trains.leg[t], now);
    }

    /**
     * Train {@code t}, done at its current node, may be dispatched toward the next one: true, a
     * place taken if that node's station has a yard; false if the yard is full (the train waits
     * at its current node for a place).
     */
    boolean nextHasRoom(int t, long now) {
        return hasRoom(t, trains.leg[t] + 1, now);
    }

    /**
     * A place for train {@code t} in the yard of its station at node {@code leg} of its route:
     * true, taken (or no yard there); false, the train queued for one.
     */
    private boolean hasRoom(int t, int leg, long now) {
        int st = stationAt(t, leg);
        if (st < 0 || plan.stationYardTrains[st] == 0) {
            return true;
        }
        if (reserved[st] < plan.stationYardTrains[st] && room.isEmpty(st)) {
            reserved[st]++;
            return true;
        }
        trains.since[t] = now;
        room.add(st, plan.priorities.flowLevel[trains.flow[t]], t);
        roomWaiting++;
        return false;
    }

    /** The station of train {@code t} at node {@code leg} of its route, or -1. */
    private int stationAt(int t, int leg) {
        int n = plan.routeNodes[trains.route[t]][leg];
        return plan.nodeStations[n][plan.flowDirection[trains.flow[t]]];
    }

    /** A train joined station {@code st}'s queue, now {@code waiting} long: a ban may start. */
    void queued(int st, int waiting, long now) {
        if (plan.stationBanAt[st] > 0 && !banned[st] && waiting >= plan.stationBanAt[st]) {
            banned[st] = true;
            bansActive++;
            bannedSince[st] = now;
            if (now >= warmup) {
                banEpisodes[st]++;
            }
        }
    }

    /** A train left station {@code st}'s queue for processing: its yard place is free. */
    void leftQueue(int st) {
        if (plan.stationYardTrains[st] > 0) {
            reserved[st]--;
        }
    }

    /**
     * Station {@code st} has started what it can: trains waiting for a place in its yard go,
     * and a ban that has done its work lifts (its held trains go). Call after the station's
     * dispatch loop, not inside it: a train let go may join this station's queue.
     */
    void settle(int st, long now) {
        int yard = plan.stationYardTrains[st];
        if (yard > 0) {
            while (reserved[st] < yard && !room.isEmpty(st)) {
                int t = room.poll(st);
                roomWaiting--;
                reserved[st]++;
                owner.roomFound(t, trains.since[t], now);
                if (stationAt(t, trains.leg[t]) == st) {
                    owner.arriveAtOrigin(t, now); // a new train, at its origin
                } else {
                    owner.enterNextLink(t, now);
                }
            }
        }
        if (banned[st] && owner.stations.queue(st).queueLength() <= plan.stationBanLift[st]) {
            banned[st] = false;
            bansActive--;
            bannedSeconds[st] += Math.max(0, now - Math.max(warmup, bannedSince[st]));
            releaseHeld(now);
        }
    }

    /**
     * Lets every held train go whose route (as its flow now chooses it) is open, in order: flow
     * by flow, the flows of the highest priority first.
     */
    private void releaseHeld(long now) {
        int[] order = plan.priorities.flowsByLevel;
        for (int i = 0; i < order.length && heldCount > 0; i++) {
            int f = order[i];
            while (!held.isEmpty(f)) {
                int t = held.peek(f);
                if (!owner.reroute(t, now) && routeBanned(trains.route[t],
                        plan.flowDirection[f])) {
                    break;
                }
                held.poll(f);
                heldCount--;
                if (trains.bornAt[t] >= warmup) {
                    accepted[f]++;
                }
                owner.banLifted(t, trains.since[t], now);
                owner.departOrigin(t, now);
            }
        }
    }

    /** Trains held at their origin or waiting for a yard place, now (for the census). */
    long trainsWaiting() {
        return heldCount + roomWaiting;
    }

    long offered(int f) {
        return offered[f];
    }

    long accepted(int f) {
        return accepted[f];
    }

    long refused(int f) {
        return refused[f];
    }

    long everHeld(int f) {
        return everHeld[f];
    }

    /** Flow {@code f}'s trains offered in the measured window and still held now. */
    long heldNow(int f) {
        long count = 0;
        for (int t = held.peek(f); t != IntQueues.NONE; t = held.next(t)) {
            if (trains.bornAt[t] >= warmup) {
                count++;
            }
        }
        return count;
    }

    /** Ban episodes of station {@code st} begun in the measured window. */
    long banEpisodes(int st) {
        return banEpisodes[st];
    }

    /** Seconds station {@code st} was banned in the measured window, up to {@code now}. */
    long bannedSeconds(int st, long now) {
        long open = banned[st] ? Math.max(0, now - Math.max(warmup, bannedSince[st])) : 0;
        return bannedSeconds[st] + open;
    }

    /** Whether station {@code st} is banned now. */
    boolean banned(int st) {
        return banned[st];
    }

    /** Trains waiting at station {@code st} plus trains on their way to it (yards only). */
    int reserved(int st) {
        return reserved[st];
    }
}
