package org.silkrail.model;

import org.silkrail.engine.RandomStreams;
import org.silkrail.network.CompiledNetwork;

/**
 * China–Europe block-train operations on a compiled network: trains generated per demand flow
 * travel their routes through terminals, borders and gauge-change stations, over double- and
 * single-track lines and Caspian ferries, under closures and storms; one call runs one
 * replication and returns what it measured.
 *
 * <p><b>What a train does.</b> A flow generates trains at its origin ({@code poisson},
 * {@code every} or a {@code schedule}); each carries {@code round(teu)} TEU drawn from the
 * flow's distribution and takes a route chosen by the flow's policy (the fastest by expected
 * time, the fastest through {@code via} waypoints, or one of the named routes drawn per train
 * with the given shares). At every node of its route that processes — origin and destination
 * included — it waits FIFO for one of the node's servers (and, where a quota applies, for the
 * day's quota) and is processed; then it crosses the next link. <b>Transit time</b> runs from the train's
 * generation to the end of its processing at the destination (to its arrival there if the
 * destination does no processing); that is also when the train counts as delivered.
 *
 * <p><b>Links.</b> A rail link takes {@code km / speed_kmh} hours. Its {@code capacity} (trains
 * per day per direction) is a minimum headway of {@code 86400 / capacity} seconds between
 * trains entering in the same direction. On single track ({@code tracks: 1}) the {@code s}
 * sidings split the line into {@code s + 1} sections of equal running time; a section holds
 * one train, each crossing loop one train per direction, and a train enters a section only when
 * the section and the place for its direction at the far end are free. Waiting trains are
 * served in request order, skipping those that cannot go, which makes the line deadlock-free
 * at any load (the argument is written out in the package's {@code RailLines}). A ferry link
 * splits each train into {@code ceil(teu / 2)} wagons (one 40-ft container per flat wagon, an
 * assumption), carries them on vessels that sail by the {@code departs} rule, lands them on the
 * far side and re-forms the train when its last wagon has landed; vessels then serve the other
 * direction, and empty ones move to where wagons wait (details in {@code FerryCrossings}).
 *
 * <p><b>Quotas</b> ({@code quota: 28/day}) cap the trains that start processing at a node per
 * calendar day (midnights at multiples of 86 400 s of simulated time); a train that finds the
 * day's quota used waits for the next midnight, and counts once in {@code quotaHits}. A
 * fractional quota is spread exactly: day {@code d} allows
 * {@code floor((d + 1) q) - floor(d q)} trains. A node with a quota but no processing hands
 * trains over without delay, subject only to the quota.
 *
 * <p><b>Disruptions.</b> A closure multiplies a node's servers (rounded down, possibly to 0) or a
 * link's capacity by its factor while it lasts: a rail link's trains per day (factor 0 lets no
 * train enter; a link with no capacity limit is only affected by factor 0), a ferry link's
 * vessels allowed at sea (rounded down). Services already running, trains already on a line and
 * vessels at sea are never interrupted. A closure of a node that does not process (a junction, or a
 * quota-only node) has no effect. Storms act on ferry links only. Several closures active on one target multiply; an
 * episode of a stochastic closure that starts while the previous one lasts extends it. Storms
 * hold every sailing on their links.
 *
 * <p><b>Statistics</b> are taken over the window [warm-up, horizon]: an observation counts when
 * it completes inside it (a wait when its service starts, a transit when its train is
 * delivered). See {@link ReplicationResult} for each value's definition.
 *
 * <p><b>Random streams</b> (common random numbers): every random process draws from its own
 * stream of {@link RandomStreams}, keyed by replication and a process key, so that adding a node,
 * a link or a flow leaves the numbers of every other process unchanged:
 * <table>
 *   <caption>process keys</caption>
 *   <tr><td>{@code demand/<flow>/arrivals}</td><td>Poisson gaps between a flow's trains (with
 *       {@code monthly:}, one unit exponential per train)</td></tr>
 *   <tr><td>{@code demand/<flow>/teu}</td><td>TEU per train</td></tr>
 *   <tr><td>{@code demand/<flow>/route}</td><td>route drawn per train under {@code shares}
 *       (one uniform per train; unused by other policies)</td></tr>
 *   <tr><td>{@code node/<id>/process}</td><td>processing times, in start order</td></tr>
 *   <tr><td>{@code link/<id>/sailing}</td><td>ferry sailing times, in departure order</td></tr>
 *   <tr><td>{@code closure/<id>/start}</td><td>gaps between episode starts (stochastic
 *       closures)</td></tr>
 *   <tr><td>{@code closure/<id>/duration}</td><td>episode lengths</td></tr>
 *   <tr><td>{@code weather/<id>/storms}</td><td>gaps between storms</td></tr>
 *   <tr><td>{@code weather/<id>/duration}</td><td>storm lengths</td></tr>
 * </table>
 *
 * <p><b>Threading and cost.</b> Immutable once built and safe to share between threads: routes
 * and arrays are compiled once in the constructor, and each {@link #runReplication} call builds
 * its own state, runs single-threaded and is deterministic — the same replication number and
 * streams give the same result, apart from {@code wallSeconds}. In the event loop nothing is
 * allocated per event; trains live in primitive arrays that grow by doubling.
 *
 * <pre>{@code
 * CompiledNetwork net = Network.build(spec.network()).compile();
 * RailModel model = new RailModel(spec, net);
 * ReplicationResult r0 = model.runReplication(0, new RandomStreams(spec.run().seed()));
 * }</pre>
 */
public final class RailModel {
    private final Plan plan;

    /**
     * Compiles the scenario for the event loop.
     *
     * @throws IllegalArgumentException if the spec names nodes, links or routes the network
     *     lacks, or a flow's ends cannot be joined (the scenario validator reports these to
     *     people first; reaching here with them is a programming error)
     */
    public RailModel(ModelSpec spec, CompiledNetwork network) {
        this.plan = new Plan(spec, network);
    }

    /** Runs replication {@code replication} with random numbers from {@code streams}. */
    public ReplicationResult runReplication(int replication, RandomStreams streams) {
        return newReplication(replication, streams).run();
    }

    /** A replication ready to run, for tests that inspect its state afterwards. */
    Replication newReplication(int replication, RandomStreams streams) {
        return new Replication(plan, replication, streams);
    }

    Plan plan() {
        return plan;
    }
}
