package org.silkrail.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.WeightedMultigraph;

/**
 * The rail and ferry network of a scenario as a JGraphT graph, with every problem that would
 * make it unusable for simulation listed at the place a planner must fix it.
 *
 * <p>{@link #build} never throws for bad data: it checks nodes (gauge 1435 or 1520, servers for
 * processing nodes, quota, coordinates), links (known distinct ends, no duplicate of the same
 * pair and mode, rail and ferry parameters, ferries between ports, the gauge rule) and named
 * routes (known waypoints joined without revisiting a node), collecting all problems. A valid
 * network {@link #compile compiles} to the int-indexed form the event loop reads.
 *
 * <p>The graph is undirected (links carry trains both ways) and may hold a rail link and a ferry
 * between the same two nodes. Links whose ends are unknown or equal, and duplicates, are left out
 * of it. Edge weights are expected link seconds: rail {@code km / speed_kmh * 3600}, ferry the
 * mean sailing time.
 *
 * <p>Immutable after {@code build}; safe to share between threads.
 */
public final class Network {
    /** The gauges the model knows, in mm: standard and Russian broad gauge. */
    static final int STANDARD_GAUGE_MM = 1435;
    static final int BROAD_GAUGE_MM = 1520;

    private final NetworkSpec spec;
    private final List<NetworkProblem> problems;
    private final Graph<String, String> graph;
    private final Map<String, Double> linkSeconds;
    private final Map<String, Double> processSeconds;
    private final Routing routing;
    private final Map<String, Routing.Path> namedPaths;

    private Network(NetworkSpec spec, List<NetworkProblem> problems, Graph<String, String> graph,
            Map<String, Double> linkSeconds, Map<String, Double> processSeconds, Routing routing,
            Map<String, Routing.Path> namedPaths) {
        this.spec = spec;
        this.problems = List.copyOf(problems);
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.linkSeconds = linkSeconds;
        this.processSeconds = processSeconds;
        this.routing = routing;
        this.namedPaths = namedPaths;
    }

    /** Builds and checks the network; problems are listed in declaration order. */
    public static Network build(NetworkSpec spec) {
        List<NetworkProblem> problems = new ArrayList<>();
        Graph<String, String> graph = new WeightedMultigraph<>(String.class);
        Map<String, Double> processSeconds = new HashMap<>();
        Map<String, Double> linkSeconds = new HashMap<>();

        for (Map.Entry<String, NodeSpec> e : spec.nodes().entrySet()) {
            checkNode(e.getKey(), e.getValue(), problems);
            graph.addVertex(e.getKey());
            NodeSpec node = e.getValue();
            processSeconds.put(e.getKey(), expectedProcessSeconds(node));
        }

        Map<String, String> firstLinkByPairAndMode = new HashMap<>();
        for (Map.Entry<String, LinkSpec> e : spec.links().entrySet()) {
            String id = e.getKey();
            LinkSpec link = e.getValue();
            boolean endsOk = checkLink(id, link, spec.nodes(), problems);
            if (!endsOk) {
                continue;
            }
            String pairKey = pairKey(link);
            String first = firstLinkByPairAndMode.putIfAbsent(pairKey, id);
            if (first != null) {
                String mode = link.mode() == LinkMode.FERRY ? "ferry" : "rail";
                problems.add(new NetworkProblem("links." + id, "duplicates link '" + first
                        + "' (both join " + link.from() + " and " + link.to() + " by " + mode
                        + "); declare each link once"
                        + (link.mode() == LinkMode.FERRY ? " and set its vessels"
                                : " and set tracks: 2 for a double track")));
                continue;
            }
            graph.addEdge(link.from(), link.to(), id);
            double seconds = expectedSeconds(link);
            if (link.mode() == LinkMode.FERRY) {
                // a loaded vessel's calls at berths, where its ports have them
                seconds += meanCallSeconds(spec.nodes().get(link.from()))
                        + meanCallSeconds(spec.nodes().get(link.to()));
            }
            linkSeconds.put(id, seconds);
            graph.setEdgeWeight(id, seconds);
        }

        Routing routing = new Routing(graph, processSeconds, linkSeconds);
        Map<String, Routing.Path> namedPaths = new LinkedHashMap<>();
        for (Map.Entry<String, RouteSpec> e : spec.routes().entrySet()) {
            Routing.Path path = checkRoute(e.getValue().waypoints(), spec.nodes(), routing,
                    "routes." + e.getKey(), problems);
            if (path != null) {
                namedPaths.put(e.getKey(), path);
            }
        }
        return new Network(spec, problems, graph, linkSeconds, processSeconds, routing,
                Collections.unmodifiableMap(namedPaths));
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Every problem found, in declaration order (nodes, links, routes); empty when valid. */
    public List<NetworkProblem> problems() {
        return problems;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * The network as an unmodifiable undirected multigraph: node ids as vertices, link ids as
     * edges, edge weight the link's expected seconds.
     */
    public Graph<String, String> graph() {
        return graph;
    }

    /**
     * Checks that a demand from {@code fromNode} can reach {@code toNode}.
     *
     * @param path where the demand sits in the scenario, e.g. {@code demand.xian-europe}; unknown
     *     ends are reported at {@code path.from} / {@code path.to}, no path at {@code path}
     */
    public List<NetworkProblem> checkReachable(String fromNode, String toNode, String path) {
        List<NetworkProblem> found = new ArrayList<>();
        boolean fromKnown = spec.nodes().containsKey(fromNode);
        boolean toKnown = spec.nodes().containsKey(toNode);
        if (!fromKnown) {
            found.add(new NetworkProblem(path + ".from",
                    NearNames.unknown("node", String.valueOf(fromNode), spec.nodes().keySet())));
        }
        if (!toKnown) {
            found.add(new NetworkProblem(path + ".to",
                    NearNames.unknown("node", String.valueOf(toNode), spec.nodes().keySet())));
        }
        if (!fromKnown || !toKnown) {
            return found;
        }
        if (fromNode.equals(toNode)) {
            found.add(new NetworkProblem(path + ".to", "destination is the origin " + fromNode
                    + "; a flow must run between two different nodes"));
        } else if (!new ConnectivityInspector<>(graph).connectedSetOf(fromNode)
                .contains(toNode)) {
            found.add(new NetworkProblem(path, "no path from " + fromNode + " to " + toNode
                    + "; the network has no chain of links joining them"));
        }
        return found;
    }

    /**
     * Checks a demand's {@code route: {via: [ALA, MAL]}}: the waypoints are known and the route
     * {@code fromNode → via… → toNode} exists without passing a node twice. Unknown origin or
     * destination are left to {@link #checkReachable}.
     *
     * @param path where the via list sits, e.g. {@code demand.xian-europe.route.via}; an unknown
     *     waypoint is reported at {@code path[i]}, a route that cannot be joined at {@code path}
     */
    public List<NetworkProblem> checkVia(String fromNode, List<String> via, String toNode,
            String path) {
        List<NetworkProblem> found = new ArrayList<>();
        for (int i = 0; i < via.size(); i++) {
            String w = via.get(i);
            if (w == null || !spec.nodes().containsKey(w)) {
                found.add(new NetworkProblem(path + "[" + i + "]",
                        NearNames.unknown("node", String.valueOf(w), spec.nodes().keySet())));
            }
        }
        if (!found.isEmpty() || !spec.nodes().containsKey(fromNode)
                || !spec.nodes().containsKey(toNode)) {
            return found;
        }
        List<String> waypoints = new ArrayList<>();
        waypoints.add(fromNode);
        waypoints.addAll(via);
        waypoints.add(toNode);
        Routing.Expansion expansion = routing.through(waypoints);
        if (expansion.path() == null) {
            found.add(new NetworkProblem(path, expansion.failure()));
        }
        return found;
    }

    /**
     * The int-indexed form for the event loop.
     *
     * @throws IllegalStateException if the network has problems
     */
    public CompiledNetwork compile() {
        if (!isValid()) {
            throw new IllegalStateException("cannot compile a network with problems: count="
                    + problems.size() + " first=" + problems.get(0));
        }
        return new CompiledNetwork(this);
    }

    Routing routing() {
        return routing;
    }

    Map<String, Routing.Path> namedPaths() {
        return namedPaths;
    }

    double linkSeconds(String linkId) {
        return linkSeconds.get(linkId);
    }

    double processSeconds(String nodeId) {
        return processSeconds.get(nodeId);
    }

    /** Expected seconds on a link without queueing; 0 for a link whose data are invalid. */
    /** TEU of the nominal train a yard's handling time is weighed with: 100 TEU/train [S110]. */
    static final double NOMINAL_TRAIN_TEU = 100;

    /**
     * A node's routing weight: expected processing of a nominal train, the mean of the two
     * directions' when the node splits them (routes are searched without a direction).
     */
    static double expectedProcessSeconds(NodeSpec node) {
        double seconds;
        if (node.directional()) {
            seconds = (node.processing(Direction.WEST).expectedSeconds(NOMINAL_TRAIN_TEU)
                    + node.processing(Direction.EAST).expectedSeconds(NOMINAL_TRAIN_TEU)) / 2;
        } else {
            seconds = node.processing().expectedSeconds(NOMINAL_TRAIN_TEU);
        }
        return Double.isFinite(seconds) && seconds >= 0 ? seconds : 0;
    }

    /** Mean berth time of one vessel call at {@code node}, seconds; 0 without berths. */
    static double meanCallSeconds(NodeSpec node) {
        if (node == null || node.berths() == null || node.berths().handlingSeconds() == null) {
            return 0;
        }
        double seconds = Math.min(node.berths().handlingSeconds().mean(),
                (double) node.berths().maxSeconds());
        return Double.isFinite(seconds) && seconds >= 0 ? seconds : 0;
    }

    static double expectedSeconds(LinkSpec link) {
        double seconds;
        if (link.mode() == LinkMode.FERRY) {
            seconds = link.sailingSeconds() == null ? 0 : link.sailingSeconds().mean();
        } else {
            seconds = link.lengthKm() / link.speedKmh() * 3600;
        }
        // Invalid links are reported as problems; a finite non-negative weight keeps the
        // route checks running so that every problem is listed at once.
        return Double.isFinite(seconds) && seconds >= 0 ? seconds : 0;
    }

    private static void checkNode(String id, NodeSpec node, List<NetworkProblem> problems) {
        String p = "nodes." + id;
        if (node.gaugeMm() != STANDARD_GAUGE_MM && node.gaugeMm() != BROAD_GAUGE_MM) {
            problems.add(new NetworkProblem(p + ".gauge", "gauge " + node.gaugeMm()
                    + " mm is not supported; allowed: 1435, 1520"));
        }
        if (node.kind() == null) {
            problems.add(new NetworkProblem(p + ".kind", "missing kind; allowed: terminal,"
                    + " junction, border, gauge-change, port"));
        }
        if (!(node.lat() >= -90 && node.lat() <= 90)) {
            problems.add(new NetworkProblem(p + ".lat", "latitude must be between -90 and 90,"
                    + " got " + node.lat()));
        }
        if (!(node.lon() >= -180 && node.lon() <= 180)) {
            problems.add(new NetworkProblem(p + ".lon", "longitude must be between -180 and"
                    + " 180, got " + node.lon()));
        }
        checkProcessing(p, node.processing(), problems);
        checkBerths(p, node, problems);
        node.directions().forEach((d, spec) ->
                checkProcessing(p + ".directions." + d.yamlName(), spec, problems));
    }

    private static void checkBerths(String p, NodeSpec node, List<NetworkProblem> problems) {
        BerthSpec berths = node.berths();
        if (berths == null) {
            return;
        }
        if (node.kind() != NodeKind.PORT) {
            problems.add(new NetworkProblem(p + ".berths", "berths hold the vessels of sea"
                    + " links; only a kind: port node has them, " + node.id() + " is "
                    + (node.kind() == null ? "of no kind" : "a " + node.kind().yamlName())));
        }
        if (berths.count() < 1) {
            problems.add(new NetworkProblem(p + ".berths.count", "a port needs berths >= 1,"
                    + " got " + berths.count()));
        }
        if (berths.handlingSeconds() == null) {
            problems.add(new NetworkProblem(p + ".berths.handling", "berths need a handling"
                    + " time per vessel call, e.g. handling: lognormal(20h, 6h)"));
        }
        if (berths.maxSeconds() <= 0) {
            problems.add(new NetworkProblem(p + ".berths.max", "max is the longest call, a"
                    + " duration > 0 like 30h, got " + berths.maxSeconds() + " s"));
        }
    }

    private static void checkProcessing(String p, ProcessSpec spec,
            List<NetworkProblem> problems) {
        if (spec.servers() < 0) {
            problems.add(new NetworkProblem(p + ".servers", "servers must be >= 0, got "
                    + spec.servers()));
        } else if (spec.processSeconds() != null && spec.servers() < 1) {
            problems.add(new NetworkProblem(p + ".servers", "a node with process needs"
                    + " servers >= 1, got " + spec.servers()));
        } else if (spec.teuPerServerHour() > 0 && spec.servers() < 1) {
            problems.add(new NetworkProblem(p + ".cranes", "a node with handling needs"
                    + " cranes >= 1, got " + spec.servers()));
        }
        if (!(spec.quotaPerDay() >= 0) || Double.isInfinite(spec.quotaPerDay())) {
            problems.add(new NetworkProblem(p + ".quota", "quota must be >= 0 trains/day"
                    + " (0 means no quota), got " + fmt(spec.quotaPerDay())));
        }
        if (!(spec.teuPerServerHour() >= 0) || Double.isInfinite(spec.teuPerServerHour())) {
            problems.add(new NetworkProblem(p + ".handling", "handling must be >= 0 TEU/h,"
                    + " got " + fmt(spec.teuPerServerHour())));
        }
        if (!(spec.yardTeu() >= 0) || Double.isInfinite(spec.yardTeu())) {
            problems.add(new NetworkProblem(p + ".yard_teu", "yard_teu must be >= 0, got "
                    + fmt(spec.yardTeu())));
        }
    }

    /** Checks one link; returns whether it may enter the graph (ends known and distinct). */
    private static boolean checkLink(String id, LinkSpec link, Map<String, NodeSpec> nodes,
            List<NetworkProblem> problems) {
        String p = "links." + id;
        boolean fromKnown = link.from() != null && nodes.containsKey(link.from());
        boolean toKnown = link.to() != null && nodes.containsKey(link.to());
        if (!fromKnown) {
            problems.add(new NetworkProblem(p + ".from", link.from() == null
                    ? "missing from node" : NearNames.unknown("node", link.from(), nodes.keySet())));
        }
        if (!toKnown) {
            problems.add(new NetworkProblem(p + ".to", link.to() == null
                    ? "missing to node" : NearNames.unknown("node", link.to(), nodes.keySet())));
        }
        boolean selfLoop = fromKnown && toKnown && link.from().equals(link.to());
        if (selfLoop) {
            problems.add(new NetworkProblem(p + ".to", "link joins " + link.from()
                    + " to itself; from and to must be different nodes"));
        }
        if (link.mode() == LinkMode.FERRY) {
            checkFerry(p, link, nodes, fromKnown, toKnown, problems);
        } else {
            checkRail(p, link, problems);
        }
        if (fromKnown && toKnown && !selfLoop) {
            checkGauge(p, link, nodes.get(link.from()), nodes.get(link.to()), problems);
        }
        return fromKnown && toKnown && !selfLoop;
    }

    private static void checkRail(String p, LinkSpec link, List<NetworkProblem> problems) {
        if (!(link.lengthKm() > 0) || Double.isInfinite(link.lengthKm())) {
            problems.add(new NetworkProblem(p + ".km", "a rail link needs km > 0, got "
                    + fmt(link.lengthKm())));
        }
        if (!(link.speedKmh() > 0) || Double.isInfinite(link.speedKmh())) {
            problems.add(new NetworkProblem(p + ".speed_kmh", "a rail link needs speed_kmh > 0,"
                    + " got " + fmt(link.speedKmh())));
        }
        if (link.tracks() != 1 && link.tracks() != 2) {
            problems.add(new NetworkProblem(p + ".tracks", "tracks must be 1 (single track) or"
                    + " 2 (double track), got " + link.tracks()));
        }
        if (link.sidings() < 0) {
            problems.add(new NetworkProblem(p + ".sidings", "sidings must be >= 0 (0 on a single"
                    + " track: one direction at a time), got " + link.sidings()));
        }
        if (!(link.capacityPerDay() >= 0) || Double.isInfinite(link.capacityPerDay())) {
            problems.add(new NetworkProblem(p + ".capacity", "capacity must be >= 0 trains/day"
                    + " per direction (0 means no limit), got " + fmt(link.capacityPerDay())));
        }
    }

    private static void checkFerry(String p, LinkSpec link, Map<String, NodeSpec> nodes,
            boolean fromKnown, boolean toKnown, List<NetworkProblem> problems) {
        if (fromKnown && nodes.get(link.from()).kind() != NodeKind.PORT) {
            problems.add(new NetworkProblem(p + ".from", notAPort(nodes.get(link.from()))));
        }
        if (toKnown && nodes.get(link.to()).kind() != NodeKind.PORT
                && !link.to().equals(link.from())) {
            problems.add(new NetworkProblem(p + ".to", notAPort(nodes.get(link.to()))));
        }
        if (!(link.lengthKm() > 0) || Double.isInfinite(link.lengthKm())) {
            problems.add(new NetworkProblem(p + ".km", "a ferry link needs km > 0 (sea"
                    + " distance), got " + fmt(link.lengthKm())));
        }
        if (link.vessels() < 1) {
            problems.add(new NetworkProblem(p + ".vessels", "a ferry link needs vessels >= 1,"
                    + " got " + link.vessels()));
        }
        if (link.teuPerVessel() < 0) {
            problems.add(new NetworkProblem(p + ".teu", "a container feeder needs teu >= 1"
                    + " (TEU per vessel), got " + link.teuPerVessel()));
        } else if (link.teuPerVessel() == 0 && link.wagonsPerVessel() < 1) {
            problems.add(new NetworkProblem(p + ".wagons", "a ferry link needs wagons >= 1"
                    + " (wagon places per vessel), got " + link.wagonsPerVessel()));
        }
        if (!(link.otherCargoShare() >= 0 && link.otherCargoShare() < 1)) {
            problems.add(new NetworkProblem(p + ".other_cargo_share", "other_cargo_share is the"
                    + " fraction of wagon places non-China cargo takes, 0 <= share < 1, got "
                    + fmt(link.otherCargoShare())));
        }
        if (link.sailingSeconds() == null) {
            problems.add(new NetworkProblem(p + ".sailing", "a ferry link needs a sailing time"
                    + " distribution, e.g. sailing: lognormal(22h, 4h)"));
        }
        DepartureRule departs = link.departs();
        if (departs == null) {
            problems.add(new NetworkProblem(p + ".departs", "a ferry link needs a departs rule,"
                    + " e.g. departs: when-full(80%, 48h)"));
        } else if (!(departs.fillFraction() > 0 && departs.fillFraction() <= 1)
                || departs.maxWaitSeconds() < 0) {
            problems.add(new NetworkProblem(p + ".departs", "when-full needs a fill between 0 %"
                    + " (exclusive) and 100 % and a wait >= 0, got fill "
                    + fmt(departs.fillFraction() * 100) + " % and wait "
                    + departs.maxWaitSeconds() + " s"));
        }
    }

    private static String notAPort(NodeSpec node) {
        return "a ferry link must join port nodes; " + node.id() + " is "
                + (node.kind() == null ? "of no kind" : "a " + node.kind().yamlName())
                + " (set kind: port)";
    }

    /**
     * PRODUCT.md §3: where two gauges meet, trains must pass a gauge-change node, or cross a
     * container feeder ({@code teu:}) between two ports: the ports lift the containers off one
     * train and onto another, which is a transshipment, so the gauge may differ across it. A
     * rail ferry carries the wagons themselves and may not join two gauges.
     */
    private static void checkGauge(String p, LinkSpec link, NodeSpec from, NodeSpec to,
            List<NetworkProblem> problems) {
        if (from.gaugeMm() == to.gaugeMm() || !knownGauge(from) || !knownGauge(to)) {
            return;
        }
        if (from.kind() == NodeKind.GAUGE_CHANGE || to.kind() == NodeKind.GAUGE_CHANGE) {
            return;
        }
        if (link.carriesContainers() && from.kind() == NodeKind.PORT
                && to.kind() == NodeKind.PORT) {
            return;
        }
        problems.add(new NetworkProblem(p, "joins " + from.id() + " (" + from.gaugeMm()
                + " mm) and " + to.id() + " (" + to.gaugeMm() + " mm) but neither end is a"
                + " gauge-change node; trains may change gauge only at kind: gauge-change, or"
                + " across a container feeder (mode: ferry with teu) between two kind: port"
                + " nodes"));
    }

    private static boolean knownGauge(NodeSpec node) {
        return node.gaugeMm() == STANDARD_GAUGE_MM || node.gaugeMm() == BROAD_GAUGE_MM;
    }

    /** Unknown waypoints are reported at {@code p[i]}, other route problems at {@code p}. */
    private static Routing.Path checkRoute(List<String> waypoints, Map<String, NodeSpec> nodes,
            Routing routing, String p, List<NetworkProblem> problems) {
        if (waypoints.size() < 2) {
            problems.add(new NetworkProblem(p, "a route needs at least 2 waypoints (origin and"
                    + " destination), got " + waypoints.size()));
            return null;
        }
        boolean allKnown = true;
        for (int i = 0; i < waypoints.size(); i++) {
            String w = waypoints.get(i);
            if (w == null || !nodes.containsKey(w)) {
                allKnown = false;
                problems.add(new NetworkProblem(p + "[" + i + "]",
                        NearNames.unknown("node", String.valueOf(w), nodes.keySet())));
            }
        }
        if (!allKnown) {
            return null;
        }
        Routing.Expansion expansion = routing.through(waypoints);
        if (expansion.path() == null) {
            problems.add(new NetworkProblem(p, expansion.failure()));
        }
        return expansion.path();
    }

    private static String pairKey(LinkSpec link) {
        boolean ordered = link.from().compareTo(link.to()) <= 0;
        String a = ordered ? link.from() : link.to();
        String b = ordered ? link.to() : link.from();
        return a + '\u0000' + b + '\u0000' + link.mode();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value)
                ? Long.toString((long) value) : Double.toString(value);
    }
}
