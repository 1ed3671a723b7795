package org.silkrail.model;

import org.silkrail.engine.EventHandler;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Simulation;

/**
 * One replication of the rail model: the event router that moves each train along its route —
 * born by {@link Demand}, processed by {@link Stations}, carried by the {@link LinkModel} of
 * each link, delivered to {@link Measurements} — while {@link Disruptions} applies closures and
 * storms.
 *
 * <p>A train is born at its flow's origin, is processed at every node of its route that
 * processes (origin and destination included), crosses each link, and is delivered when it has
 * been processed at its destination (or reaches it, if the destination does no processing). Its
 * hand-overs are three methods: {@link #leaveNode} (to the next link, or delivery),
 * {@link #leaveLink} (to the next node) and the FLOW_ARRIVAL case (a new train to its origin).
 * A check before a train may enter a link — an acceptance ban, back-pressure, a wagon set or
 * locomotive to take — belongs in {@link #leaveNode}, before {@link LinkModel#enter}.
 *
 * <p>Not thread-safe; run once. All state is in primitive arrays indexed by train, node or
 * link; events carry an int kind and an int payload, dispatched by an int switch to the part
 * that owns the kind. Each link's model is chosen here, once, from the plan. No allocation per
 * event.
 */
final class Replication implements EventHandler {
    static final int FLOW_ARRIVAL = 0;
    static final int PROCESS_END = 1;
    static final int RAIL_SECTION_END = 2;
    static final int RAIL_RETRY = 3;
    static final int FERRY_TIMEOUT = 4;
    static final int FERRY_ARRIVAL = 5;
    static final int CLOSURE_START = 6;
    static final int CLOSURE_END = 7;
    static final int STORM_START = 8;
    static final int STORM_END = 9;
    static final int MIDNIGHT = 10;
    static final int SERIES_DAY = 11;
    /** A vessel's loading or unloading call at a port's berth ends (payload: vessel). */
    static final int FERRY_BERTH_END = 15;
    /** Fleets: a unit that ran back empty reaches its depot (payload: depot). */
    static final int FLEET_RETURN = 20;

    private final Plan plan;
    final Simulation sim = new Simulation();
    final Trains trains = new Trains(256);
    final Delays delays;
    final Measurements measurements;
    final Acceptance acceptance;
    final Demand demand;
    final Stations stations;
    final RailLines rails;
    final FerryCrossings ferries;
    /** Per link: the model of its kind; the only place that knows rail from ferry is here. */
    private final LinkModel[] links;
    final Disruptions disruptions;
    final RouteChoice routeChoice;
    /** Rolling stock and re-forming; null for a scenario without them (nothing changes). */
    final Fleets fleets;

    Replication(Plan plan, int replication, RandomStreams streams) {
        this.plan = plan;
        sim.setHandler(this);
        delays = new Delays(plan, trains);
        measurements = new Measurements(plan, sim, trains, delays, replication,
                streams.replicationSeed(replication));
        demand = new Demand(plan, sim, trains, streams, replication);
        acceptance = new Acceptance(plan, trains, this);
        stations = new Stations(plan, sim, trains, this, measurements, delays, acceptance,
                streams, replication);
        rails = new RailLines(plan, sim, trains, this, measurements, delays);
        ferries = new FerryCrossings(plan, sim, trains, this, measurements, delays, streams,
                replication);
        links = new LinkModel[plan.linkCount];
        for (int l = 0; l < plan.linkCount; l++) {
            links[l] = plan.linkFerry[l] ? ferries : rails;
        }
        disruptions = new Disruptions(plan, sim, stations, links, streams, replication);
        routeChoice = new RouteChoice(plan, trains, this, streams, replication);
        fleets = plan.stock.active ? new Fleets(plan, sim, trains, this, delays) : null;
    }

    /** Runs to the horizon; call once. */
    ReplicationResult run() {
        long started = System.nanoTime();
        // the order of the first events fixes the calendar's tie order: keep it
        demand.start();
        disruptions.start();
        stations.start();
        measurements.start();
        sim.run(plan.horizonSeconds);
        return measurements.result(System.nanoTime() - started, stations, links, fleets,
                acceptance, ferries.berths());
    }

    @Override
    public void onEvent(int kind, int payload) {
        long now = sim.now();
        switch (kind) {
            case FLOW_ARRIVAL -> trainBorn(demand.onArrival(payload, now), now);
            case PROCESS_END -> stations.onProcessEnd(payload, now);
            case RAIL_SECTION_END -> rails.onSectionEnd(payload, now);
            case RAIL_RETRY -> rails.onRetry(payload, now);
            case FERRY_TIMEOUT -> ferries.onTimeout(payload, now);
            case FERRY_ARRIVAL -> ferries.onArrival(payload, now);
            case FERRY_BERTH_END -> ferries.onCallEnd(payload, now);
            case CLOSURE_START -> disruptions.onClosureStart(payload, now);
            case CLOSURE_END -> disruptions.onClosureEnd(payload, now);
            case STORM_START -> disruptions.onStormStart(payload, now);
            case STORM_END -> disruptions.onStormEnd(payload, now);
            case MIDNIGHT -> stations.onMidnight(payload, now);
            case SERIES_DAY -> measurements.onSeriesDay(payload, now);
            case FLEET_RETURN -> fleets.onReturn(payload, now);
            default -> throw new IllegalStateException("unknown event kind=" + kind);
        }
    }

    private void trainBorn(int t, long now) {
        if (routeChoice.chooses(trains.flow[t])) {
            int r = routeChoice.choose(t, now);
            if (r >= 0) {
                trains.route[t] = r; // else every route is banned: the train meets the ban
            }
        }
        int verdict = acceptance.offer(t, now);
        if (verdict == Acceptance.REFUSED) {
            trains.release(t);
            return;
        }
        delays.born(t);
        measurements.trainGenerated(t, now);
        if (verdict == Acceptance.GO) {
            departOrigin(t, now);
        }
    }

    /** Accepted train {@code t} goes to its origin's queue, or waits for a place in its yard. */
    void departOrigin(int t, long now) {
        if (!plan.anyAcceptance || acceptance.originHasRoom(t, now)) {
            arriveAtNode(t, now);
        }
    }

    /** Train {@code t}, which waited for a place in its origin's yard, has one. */
    void arriveAtOrigin(int t, long now) {
        arriveAtNode(t, now);
    }

    /**
     * Held train {@code t} of a flow that chooses its route chooses again now; whether it
     * found an open route. False for a flow with a fixed route or shares.
     */
    boolean reroute(int t, long now) {
        if (!routeChoice.chooses(trains.flow[t])) {
            return false;
        }
        int r = routeChoice.choose(t, now);
        if (r < 0) {
            return false;
        }
        trains.route[t] = r;
        return true;
    }

    /** Train {@code t} waited from {@code since} for a place in the yard ahead. */
    void roomFound(int t, long since, long now) {
        delays.waitedAtNode(t, Causes.ACCEPTANCE_BAN, now - since);
    }

    /** Train {@code t} was held at its origin by a ban from {@code since}. */
    void banLifted(int t, long since, long now) {
        delays.waitedAtNode(t, Causes.ACCEPTANCE_BAN, now - since);
    }

    private void arriveAtNode(int t, long now) {
        stations.arrive(t, plan.routeNodes[trains.route[t]][trains.leg[t]], now);
    }

    /**
     * Train {@code t} is done at its current node: gives back and takes rolling stock, then
     * goes on ({@link #depart}), at once or when it has the units it waits for.
     */
    void leaveNode(int t, long now) {
        if (fleets != null && fleets.holds(t, now)) {
            return;
        }
        depart(t, now);
    }

    /**
     * Train {@code t} goes on from its current node: delivered at its route's end, else handed
     * to the model of its next link.
     */
    void depart(int t, long now) {
        int r = trains.route[t];
        int leg = trains.leg[t];
        if (leg == plan.routeLinks[r].length) {
            measurements.delivered(t, now);
            trains.release(t);
            return;
        }
        if (plan.anyAcceptance && !acceptance.nextHasRoom(t, now)) {
            return; // it waits here for a place in the yard ahead
        }
        enterNextLink(t, now);
    }

    /** Train {@code t}, done at its current node, enters the next link of its route. */
    void enterNextLink(int t, long now) {
        int r = trains.route[t];
        int leg = trains.leg[t];
        int l = plan.routeLinks[r][leg];
        links[l].enter(t, l, plan.routeDirs[r][leg], now);
    }

    /** Called by the link models when train {@code t} has crossed its current link. */
    void leaveLink(int t, long now) {
        trains.leg[t]++;
        arriveAtNode(t, now);
    }

    /** Trains in the system counted where they are: node queues and services, and links. */
    long census() {
        return Measurements.census(plan, stations, links, fleets);
    }
}
