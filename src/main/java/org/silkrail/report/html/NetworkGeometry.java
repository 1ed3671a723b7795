package org.silkrail.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.silkrail.network.CompiledNetwork;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.Network;
import org.silkrail.network.NetworkSpec;
import org.silkrail.network.NodeSpec;
import org.silkrail.network.Route;
import org.silkrail.network.RouteSpec;
import org.silkrail.report.Numbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a run's network lies, for the report's map: each node's position, country, gauge and
 * kind, each link's ends and mode, and the links of each named route ({@code northern},
 * {@code titr}), in declaration order.
 *
 * <p>A run writes it beside its results as {@code network.geojson} (RFC 7946: a {@code Point}
 * per node, a {@code LineString} per link and one per named route, told apart by the property
 * {@code feature}), so that {@code silkrail report DIR} can draw the map again and GIS tools can
 * open the network. Coordinates are degrees, longitude first.
 *
 * @param nodes nodes in declaration order
 * @param links links in declaration order
 * @param routes named routes in declaration order, expanded to the links trains run over
 */
public record NetworkGeometry(List<Node> nodes, List<Link> links, List<RouteLine> routes) {
    /** The file a run writes the geometry to. */
    public static final String FILE_NAME = "network.geojson";

    public NetworkGeometry {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        routes = List.copyOf(routes);
    }

    /**
     * @param lat latitude in degrees
     * @param lon longitude in degrees
     * @param kind the scenario's spelling ({@code gauge-change})
     */
    public record Node(String id, String name, String country, double lat, double lon,
            int gaugeMm, String kind) {
        public Node {
            Objects.requireNonNull(id, "id");
        }
    }

    /** @param mode {@code rail} or {@code ferry} */
    public record Link(String id, String from, String to, String mode, double lengthKm) {
        public Link {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A named route as the trains run it: its nodes and the links between them, in order. */
    public record RouteLine(String id, List<String> nodes, List<String> links) {
        public RouteLine {
            nodes = List.copyOf(nodes);
            links = List.copyOf(links);
        }
    }

    /**
     * The geometry of a declared network. Named routes are expanded through the network when it
     * compiles (a run's network always does); otherwise they keep only their waypoints.
     */
    public static NetworkGeometry of(NetworkSpec spec) {
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<String, NodeSpec> e : spec.nodes().entrySet()) {
            NodeSpec n = e.getValue();
            nodes.add(new Node(e.getKey(), n.name(), n.country(), n.lat(), n.lon(), n.gaugeMm(),
                    n.kind() == null ? null : n.kind().yamlName()));
        }
        List<Link> links = new ArrayList<>();
        for (Map.Entry<String, LinkSpec> e : spec.links().entrySet()) {
            LinkSpec l = e.getValue();
            links.add(new Link(e.getKey(), l.from(), l.to(),
                    l.mode() == null ? "rail" : l.mode().yamlName(), l.lengthKm()));
        }
        List<RouteLine> routes = new ArrayList<>();
        Network network = Network.build(spec);
        if (network.problems().isEmpty()) {
            CompiledNetwork compiled = network.compile();
            for (Map.Entry<String, Route> e : compiled.namedRoutes().entrySet()) {
                Route route = e.getValue();
                List<String> routeNodes = new ArrayList<>();
                List<String> routeLinks = new ArrayList<>();
                for (int i = 0; i <= route.legs(); i++) {
                    routeNodes.add(compiled.nodeId(route.node(i)));
                    if (i < route.legs()) {
                        routeLinks.add(compiled.linkId(route.link(i)));
                    }
                }
                routes.add(new RouteLine(e.getKey(), routeNodes, routeLinks));
            }
        } else {
            for (RouteSpec r : spec.routes().values()) {
                routes.add(new RouteLine(r.id(), r.waypoints(), List.of()));
            }
        }
        return new NetworkGeometry(nodes, links, routes);
    }

    /** The geometry as a GeoJSON FeatureCollection (see the class comment). */
    public ObjectNode toGeoJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        Map<String, Node> byId = new HashMap<>();
        for (Node n : nodes) {
            byId.put(n.id(), n);
            Feature feature = Feature.add(features, n.id(), "Point", "node");
            feature.properties().put("name", n.name());
            feature.properties().put("country", n.country());
            feature.properties().put("kind", n.kind());
            feature.properties().put("gauge_mm", n.gaugeMm());
            position(feature.geometry().putArray("coordinates"), n);
        }
        for (Link l : links) {
            Feature feature = Feature.add(features, l.id(), "LineString", "link");
            feature.properties().put("from", l.from());
            feature.properties().put("to", l.to());
            feature.properties().put("mode", l.mode());
            feature.properties().set("km", number(l.lengthKm()));
            line(feature.geometry().putArray("coordinates"), byId, List.of(l.from(), l.to()));
        }
        for (RouteLine r : routes) {
            Feature feature = Feature.add(features, r.id(), "LineString", "route");
            r.nodes().forEach(feature.properties().putArray("nodes")::add);
            r.links().forEach(feature.properties().putArray("links")::add);
            line(feature.geometry().putArray("coordinates"), byId, r.nodes());
        }
        return root;
    }

    /**
     * Reads back what {@link #toGeoJson} wrote.
     *
     * @throws IllegalArgumentException naming the JSON path of the first malformed feature
     */
    public static NetworkGeometry fromGeoJson(JsonNode root) {
        JsonNode features = root.path("features");
        if (!"FeatureCollection".equals(root.path("type").asString(null)) || !features.isArray()) {
            throw new IllegalArgumentException("type: expected a GeoJSON FeatureCollection");
        }
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<RouteLine> routes = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "features[" + i + "]";
            JsonNode feature = features.get(i);
            JsonNode p = feature.path("properties");
            String id = text(p, "id", at);
            switch (text(p, "feature", at)) {
                case "node" -> {
                    JsonNode c = feature.path("geometry").path("coordinates");
                    if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber()
                            || !c.get(1).isNumber()) {
                        throw new IllegalArgumentException(at
                                + ".geometry.coordinates: expected [lon, lat]");
                    }
                    nodes.add(new Node(id, p.path("name").asString(id),
                            p.path("country").asString(""), c.get(1).asDouble(),
                            c.get(0).asDouble(), p.path("gauge_mm").asInt(0),
                            p.path("kind").asString(null)));
                }
                case "link" -> links.add(new Link(id, text(p, "from", at), text(p, "to", at),
                        p.path("mode").asString("rail"), p.path("km").asDouble(Double.NaN)));
                case "route" -> routes.add(new RouteLine(id, strings(p.path("nodes")),
                        strings(p.path("links"))));
                default -> throw new IllegalArgumentException(at
                        + ".properties.feature: expected node, link or route");
            }
        }
        return new NetworkGeometry(nodes, links, routes);
    }

    /** The compact form the page's script reads: arrays of nodes, links and routes. */
    ObjectNode toPageJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode n = root.putArray("nodes");
        for (Node node : nodes) {
            ObjectNode o = n.addObject();
            o.put("id", node.id());
            o.put("name", node.name());
            o.put("country", node.country());
            o.set("lat", number(node.lat()));
            o.set("lon", number(node.lon()));
            o.put("gauge_mm", node.gaugeMm());
            o.put("kind", node.kind());
        }
        ArrayNode l = root.putArray("links");
        for (Link link : links) {
            ObjectNode o = l.addObject();
            o.put("id", link.id());
            o.put("from", link.from());
            o.put("to", link.to());
            o.put("mode", link.mode());
            o.set("km", number(link.lengthKm()));
        }
        ArrayNode r = root.putArray("routes");
        for (RouteLine route : routes) {
            ObjectNode o = r.addObject();
            o.put("id", route.id());
            route.nodes().forEach(o.putArray("nodes")::add);
            route.links().forEach(o.putArray("links")::add);
        }
        return root;
    }

    /** One GeoJSON feature being written: its geometry and properties objects. */
    private record Feature(ObjectNode geometry, ObjectNode properties) {
        static Feature add(ArrayNode features, String id, String geometryType, String kind) {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", id);
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", geometryType);
            ObjectNode properties = feature.putObject("properties");
            properties.put("feature", kind);
            properties.put("id", id);
            return new Feature(geometry, properties);
        }
    }

    private static void line(ArrayNode coordinates, Map<String, Node> byId, List<String> ids) {
        for (String id : ids) {
            Node n = byId.get(id);
            if (n != null) {
                position(coordinates.addArray(), n);
            }
        }
    }

    private static void position(ArrayNode coordinates, Node n) {
        coordinates.add(number(n.lon())).add(number(n.lat()));
    }

    private static JsonNode number(double value) {
        BigDecimal d = Numbers.decimal(value);
        return d == null ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.numberNode(d);
    }

    private static String text(JsonNode properties, String key, String at) {
        JsonNode v = properties.get(key);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(at + ".properties." + key
                    + ": expected a string");
        }
        return v.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            out.add(v.asString());
        }
        return out;
    }
}
