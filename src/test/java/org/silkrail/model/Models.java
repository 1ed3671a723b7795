package org.silkrail.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.SimTime;
import org.silkrail.network.BerthSpec;
import org.silkrail.network.DepartureRule;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.Network;
import org.silkrail.network.NetworkSpec;
import org.silkrail.network.NodeKind;
import org.silkrail.network.NodeSpec;
import org.silkrail.network.RouteSpec;

/** Small scenarios built in code for model tests; times in seconds unless a name says so. */
final class Models {
    static final long HOUR = SimTime.HOUR;
    static final long DAY = SimTime.DAY;

    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private final Map<String, LinkSpec> links = new LinkedHashMap<>();
    private final Map<String, RouteSpec> routes = new LinkedHashMap<>();
    private final Map<String, FlowSpec> demand = new LinkedHashMap<>();
    private final Map<String, ClosureSpec> closures = new LinkedHashMap<>();
    private final Map<String, StormSpec> weather = new LinkedHashMap<>();
    private final Map<String, AcceptanceSpec> acceptance = new LinkedHashMap<>();
    private final Map<String, FleetSpec> fleets = new LinkedHashMap<>();
    private final Map<String, ReformSpec> reforming = new LinkedHashMap<>();
    private long horizonSeconds = 365 * DAY;
    private long warmupSeconds = 0;
    private long seed = 20240520L;
    private CostSpec costs = CostSpec.NONE;

    static Models model() {
        return new Models();
    }

    /** A junction: no processing. */
    Models junction(String id) {
        return node(id, NodeKind.JUNCTION, 0, null, 0);
    }

    /** A terminal processing on {@code servers} places for {@code process} seconds. */
    Models station(String id, int servers, Distribution process) {
        return node(id, NodeKind.TERMINAL, servers, process, 0);
    }

    Models station(String id, int servers, Distribution process, double quotaPerDay) {
        return node(id, NodeKind.TERMINAL, servers, process, quotaPerDay);
    }

    Models port(String id) {
        return node(id, NodeKind.PORT, 0, null, 0);
    }

    /** A port whose vessels hold one of {@code berths} berths per call of {@code handling}. */
    Models port(String id, int berths, Distribution handling, long maxSeconds) {
        nodes.put(id, new NodeSpec(id, id + " port", "KZ", 45.0 + nodes.size() * 0.1,
                75.0 + nodes.size() * 0.1, 1520, NodeKind.PORT, 0, null, 0, 0, 0, Map.of(),
                new BerthSpec(berths, handling, maxSeconds)));
        return this;
    }

    /** A container feeder of {@code vessels} vessels of {@code teu} TEU each. */
    Models feeder(String from, String to, int vessels, int teu, Distribution sailing,
            double fill, long maxWaitSeconds) {
        String id = from + "-" + to;
        links.put(id, LinkSpec.feeder(id, from, to, 300, vessels, teu, sailing,
                new DepartureRule(fill, maxWaitSeconds), 0));
        return this;
    }

    Models node(String id, NodeKind kind, int servers, Distribution process, double quotaPerDay) {
        nodes.put(id, new NodeSpec(id, id + " station", "KZ", 45.0 + nodes.size() * 0.1,
                75.0 + nodes.size() * 0.1, 1520, kind, servers, process, quotaPerDay));
        return this;
    }

    /** Double track, no capacity limit. */
    Models rail(String from, String to, double km, double speedKmh) {
        return rail(from, to, km, 2, 0, speedKmh, 0);
    }

    Models rail(String from, String to, double km, int tracks, int sidings, double speedKmh,
            double capacityPerDay) {
        String id = from + "-" + to;
        links.put(id, LinkSpec.rail(id, from, to, km, tracks, sidings, speedKmh, capacityPerDay));
        return this;
    }

    Models ferry(String from, String to, int vessels, int wagons, Distribution sailing,
            double fill, long maxWaitSeconds) {
        String id = from + "-" + to;
        links.put(id, LinkSpec.ferry(id, from, to, 300, vessels, wagons, sailing,
                new DepartureRule(fill, maxWaitSeconds)));
        return this;
    }

    Models ferry(String from, String to, int vessels, int wagons, Distribution sailing,
            double fill, long maxWaitSeconds, double otherCargoShare) {
        String id = from + "-" + to;
        links.put(id, LinkSpec.ferry(id, from, to, 300, vessels, wagons, sailing,
                new DepartureRule(fill, maxWaitSeconds), otherCargoShare));
        return this;
    }

    Models route(String name, String... waypoints) {
        routes.put(name, new RouteSpec(name, List.of(waypoints)));
        return this;
    }

    Models flow(String id, String from, String to, ArrivalSpec trains, Distribution teu) {
        return flow(id, from, to, trains, teu, new RoutePolicy.Fastest());
    }

    Models flow(String id, String from, String to, ArrivalSpec trains, Distribution teu,
            RoutePolicy route) {
        demand.put(id, new FlowSpec(id, from, to, trains, teu, route));
        return this;
    }

    /** Flow {@code id}, already added, with a priority and the background flag. */
    Models classed(String id, int priority, boolean background) {
        FlowSpec f = demand.get(id);
        demand.put(id, new FlowSpec(f.id(), f.from(), f.to(), f.trains(), f.teu(), f.emptyTeu(),
                f.direction(), f.route(), priority, background));
        return this;
    }

    /** Flow {@code id}, already added, running in direction {@code direction}. */
    Models direction(String id, org.silkrail.network.Direction direction) {
        FlowSpec f = demand.get(id);
        demand.put(id, new FlowSpec(f.id(), f.from(), f.to(), f.trains(), f.teu(), f.emptyTeu(),
                direction, f.route(), f.priority(), f.background()));
        return this;
    }

    Models closure(ClosureSpec closure) {
        closures.put(closure.id(), closure);
        return this;
    }

    Models storm(StormSpec storm) {
        weather.put(storm.id(), storm);
        return this;
    }

    /** Node {@code id}'s yard (trains, 0 for none) and ban (at, lift; at 0 for none). */
    Models backPressure(String id, int yardTrains, int banAt, int liftAt, boolean refuse) {
        acceptance.put(id, new AcceptanceSpec(id, yardTrains, banAt, liftAt, refuse));
        return this;
    }

    Models fleet(FleetSpec fleet) {
        fleets.put(fleet.id(), fleet);
        return this;
    }

    Models reform(ReformSpec reform) {
        reforming.put(reform.node(), reform);
        return this;
    }

    Models run(long horizonSeconds, long warmupSeconds) {
        this.horizonSeconds = horizonSeconds;
        this.warmupSeconds = warmupSeconds;
        return this;
    }

    Models costs(CostSpec costs) {
        this.costs = costs;
        return this;
    }

    Models seed(long seed) {
        this.seed = seed;
        return this;
    }

    ModelSpec spec() {
        return new ModelSpec(new NetworkSpec(nodes, links, routes), demand, closures, weather,
                new RunSettings(horizonSeconds, warmupSeconds, 1, seed), costs,
                new StockSpec(fleets, reforming), acceptance);
    }

    RailModel build() {
        ModelSpec spec = spec();
        return new RailModel(spec, Network.build(spec.network()).compile());
    }

    ReplicationResult runOnce(int replication) {
        return build().runReplication(replication, new RandomStreams(seed));
    }

    static ArrivalSpec poissonPerDay(double trainsPerDay) {
        return new ArrivalSpec.Poisson(trainsPerDay / DAY);
    }

    static ArrivalSpec every(long seconds) {
        return new ArrivalSpec.Every(seconds);
    }

    static Distribution fixed(double value) {
        return new Distribution.Fixed(value);
    }

    static Distribution exp(double mean) {
        return new Distribution.Exponential(mean);
    }
}
