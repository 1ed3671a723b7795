package org.silkrail.network;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;
import org.silkrail.engine.Distribution;
import org.silkrail.format.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The network written for people and for other tools: a text summary (nodes, links, named
 * routes with their lengths and expected days), Graphviz DOT and GraphML (via jgrapht-io), and
 * GeoJSON for map viewers.
 *
 * <p>GeoJSON follows RFC 7946: one {@code FeatureCollection} with a {@code Point} per node and a
 * {@code LineString} per link, coordinates in {@code [lon, lat]} order (WGS 84), each feature's
 * {@code properties} carrying its id and attributes.
 *
 * <p>Durations print in the scenario's units ({@code lognormal(6h, 3h)}), rates per day.
 */
public final class NetworkExport {

    /** The formats of {@code silkrail network --format}. */
    public enum Format {
        TEXT, DOT, GRAPHML, GEOJSON
    }

    private NetworkExport() {
    }

    /** Writes {@code network} in {@code format} to {@code out}; does not close it. */
    public static void write(CompiledNetwork network, Format format, Writer out) {
        try {
            switch (format) {
                case TEXT -> out.write(text(network));
                case DOT -> dotExporter(network).exportGraph(network.network().graph(), out);
                case GRAPHML -> graphmlExporter(network).exportGraph(network.network().graph(),
                        out);
                case GEOJSON -> out.write(geojson(network));
                default -> throw new IllegalArgumentException("format=" + format);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String export(CompiledNetwork network, Format format) {
        StringWriter out = new StringWriter();
        write(network, format, out);
        return out.toString();
    }

    /** A plain-text summary: nodes, links, then named routes with km and expected days. */
    public static String text(CompiledNetwork network) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "network: %d nodes, %d links, %d named routes%n",
                network.nodeCount(), network.linkCount(), network.namedRoutes().size()));

        sb.append(String.format(Locale.ROOT, "%nnodes%n"));
        sb.append(String.format(Locale.ROOT, "  %-6s %-12s %5s %7s  %-22s %-9s %s%n",
                "id", "kind", "gauge", "servers", "process", "quota", "name"));
        for (int i = 0; i < network.nodeCount(); i++) {
            NodeSpec node = network.node(i);
            sb.append(String.format(Locale.ROOT, "  %-6s %-12s %5d %7s  %-22s %-9s %s%n",
                    network.nodeId(i), node.kind() == null ? "?" : node.kind().yamlName(),
                    node.gaugeMm(), node.servers() > 0 ? Integer.toString(node.servers()) : "-",
                    node.processSeconds() == null ? "-" : duration(node.processSeconds()),
                    node.quotaPerDay() > 0 ? perDay(node.quotaPerDay()) : "-",
                    node.name() + (node.country() == null ? "" : " (" + node.country() + ")")));
        }

        sb.append(String.format(Locale.ROOT, "%nlinks%n"));
        sb.append(String.format(Locale.ROOT, "  %-9s %-5s %-5s %-5s %6s  %s%n",
                "id", "from", "to", "mode", "km", "attributes"));
        for (int j = 0; j < network.linkCount(); j++) {
            LinkSpec link = network.link(j);
            String attributes;
            if (link.mode() == LinkMode.FERRY) {
                attributes = String.format(Locale.ROOT,
                        "vessels %d x %s, sailing %s, departs %s%s",
                        link.vessels(), places(link), duration(link.sailingSeconds()),
                        departs(link.departs()), link.otherCargoShare() > 0
                                ? ", other cargo " + number(link.otherCargoShare() * 100) + " %"
                                : "");
            } else {
                attributes = String.format(Locale.ROOT, "%s, %s km/h, capacity %s",
                        link.tracks() == 1 ? "single track, " + link.sidings() + " sidings"
                                : "double track",
                        number(link.speedKmh()),
                        link.capacityPerDay() > 0 ? perDay(link.capacityPerDay()) : "unlimited");
            }
            sb.append(String.format(Locale.ROOT, "  %-9s %-5s %-5s %-5s %6s  %s, %s h%n",
                    network.linkId(j), link.from(), link.to(),
                    link.mode() == null ? "rail" : link.mode().yamlName(),
                    number(link.lengthKm()), attributes,
                    String.format(Locale.ROOT, "%.1f", network.expectedLinkSeconds(j) / 3600)));
        }

        boolean anyBerths = false;
        for (int i = 0; i < network.nodeCount(); i++) {
            BerthSpec berths = network.node(i).berths();
            if (berths == null) {
                continue;
            }
            if (!anyBerths) {
                sb.append(String.format(Locale.ROOT, "%nberths (per vessel call)%n"));
                anyBerths = true;
            }
            sb.append(String.format(Locale.ROOT, "  %-6s %d berths, handling %s%s%n",
                    network.nodeId(i), berths.count(), duration(berths.handlingSeconds()),
                    berths.maxSeconds() < Long.MAX_VALUE ? ", max " + seconds(berths.maxSeconds())
                            : ""));
        }

        sb.append(String.format(Locale.ROOT, "%nroutes (expected days: running, sailing and mean"
                + " processing, no queueing)%n"));
        if (network.namedRoutes().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  (none)%n"));
        }
        for (Route route : network.namedRoutes().values()) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < route.nodes().length; i++) {
                path.append(i == 0 ? "" : " - ").append(network.nodeId(route.node(i)));
            }
            sb.append(String.format(Locale.ROOT, "  %-10s %,8.0f km %6.1f d  %s%n",
                    route.name(), route.lengthKm(), route.expectedDays(), path));
        }
        return sb.toString();
    }

    /** GeoJSON (RFC 7946) FeatureCollection: a Point per node, then a LineString per link. */
    public static String geojson(CompiledNetwork network) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (int i = 0; i < network.nodeCount(); i++) {
            NodeSpec node = network.node(i);
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", network.nodeId(i));
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", "Point");
            geometry.putArray("coordinates").add(node.lon()).add(node.lat());
            ObjectNode p = feature.putObject("properties");
            p.put("id", network.nodeId(i));
            p.put("feature", "node");
            p.put("name", node.name());
            p.put("country", node.country());
            p.put("kind", node.kind() == null ? null : node.kind().yamlName());
            p.put("gauge_mm", node.gaugeMm());
            p.put("servers", node.servers());
            p.put("process", node.processSeconds() == null ? null
                    : duration(node.processSeconds()));
            p.put("quota_per_day", node.quotaPerDay());
            if (node.berths() != null) {
                ObjectNode berths = p.putObject("berths");
                berths.put("count", node.berths().count());
                berths.put("handling", duration(node.berths().handlingSeconds()));
                if (node.berths().maxSeconds() < Long.MAX_VALUE) {
                    berths.put("max", seconds(node.berths().maxSeconds()));
                }
            }
        }
        for (int j = 0; j < network.linkCount(); j++) {
            LinkSpec link = network.link(j);
            NodeSpec from = network.node(network.linkFrom(j));
            NodeSpec to = network.node(network.linkTo(j));
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", network.linkId(j));
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", "LineString");
            ArrayNode coordinates = geometry.putArray("coordinates");
            coordinates.addArray().add(from.lon()).add(from.lat());
            coordinates.addArray().add(to.lon()).add(to.lat());
            ObjectNode p = feature.putObject("properties");
            p.put("id", network.linkId(j));
            p.put("feature", "link");
            p.put("from", link.from());
            p.put("to", link.to());
            p.put("mode", link.mode() == null ? "rail" : link.mode().yamlName());
            p.put("km", link.lengthKm());
            p.put("expected_hours", network.expectedLinkSeconds(j) / 3600);
            if (link.mode() == LinkMode.FERRY) {
                p.put("vessels", link.vessels());
                if (link.carriesContainers()) {
                    p.put("teu", link.teuPerVessel());
                } else {
                    p.put("wagons", link.wagonsPerVessel());
                }
                p.put("sailing", duration(link.sailingSeconds()));
                p.put("departs", departs(link.departs()));
                p.put("other_cargo_share", link.otherCargoShare());
            } else {
                p.put("tracks", link.tracks());
                p.put("sidings", link.sidings());
                p.put("speed_kmh", link.speedKmh());
                p.put("capacity_per_day", link.capacityPerDay());
            }
        }
        return Json.pretty().writeValueAsString(root)
                + System.lineSeparator();
    }

    /** A ferry's places per vessel: wagons, or TEU on a container feeder. */
    private static String places(LinkSpec link) {
        return link.carriesContainers() ? link.teuPerVessel() + " TEU"
                : link.wagonsPerVessel() + " wagons";
    }

    private static DOTExporter<String, String> dotExporter(CompiledNetwork network) {
        DOTExporter<String, String> exporter = new DOTExporter<>(NetworkExport::quoted);
        exporter.setGraphIdProvider(() -> "silkrail");
        exporter.setVertexAttributeProvider(id -> {
            NodeSpec node = network.node(network.nodeIndex(id));
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("label", DefaultAttribute.createAttribute(id + "\\n" + node.gaugeMm()
                    + " mm"));
            attributes.put("tooltip", DefaultAttribute.createAttribute(node.name()));
            attributes.put("shape", DefaultAttribute.createAttribute(
                    node.kind() == NodeKind.GAUGE_CHANGE ? "doubleoctagon"
                            : node.kind() == NodeKind.PORT ? "house" : "ellipse"));
            return attributes;
        });
        exporter.setEdgeIdProvider(id -> id);
        exporter.setEdgeAttributeProvider(id -> {
            LinkSpec link = network.link(network.linkIndex(id));
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("label", DefaultAttribute.createAttribute(id + "\\n"
                    + number(link.lengthKm()) + " km"));
            if (link.mode() == LinkMode.FERRY) {
                attributes.put("style", DefaultAttribute.createAttribute("dashed"));
            } else if (link.tracks() == 2) {
                attributes.put("penwidth", DefaultAttribute.createAttribute(2));
            }
            return attributes;
        });
        return exporter;
    }

    private static GraphMLExporter<String, String> graphmlExporter(CompiledNetwork network) {
        GraphMLExporter<String, String> exporter = new GraphMLExporter<>(id -> id);
        exporter.setEdgeIdProvider(id -> id);
        exporter.setExportEdgeWeights(true);
        exporter.setEdgeWeightAttributeName("expected_seconds");
        String[][] nodeAttributes = {{"name", "string"}, {"country", "string"},
            {"kind", "string"}, {"gauge_mm", "int"}, {"lat", "double"}, {"lon", "double"},
            {"servers", "int"}, {"quota_per_day", "double"}, {"berths", "int"},
            {"berth_handling", "string"}};
        for (String[] a : nodeAttributes) {
            exporter.registerAttribute(a[0], AttributeCategory.NODE, type(a[1]));
        }
        String[][] linkAttributes = {{"mode", "string"}, {"km", "double"}, {"tracks", "int"},
            {"sidings", "int"}, {"speed_kmh", "double"}, {"capacity_per_day", "double"},
            {"vessels", "int"}, {"wagons", "int"}, {"teu", "int"},
            {"other_cargo_share", "double"}};
        for (String[] a : linkAttributes) {
            exporter.registerAttribute(a[0], AttributeCategory.EDGE, type(a[1]));
        }
        exporter.setVertexAttributeProvider(id -> {
            NodeSpec node = network.node(network.nodeIndex(id));
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("name", DefaultAttribute.createAttribute(node.name()));
            attributes.put("country", DefaultAttribute.createAttribute(node.country()));
            attributes.put("kind", DefaultAttribute.createAttribute(
                    node.kind() == null ? "" : node.kind().yamlName()));
            attributes.put("gauge_mm", DefaultAttribute.createAttribute(node.gaugeMm()));
            attributes.put("lat", DefaultAttribute.createAttribute(node.lat()));
            attributes.put("lon", DefaultAttribute.createAttribute(node.lon()));
            attributes.put("servers", DefaultAttribute.createAttribute(node.servers()));
            attributes.put("quota_per_day", DefaultAttribute.createAttribute(node.quotaPerDay()));
            if (node.berths() != null) {
                attributes.put("berths", DefaultAttribute.createAttribute(node.berths().count()));
                attributes.put("berth_handling", DefaultAttribute.createAttribute(
                        duration(node.berths().handlingSeconds())));
            }
            return attributes;
        });
        exporter.setEdgeAttributeProvider(id -> {
            LinkSpec link = network.link(network.linkIndex(id));
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("mode", DefaultAttribute.createAttribute(
                    link.mode() == null ? "rail" : link.mode().yamlName()));
            attributes.put("km", DefaultAttribute.createAttribute(link.lengthKm()));
            if (link.mode() == LinkMode.FERRY) {
                attributes.put("vessels", DefaultAttribute.createAttribute(link.vessels()));
                if (link.carriesContainers()) {
                    attributes.put("teu", DefaultAttribute.createAttribute(link.teuPerVessel()));
                } else {
                    attributes.put("wagons",
                            DefaultAttribute.createAttribute(link.wagonsPerVessel()));
                }
                attributes.put("other_cargo_share",
                        DefaultAttribute.createAttribute(link.otherCargoShare()));
            } else {
                attributes.put("tracks", DefaultAttribute.createAttribute(link.tracks()));
                attributes.put("sidings", DefaultAttribute.createAttribute(link.sidings()));
                attributes.put("speed_kmh", DefaultAttribute.createAttribute(link.speedKmh()));
                attributes.put("capacity_per_day",
                        DefaultAttribute.createAttribute(link.capacityPerDay()));
            }
            return attributes;
        });
        return exporter;
    }

    private static AttributeType type(String name) {
        return switch (name) {
            case "int" -> AttributeType.INT;
            case "double" -> AttributeType.DOUBLE;
            default -> AttributeType.STRING;
        };
    }

    /** A DOT ID: a double-quoted string, so that any node id is valid. */
    private static String quoted(String id) {
        return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A distribution of seconds in the scenario's compact form, e.g. {@code lognormal(6h, 3h)}. */
    static String duration(Distribution d) {
        if (d instanceof Distribution.Fixed f) {
            return "fixed(" + seconds(f.value()) + ")";
        } else if (d instanceof Distribution.Exponential e) {
            return "exp(" + seconds(e.mean()) + ")";
        } else if (d instanceof Distribution.LogNormal l) {
            return "lognormal(" + seconds(l.mean()) + ", " + seconds(l.sd()) + ")";
        } else if (d instanceof Distribution.Gamma g) {
            return "gamma(" + seconds(g.mean()) + ", " + seconds(g.sd()) + ")";
        } else if (d instanceof Distribution.Erlang e) {
            return "erlang(" + e.k() + ", " + seconds(e.mean()) + ")";
        } else if (d instanceof Distribution.Uniform u) {
            return "uniform(" + seconds(u.low()) + ", " + seconds(u.high()) + ")";
        } else if (d instanceof Distribution.Triangular t) {
            return "triangular(" + seconds(t.min()) + ", " + seconds(t.mode()) + ", "
                    + seconds(t.max()) + ")";
        } else if (d instanceof Distribution.Normal n) {
            return "normal(" + seconds(n.mu()) + ", " + seconds(n.sd()) + ")";
        }
        return "empirical(mean " + seconds(d.mean()) + ")";
    }

    /** Seconds in a unit that keeps them short: 90s, 30min, 4.25h, 48h, 13d (a week or more). */
    static String seconds(double s) {
        if (s >= 7 * 86_400 && s % 86_400 == 0) {
            return number(s / 86_400) + "d";
        }
        if (s >= 3600 || s == 0) {
            return number(Math.round(s / 36.0) / 100.0) + "h";
        }
        if (s % 60 == 0) {
            return number(s / 60) + "min";
        }
        return number(s) + "s";
    }

    private static String departs(DepartureRule rule) {
        return "when-full(" + number(Math.round(rule.fillFraction() * 1000) / 10.0) + "%, "
                + seconds(rule.maxWaitSeconds()) + ")";
    }

    private static String perDay(double perDay) {
        return number(perDay) + "/day";
    }

    /** Integers without a decimal point, others with up to two decimals. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = String.format(Locale.ROOT, "%.2f", value);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
