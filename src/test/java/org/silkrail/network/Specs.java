package org.silkrail.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.engine.Distribution;

/** Small networks built in code for tests; times in seconds. */
final class Specs {
    static final double HOUR = 3600;

    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private final Map<String, LinkSpec> links = new LinkedHashMap<>();
    private final Map<String, RouteSpec> routes = new LinkedHashMap<>();

    static Specs network() {
        return new Specs();
    }

    /** A junction without processing at (0, 0) on 1435 mm. */
    Specs node(String id) {
        return node(id, 1435, NodeKind.JUNCTION, 0, 0);
    }

    Specs node(String id, int gaugeMm, NodeKind kind) {
        return node(id, gaugeMm, kind, 0, 0);
    }

    /** A node processing for a fixed {@code processHours} on {@code servers} places. */
    Specs node(String id, int gaugeMm, NodeKind kind, int servers, double processHours) {
        Distribution process = servers > 0 ? new Distribution.Fixed(processHours * HOUR) : null;
        nodes.put(id, new NodeSpec(id, id + " station", "KZ", 45.0 + nodes.size() * 0.1,
                80.0 + nodes.size() * 0.1, gaugeMm, kind, servers, process, 0));
        return this;
    }

    Specs node(NodeSpec node) {
        nodes.put(node.id(), node);
        return this;
    }

    /** Double-track rail link of {@code km} at {@code speedKmh}, no capacity limit. */
    Specs rail(String from, String to, double km, double speedKmh) {
        return link(LinkSpec.rail(from + "-" + to, from, to, km, 2, 0, speedKmh, 0));
    }

    Specs ferry(String from, String to, double km, double sailingHours) {
        return link(LinkSpec.ferry(from + "-" + to, from, to, km, 6, 54,
                new Distribution.LogNormal(sailingHours * HOUR, 4 * HOUR),
                new DepartureRule(0.8, 48 * 3600)));
    }

    Specs link(LinkSpec link) {
        links.put(link.id(), link);
        return this;
    }

    Specs route(String name, String... waypoints) {
        routes.put(name, new RouteSpec(name, List.of(waypoints)));
        return this;
    }

    NetworkSpec spec() {
        return new NetworkSpec(nodes, links, routes);
    }

    Network build() {
        return Network.build(spec());
    }

    /**
     * A small corridor: XIA(1435, 4 h) – ALA(1435) – DOS(1520 gauge change, 6 h) – MOI – AKU(port)
     * ~ferry~ ALAT(port), with route {@code west: [XIA, DOS, ALAT]}.
     */
    static Specs corridor() {
        return network()
                .node("XIA", 1435, NodeKind.TERMINAL, 6, 4)
                .node("ALA", 1435, NodeKind.BORDER)
                .node("DOS", 1520, NodeKind.GAUGE_CHANGE, 4, 6)
                .node("MOI", 1520, NodeKind.JUNCTION)
                .node("AKU", 1520, NodeKind.PORT, 2, 3)
                .node("ALAT", 1520, NodeKind.PORT, 2, 3)
                .rail("XIA", "ALA", 1000, 50)
                .rail("ALA", "DOS", 12, 20)
                .rail("DOS", "MOI", 836, 50)
                .rail("MOI", "AKU", 1500, 50)
                .ferry("AKU", "ALAT", 480, 22)
                .route("west", "XIA", "DOS", "ALAT");
    }
}
