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
 * <p><b>Assumption:</b> a train of {@code teu} TEU has {@code ceil(teu / 2)} wagons, one 40-ft
 * container (2 TEU) per flat wagon. Boarding and unloading take no time (port handling belongs
 * to the port nodes' processing).
 *
 * <p><b>Rules.</b> Each port keeps its waiting wagons in train order (FIFO) and its vessels in
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
 * <p>A train's wait at a ferry link (for a vessel, its filling, a hold) ends in {@link #depart},
 * when the vessel carrying its last wagon sails.
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
    /** Trains with wagons still to board, in arrival order; the head may be partly aboard. */
    private final IntQueues portTrains;
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
        portTrains = new IntQueues(links * 2, 256);
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
    }

    /** Train {@code t} reaches the port of ferry link {@code l} to cross in direction dir. */
    @Override
    public void enter(int t, int l, int dir, long now) {
        int p = l * 2 + dir;
        trains.since[t] = now;
        trains.wagonsToBoard[t] = trains.wagons[t];
        trains.wagonsAcross[t] = 0;
        portTrains.add(p, t);
        delays.waitBegins(t, delays.link(l), now);
        wagonsWaiting[p] += trains.wagons[t];
        wagonsIn[l] += trains.wagons[t];
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

    /** FERRY_ARRIVAL: the vessel lands its wagons and joins the port's vessels. */
    void onArrival(int v, long now) {
        int l = vesselLink[v];
        int p = vesselPort[v];
        atSea[l]--;
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
            if (trains.wagonsAcross[t] == trains.wagons[t]) {
                // sailing: from the departure of its last wagon (its wait's end) until now
                delays.add(t, Causes.RUNNING, now - delays.waitFrom(t));
                onLink[l]--;
                owner.leaveLink(t, now);
            }
        }
        board(p, now);
        releaseHeld(l, now);
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
            depart(v, now);
        }
    }

    private void depart(int v, long now) {
        int l = vesselLink[v];
        int p = vesselPort[v];
        portVessels.remove(p, v);
        if (timeout[v] >= 0) {
            sim.cancel(timeout[v]);
            timeout[v] = -1;
        }
        ready[v] = false;
        atSea[l]++;
        int destination = p ^ 1;
        vesselPort[v] = destination;
        inbound[destination]++;
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
        int base = cargoBase[v];
        for (int i = base; i < base + cargoLength[v]; i++) {
            if (cargoLast[i]) {
                int t = cargoTrain[i];
                measurements.linkWaitEnded(t, l, now - trains.since[t], now);
                delays.waitEnds(t, delays.link(l), now);
            }
        }
        sim.schedule(now + SimTime.ofSeconds(sailing[l].sample()), Replication.FERRY_ARRIVAL, v);
        board(p, now);
        reposition(l, now);
    }

    private void releaseHeld(int l, long now) {
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
                depart(v, now);
            }
            while (!held(l) && wagonsWaiting[q] == 0
                    && portVessels.size(q) >= portVessels.size(p) + inbound[p] + 2) {
                int v = lastEmptyVessel(q, true);
                if (v == Trains.NONE) {
                    break;
                }
                depart(v, now);
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

    /** The most wagons any vessel of the link sailed with, whole run. */
    int maxLoad(int l) {
        return maxLoad[l];
    }
}
