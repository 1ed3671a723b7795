package org.silkrail.model;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sampler;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;

/**
 * Ferry links (the Caspian crossings Aktau/Kuryk ↔ Alat): trains are split into wagons at the
 * port, the wagons cross on vessels, and each train re-forms on the far side once all its
 * wagons have landed.
 *
 * <p><b>Cargo units.</b> A rail ferry ({@code wagons:}) carries wagons: a train of {@code teu}
 * TEU (loaded and empty) has {@code ceil(teu / 2)} wagons, one 40-ft container (2 TEU) per flat
 * wagon (assumption). A container feeder ({@code teu:}) carries containers: the train is
 * unloaded at the port (its node processing), its TEU cross, and a train is formed again on the
 * far side when all have landed; its places are TEU (a train's TEU may split between vessels).
 * Below, "wagons" means the link's unit.
 *
 * <p><b>Berths.</b> At a port without {@code berths} loading and unloading take no time (port
 * handling is then the port node's processing). At a port with berths ({@link PortBerths}) a
 * vessel that sails with cargo first holds a berth for a loading call, and one that arrives
 * with cargo waits at anchorage for a berth and holds it for an unloading call; its wagons land
 * when the call ends. Empty vessels need no berth. A vessel loaded while a hold is on stays at
 * its berth until the hold lifts. For a train, the time from the moment the vessel with its last
 * wagons leaves the loading queue until its last wagons land is split, along the timeline of the
 * vessel that lands them, into {@link Causes#BERTH} (anchorage at either end),
 * {@link Causes#PROCESSING} (the calls), the hold ({@link Causes#STORM} or
 * {@link Causes#CLOSURE}) and {@link Causes#RUNNING} (sailing); anchorage counts at the port
 * where it happens.
 *
 * <p><b>Rules.</b> Each port keeps its waiting wagons in train order (FIFO; by priority level
 * first where flows differ in priority, a train partly aboard keeping its turn) and its vessels in
 * arrival order; the first vessel in port is the one loading. It boards waiting wagons up to its
 * {@code wagons} places and sails when {@code ceil(fill × places)} are taken, or
 * {@code maxWait} after its first wagon boarded, whichever comes first. It sails for a time drawn
 * from the link's sailing distribution, lands its wagons on the far side and then serves the
 * other direction from there. Empty vessels move to where they are needed: a port with no
 * vessel and more waiting wagons than the vessels on their way there can take calls one from
 * the other port; a port with no wagons waiting sends spare vessels (never its loading one)
 * to the other port while it has at least two more present than the other has present and on
 * their way. Vessels start split between
 * the ports, the odd one at the {@code from} end.
 *
 * <p><b>Holds.</b> While a storm covers the link, or a closure has cut the vessels allowed at sea
 * to fewer than are sailing (factor 0: none), a vessel due to sail stays in port and keeps
 * boarding up to its places; it sails as soon as the hold lifts. Vessels already at sea are
 * never stopped.
 *
 * <p>Invariants (checked by tests): a vessel never carries more wagons than its places; wagons
 * that entered a port = wagons landed + wagons waiting + wagons aboard. Cost O(1) per wagon
 * batch, no allocation per event.
 *
 * <p>A train's wait at a ferry link (for a vessel, its filling, a hold) ends in
 * {@link #leavePort}, when the vessel carrying its last wagon stops loading: it sails at once, or
 * first makes its loading call where the port has berths.
 */
final class FerryCrossings implements LinkModel {
    private final Plan plan;
    private final Simulation sim;
    private final Trains trains;
    private final Replication owner;
    private final Measurements measurements;
    private final Delays delays;
    private final long warmup;
    private final long periodSeconds = 30 * SimTime.DAY;

    // per port = link * 2 + side (side 0 is the link's from end)
    /**
     * Trains with wagons still to board, in arrival order within a priority level (highest
     * level first); the head may be partly aboard, and then stays the head (level 0).
     */
    private final LeveledQueues portTrains;
    private final long[] wagonsWaiting;
    /** Vessels in port, in arrival order; the head is the one loading. */
    private final IntQueues portVessels;
    private final int[] inbound;

    // per vessel
    private final int[] vesselLink;
    private final int[] vesselPort;
    private final int[] load;
    private final boolean[] ready;
    private final long[] timeout;
    private final int[] cargoBase;
    private final int[] cargoLength;
    private final int[] cargoTrain;
    private final int[] cargoWagons;
    private final boolean[] cargoLast;

    // per link
    private final int[] stormDepth;
    private final int[] allowedAtSea;
    private final int[] atSea;
    private final Sampler[] sailing;
    private final long[] trainsIn;
    private final long[] sailings;
    private final long[] wagonsCarried;
    private final long[] placesSailed;
    private final long[][] periodWagons;
    private final long[][] periodPlaces;
    private final int[] onLink;
    private final long[] wagonsIn;
    private final long[] wagonsLanded;
    private final int[] maxLoad;

    private final PortBerths berths;
    /** Per vessel: where it is in a crossing with berths (the phases below). */
    private final int[] phase;
    private static final int IN_PORT = 0;
    private static final int LOAD_QUEUE = 1;
    private static final int LOADING = 2;
    private static final int LOADED_HELD = 3;
    private static final int AT_SEA = 4;
    private static final int UNLOAD_QUEUE = 5;
    private static final int UNLOADING = 6;
    /**
     * Per vessel, its current crossing's timeline, seconds: left the loading queue, berthed to
     * load, loaded, sailed, arrived, berthed to unload (each equal to the one before when the
     * step took no time); and what held it loaded at its berth.
     */
    private final long[] readyAt;
    private final long[] loadAt;
    private final long[] loadedAt;
    private final long[] sailAt;
    private final long[] arriveAt;
    private final long[] unloadAt;
    private final int[] heldCause;

    FerryCrossings(Plan plan, Simulation sim, Trains trains, Replication owner,
            Measurements measurements, Delays delays, RandomStreams streams, int replication) {
        this.plan = plan;
        this.sim = sim;
        this.trains = trains;
        this.owner = owner;
        this.measurements = measurements;
        this.delays = delays;
        this.warmup = plan.warmupSeconds;
        int links = plan.linkCount;
        int vessels = plan.vesselTotal;
        portTrains = new LeveledQueues(links * 2, plan.priorities.levels, 256);
        wagonsWaiting = new long[links * 2];
        portVessels = new IntQueues(links * 2, vessels);
        inbound = new int[links * 2];
        vesselLink = new int[vessels];
        vesselPort = new int[vessels];
        load = new int[vessels];
        ready = new boolean[vessels];
        timeout = new long[vessels];
        Arrays.fill(timeout, -1);
        cargoBase = new int[vessels];
        cargoLength = new int[vessels];
        stormDepth = new int[links];
        allowedAtSea = new int[links];
        atSea = new int[links];
        sailing = new Sampler[links];
        trainsIn = new long[links];
        sailings = new long[links];
        wagonsCarried = new long[links];
        placesSailed = new long[links];
        periodWagons = new long[links][];
        periodPlaces = new long[links][];
        onLink = new int[links];
        wagonsIn = new long[links];
        wagonsLanded = new long[links];
        maxLoad = new int[links];
        int cargoSlots = 0;
        for (int l = 0; l < links; l++) {
            if (!plan.linkFerry[l]) {
                continue;
            }
            allowedAtSea[l] = plan.vessels[l];
            UniformRandomProvider rng = streams.stream(replication,
                    "link/" + plan.linkIds[l] + "/sailing");
            sailing[l] = plan.sailingSeconds[l].sampler(rng);
            periodWagons[l] = new long[plan.periodCount()];
            periodPlaces[l] = new long[plan.periodCount()];
            for (int i = 0; i < plan.vessels[l]; i++) {
                int v = plan.vesselBase[l] + i;
                vesselLink[v] = l;
                cargoBase[v] = cargoSlots;
                cargoSlots += plan.wagonsPerVessel[l];
                addVessel(l * 2 + (i & 1), v);
            }
        }
        cargoTrain = new int[cargoSlots];
        cargoWagons = new int[cargoSlots];
        cargoLast = new boolean[cargoSlots];
        berths = new PortBerths(plan, streams, replication);
        phase = new int[vessels];
        readyAt = new long[vessels];
        loadAt = new long[vessels];
        loadedAt = new long[vessels];
        sailAt = new long[vessels];
        arriveAt = new long[vessels];
        unloadAt = new long[vessels];
        heldCause = new int[vessels];
    }

    /** The link's cargo units of train {@code t}: TEU (loaded and empty) or wagons. */
    private int units(int t, int l) {
        return plan.linkCarriesTeu[l] ? Math.max(1, trains.teu[t] + trains.emptyTeu[t])
                : trains.wagons[t];
    }

    /** The node of port {@code p} (link * 2 + side). */
    private int portNode(int p) {
        int l = p >> 1;
        return (p & 1) == 0 ? plan.linkFrom[l] : plan.linkTo[l];
    }

    /** Train {@code t} reaches the port of ferry link {@code l} to cross in direction dir. */
    @Override
    public void enter(int t, int l, int dir, long now) {
        int p = l * 2 + dir;
        int units = units(t, l);
        trains.since[t] = now;
        trains.wagonsToBoard[t] = units;
        trains.wagonsAcross[t] = 0;
        portTrains.add(p, plan.priorities.flowLevel[trains.flow[t]], t);
        delays.waitBegins(t, delays.link(l), now);
        wagonsWaiting[p] += units;
        wagonsIn[l] += units;
        onLink[l]++;
        if (now >= warmup) {
            trainsIn[l]++;
        }
        board(p, now);
        reposition(l, now);
    }

    /** FERRY_TIMEOUT: {@code maxWait} has passed since the vessel's first wagon boarded. */
    void onTimeout(int v, long now) {
        timeout[v] = -1;
        if (load[v] > 0) {
            ready[v] = true;
            tryDepart(v, now);
        }
    }

    /**
     * FERRY_ARRIVAL: the vessel reaches its port; it lands its wagons at once, or where the port
     * has berths and it carries wagons, after an unloading call (waiting at anchorage first if
     * every berth is taken).
     */
    void onArrival(int v, long now) {
        int l = vesselLink[v];
        int p = vesselPort[v];
        atSea[l]--;
        arriveAt[v] = now;
        unloadAt[v] = now;
        int n = portNode(p);
        if (load[v] > 0 && berths.at(n)) {
            if (berths.request(n, v, now)) {
                startCall(v, UNLOADING, n, now);
            } else {
                phase[v] = UNLOAD_QUEUE;
            }
            releaseHeld(l, now);
            return;
        }
        land(v, now);
    }

    /** FERRY_BERTH_END: the vessel's call at its berth ends. */
    void onCallEnd(int v, long now) {
        int l = vesselLink[v];
        int p = vesselPort[v];
        if (phase[v] == UNLOADING) {
            freeBerth(portNode(p), now);
            land(v, now);
            return;
        }
        // loading done at the port it sails from (p ^ 1: vesselPort is its destination)
        loadedAt[v] = now;
        if (held(l)) {
            heldCause[v] = stormDepth[l] > 0 ? Causes.STORM : Causes.CLOSURE;
            phase[v] = LOADED_HELD;
            return;
        }
        freeBerth(portNode(p ^ 1), now);
        sail(v, now);
    }

    /** Vessel {@code v} holds a berth at node {@code n} from now for one call. */
    private void startCall(int v, int kind, int n, long now) {
        phase[v] = kind;
        if (kind == LOADING) {
            loadAt[v] = now;
        } else {
            unloadAt[v] = now;
        }
        sim.schedule(now + berths.handlingSeconds(n, now), Replication.FERRY_BERTH_END, v);
    }

    /** A call at node {@code n} ends: the berth goes to the first vessel at anchorage. */
    private void freeBerth(int n, long now) {
        int next = berths.release(n, now);
        if (next != Trains.NONE) {
            startCall(next, phase[next] == LOAD_QUEUE ? LOADING : UNLOADING, n, now);
        }
    }

    /** The vessel lands its wagons at its port and joins the port's vessels. */
    private void land(int v, long now) {
        int l = vesselLink[v];
        int p = vesselPort[v];
        phase[v] = IN_PORT;
        inbound[p]--;
        int base = cargoBase[v];
        int length = cargoLength[v];
        wagonsLanded[l] += load[v];
        load[v] = 0;
        cargoLength[v] = 0;
        addVessel(p, v);
        for (int i = base; i < base + length; i++) {
            int t = cargoTrain[i];
            trains.wagonsAcross[t] += cargoWagons[i];
            if (trains.wagonsAcross[t] == units(t, l)) {
                crossed(t, v, now);
                onLink[l]--;
                owner.leaveLink(t, now);
            }
        }
        board(p, now);
        releaseHeld(l, now);
    }

    /**
     * Train {@code t}'s last wagons landed now from vessel {@code v}: the time since its wait
     * ended goes to the parts of v's crossing it overlaps (without berths: all sailing).
     */
    private void crossed(int t, int v, long now) {
        long from = delays.waitFrom(t);
        if (!berths.at(plan.linkFrom[vesselLink[v]]) && !berths.at(plan.linkTo[vesselLink[v]])) {
            // sailing: from the departure of its last wagon (its wait's end) until now
            delays.add(t, Causes.RUNNING, now - from);
            return;
        }
        int leg = trains.leg[t];
        delays.waitedAt(t, Causes.BERTH, overlap(from, readyAt[v], loadAt[v]), 2 * leg);
        delays.add(t, Causes.PROCESSING, overlap(from, loadAt[v], loadedAt[v]));
        delays.waitedAt(t, heldCause[v], overlap(from, loadedAt[v], sailAt[v]), 2 * leg + 1);
        delays.add(t, Causes.RUNNING, overlap(from, sailAt[v], arriveAt[v]));
        delays.waitedAt(t, Causes.BERTH, overlap(from, arriveAt[v], unloadAt[v]), 2 * leg + 2);
        delays.add(t, Causes.PROCESSING, overlap(from, unloadAt[v], now));
    }

    /** Seconds of {@code [a, b)} at or after {@code from}. */
    private static long overlap(long from, long a, long b) {
        return Math.max(0, b - Math.max(a, from));
    }

    @Override
    public void stormBegins(int l, long now) {
        stormDepth[l]++;
        holdState(l, now);
    }

    @Override
    public void stormEnds(int l, long now) {
        stormDepth[l]--;
        holdState(l, now);
        releaseHeld(l, now);
    }

    /** What trains waiting at the link's ports wait for now: a storm, a closure, or a load. */
    private void holdState(int l, long now) {
        int cause = stormDepth[l] > 0 ? Causes.STORM
                : allowedAtSea[l] < plan.vessels[l] ? Causes.CLOSURE : Causes.FERRY_LOAD;
        delays.state(delays.link(l), cause, now);
    }

    /** A closure: at most floor(vessels × factor) vessels at sea; 0 holds every sailing. */
    @Override
    public void setFactor(int l, double factor, long now) {
        allowedAtSea[l] = (int) Math.floor(plan.vessels[l] * factor + 1e-9);
        holdState(l, now);
        releaseHeld(l, now);
    }

    private void addVessel(int p, int v) {
        vesselPort[v] = p;
        portVessels.add(p, v);
    }

    /** The loading vessel at port p takes waiting wagons and sails if its rule says so. */
    private void board(int p, long now) {
        int v = portVessels.peek(p);
        if (v == Trains.NONE) {
            return;
        }
        int l = p >> 1;
        int places = plan.wagonsPerVessel[l];
        while (!portTrains.isEmpty(p) && load[v] < places) {
            int t = portTrains.peek(p);
            int k = Math.min(trains.wagonsToBoard[t], places - load[v]);
            if (load[v] == 0 && timeout[v] < 0 && plan.maxLoadingSeconds[l] < Long.MAX_VALUE / 8) {
                timeout[v] = sim.schedule(now + plan.maxLoadingSeconds[l],
                        Replication.FERRY_TIMEOUT, v);
            }
            int slot = cargoBase[v] + cargoLength[v]++;
            cargoTrain[slot] = t;
            cargoWagons[slot] = k;
            trains.wagonsToBoard[t] -= k;
            cargoLast[slot] = trains.wagonsToBoard[t] == 0;
            load[v] += k;
            wagonsWaiting[p] -= k;
            if (trains.wagonsToBoard[t] == 0) {
                portTrains.poll(p);
            } else if (plan.priorities.prioritized()) {
                // partly aboard: in service, so no later train of a higher priority goes first
                portTrains.poll(p);
                portTrains.push(p, 0, t);
            }
        }
        if (load[v] >= plan.fillWagons[l]) {
            ready[v] = true;
        }
        if (ready[v]) {
            tryDepart(v, now);
        }
    }

    private void tryDepart(int v, long now) {
        int l = vesselLink[v];
        if (!held(l)) {
            leavePort(v, now);
        }
    }

    /**
     * Vessel {@code v} stops loading at its port: the trains whose last wagons it carries stop
     * waiting, and it sails, at once or after its loading call where the port has berths.
     */
    private void leavePort(int v, long now) {
        int l = vesselLink[v];
        int p = vesselPort[v];
        portVessels.remove(p, v);
        if (timeout[v] >= 0) {
            sim.cancel(timeout[v]);
            timeout[v] = -1;
        }
        ready[v] = false;
        int destination = p ^ 1;
        vesselPort[v] = destination;
        inbound[destination]++;
        int base = cargoBase[v];
        for (int i = base; i < base + cargoLength[v]; i++) {
            if (cargoLast[i]) {
                int t = cargoTrain[i];
                measurements.linkWaitEnded(t, l, now - trains.since[t], now);
                delays.waitEnds(t, delays.link(l), now);
            }
        }
        readyAt[v] = now;
        loadAt[v] = now;
        loadedAt[v] = now;
        int n = portNode(p);
        if (load[v] > 0 && berths.at(n)) {
            if (berths.request(n, v, now)) {
                startCall(v, LOADING, n, now);
            } else {
                phase[v] = LOAD_QUEUE;
            }
        } else {
            sail(v, now);
        }
        board(p, now);
        reposition(l, now);
    }

    /** Vessel {@code v}, loaded, puts to sea toward its destination port. */
    private void sail(int v, long now) {
        int l = vesselLink[v];
        phase[v] = AT_SEA;
        sailAt[v] = now;
        atSea[l]++;
        int wagons = load[v];
        if (wagons > maxLoad[l]) {
            maxLoad[l] = wagons;
        }
        if (wagons > 0 && now >= warmup) {
            int places = plan.wagonsPerVessel[l];
            sailings[l]++;
            wagonsCarried[l] += wagons;
            placesSailed[l] += places;
            int period = (int) ((now - warmup) / periodSeconds);
            if (period < periodWagons[l].length) {
                periodWagons[l][period] += wagons;
                periodPlaces[l][period] += places;
            }
        }
        sim.schedule(now + SimTime.ofSeconds(sailing[l].sample()), Replication.FERRY_ARRIVAL, v);
    }

    private void releaseHeld(int l, long now) {
        for (int i = 0; i < plan.vessels[l] && !held(l); i++) {
            int v = plan.vesselBase[l] + i;
            if (phase[v] == LOADED_HELD) {
                freeBerth(portNode(vesselPort[v] ^ 1), now);
                sail(v, now);
            }
        }
        for (int side = 0; side < 2; side++) {
            int v = portVessels.peek(l * 2 + side);
            if (v != Trains.NONE && ready[v]) {
                tryDepart(v, now);
            }
        }
        reposition(l, now);
    }

    /**
     * Moves empty vessels to where they are needed, by two rules applied while no hold is on:
     * (1) a port with no vessel and more waiting wagons than the vessels on their way there can
     * take calls an empty vessel from the other port; (2) a port with no wagons waiting sends
     * spare empty vessels (never its loading one) to the other port while it has at least two
     * more vessels present than the other port has present and on their way. Rule 2 lets the
     * fleet follow one-sided demand; its margin of two keeps vessels from sailing back and forth
     * empty when demand is balanced or absent.
     */
    private void reposition(int l, long now) {
        int places = plan.wagonsPerVessel[l];
        for (int side = 0; side < 2; side++) {
            int p = l * 2 + side;
            int q = p ^ 1;
            while (!held(l) && portVessels.isEmpty(p)
                    && wagonsWaiting[p] > (long) inbound[p] * places) {
                int v = lastEmptyVessel(q, false);
                if (v == Trains.NONE) {
                    break;
                }
                leavePort(v, now);
            }
            while (!held(l) && wagonsWaiting[q] == 0
                    && portVessels.size(q) >= portVessels.size(p) + inbound[p] + 2) {
                int v = lastEmptyVessel(q, true);
                if (v == Trains.NONE) {
                    break;
                }
                leavePort(v, now);
            }
        }
    }

    private boolean held(int l) {
        return stormDepth[l] > 0 || atSea[l] >= allowedAtSea[l];
    }

    /** The last empty vessel in port p, the loading one excluded if {@code spareOnly}. */
    private int lastEmptyVessel(int p, boolean spareOnly) {
        int found = Trains.NONE;
        int first = portVessels.peek(p);
        for (int v = first; v != Trains.NONE; v = portVessels.next(v)) {
            if (load[v] == 0 && !(spareOnly && v == first)) {
                found = v;
            }
        }
        return found;
    }

    /** Trains that reached a port of the link after the warm-up. */
    @Override
    public long trains(int l) {
        return trainsIn[l];
    }

    /** Wagons carried over wagon places on sailings that carried any wagon, after warm-up. */
    @Override
    public double utilization(int l, long end) {
        return placesSailed[l] == 0 ? 0 : wagonsCarried[l] / (double) placesSailed[l];
    }

    @Override
    public double[] utilizationByPeriod(int l) {
        double[] series = new double[periodWagons[l].length];
        for (int i = 0; i < series.length; i++) {
            series[i] = periodPlaces[l][i] == 0 ? 0
                    : periodWagons[l][i] / (double) periodPlaces[l][i];
        }
        return series;
    }

    @Override
    public int onLink(int l) {
        return onLink[l];
    }

    /** Ferries have no line capacity in the UIC 406 sense; their utilization is wagons. */
    @Override
    public double[] capacityConsumptionByDay(int l, long end) {
        return null;
    }

    long sailings(int l) {
        return sailings[l];
    }

    long wagonsIn(int l) {
        return wagonsIn[l];
    }

    long wagonsLanded(int l) {
        return wagonsLanded[l];
    }

    /** Wagons waiting at both ports plus wagons aboard vessels, now. */
    long wagonsInside(int l) {
        long wagons = wagonsWaiting[l * 2] + wagonsWaiting[l * 2 + 1];
        for (int i = 0; i < plan.vessels[l]; i++) {
            wagons += load[plan.vesselBase[l] + i];
        }
        return wagons;
    }

    /** The ports' berths; {@code null} for a scenario without berths. */
    PortBerths berths() {
        return plan.anyBerths ? berths : null;
    }

    /** The most wagons any vessel of the link sailed with, whole run. */
    int maxLoad(int l) {
        return maxLoad[l];
    }
}
