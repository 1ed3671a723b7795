package org.silkrail.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The countries behind the report's map: Natural Earth 1:50m country outlines (public domain),
 * clipped to the part of the world a network spans, as the GeoJSON FeatureCollection that the
 * page registers as its ECharts map.
 *
 * <p>The outlines come from {@code basemap.geojson} on the classpath, built and simplified by
 * {@code tools/report-assets/build}; it covers 25°W–150°E, 5°N–78°N at 0.01°. The clip keeps a
 * margin around the nodes of {@link #MARGIN_SHARE} of the network's extent (at least
 * {@link #MIN_MARGIN_DEG}), so that the map can be zoomed out a little before its edge shows;
 * the baseline (Duisburg to Xi'an) keeps 75 countries, about 96 kB of the page.
 *
 * <p>Each feature keeps {@code name} and {@code iso_a2} (empty for the few places without an ISO
 * code, such as Kosovo) and gains {@code label}: [lon, lat] of the area-weighted centroid of its
 * largest clipped polygon, where the page writes the country's name, and {@code area_deg2}, that
 * polygon's area in square degrees (Georgia 7.6, Armenia 3.2, Cyprus 1.0), by which the page
 * leaves the names of the smallest countries out.
 */
final class Basemap {
    /** The margin around the nodes, as a share of the nodes' extent in each direction. */
    static final double MARGIN_SHARE = 0.15;
    /** The smallest margin around the nodes, in degrees. */
    static final double MIN_MARGIN_DEG = 5;
    private static final String RESOURCE = "/org/silkrail/report/basemap.geojson";

    private Basemap() {
    }

    /**
     * The countries around the network's nodes.
     *
     * @return a GeoJSON FeatureCollection of MultiPolygons, or {@code null} when the network has
     *     no node
     */
    static ObjectNode around(NetworkGeometry network) {
        if (network.nodes().isEmpty()) {
            return null;
        }
        double west = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        double south = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        for (NetworkGeometry.Node n : network.nodes()) {
            west = Math.min(west, n.lon());
            east = Math.max(east, n.lon());
            south = Math.min(south, n.lat());
            north = Math.max(north, n.lat());
        }
        double lonMargin = Math.max(MIN_MARGIN_DEG, (east - west) * MARGIN_SHARE);
        double latMargin = Math.max(MIN_MARGIN_DEG, (north - south) * MARGIN_SHARE);
        return clip(new Box(west - lonMargin, east + lonMargin, Math.max(-85, south - latMargin),
                Math.min(85, north + latMargin)));
    }

    /** The countries inside the box, each cut to it. */
    static ObjectNode clip(Box box) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("type", "FeatureCollection");
        out.put("source", Source.WORLD.path("source").asString());
        ArrayNode features = out.putArray("features");
        for (JsonNode feature : Source.WORLD.path("features")) {
            ArrayNode polygons = f.arrayNode();
            double[] label = null;
            double largest = 0;
            for (JsonNode polygon : feature.path("geometry").path("coordinates")) {
                ArrayNode rings = f.arrayNode();
                double[] outer = null;
                for (JsonNode ring : polygon) {
                    double[] clipped = box.clip(coordinates(ring));
                    if (clipped.length < 8) {
                        if (rings.isEmpty()) {
                            break; // the outer ring is gone, and with it the holes
                        }
                        continue;
                    }
                    if (outer == null) {
                        outer = clipped;
                    }
                    ArrayNode r = rings.addArray();
                    for (int i = 0; i < clipped.length; i += 2) {
                        r.addArray().add(round(clipped[i])).add(round(clipped[i + 1]));
                    }
                }
                if (outer == null) {
                    continue;
                }
                polygons.add(rings);
                double[] centroid = centroid(outer);
                if (centroid[2] > largest) {
                    largest = centroid[2];
                    label = centroid;
                }
            }
            if (polygons.isEmpty()) {
                continue;
            }
            ObjectNode o = features.addObject();
            o.put("type", "Feature");
            ObjectNode properties = o.putObject("properties");
            properties.put("name", feature.path("properties").path("name").asString());
            properties.put("iso_a2", feature.path("properties").path("iso_a2").asString());
            properties.putArray("label").add(round(label[0])).add(round(label[1]));
            properties.put("area_deg2", round(largest));
            ObjectNode geometry = o.putObject("geometry");
            geometry.put("type", "MultiPolygon");
            geometry.set("coordinates", polygons);
        }
        return out;
    }

    /** A ring as lon, lat pairs in one array, its closing point dropped. */
    private static double[] coordinates(JsonNode ring) {
        int n = ring.size() - 1;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = ring.get(i).get(0).asDouble();
            xy[2 * i + 1] = ring.get(i).get(1).asDouble();
        }
        return xy;
    }

    /** {lon, lat, area in deg²} of a ring given as lon, lat pairs (shoelace formula). */
    private static double[] centroid(double[] xy) {
        double a = 0;
        double cx = 0;
        double cy = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double cross = xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
            a += cross;
            cx += (xy[2 * i] + xy[2 * j]) * cross;
            cy += (xy[2 * i + 1] + xy[2 * j + 1]) * cross;
        }
        if (a == 0) {
            return new double[] {xy[0], xy[1], 0};
        }
        return new double[] {cx / (3 * a), cy / (3 * a), Math.abs(a / 2)};
    }

    /** Rounded to 0.01°, the precision of the source, so that clipped points add no digits. */
    private static double round(double degrees) {
        return Math.round(degrees * 100) / 100.0;
    }

    /**
     * A longitude–latitude rectangle, in degrees.
     *
     * <p>{@link #clip} is Sutherland–Hodgman against each edge in turn: exact for a polygon's
     * filled area; a concave ring cut into several pieces stays one ring joined along the box's
     * edge, which is invisible because the edge is where the drawn map ends.
     */
    record Box(double west, double east, double south, double north) {
        /**
         * The part of a ring inside the box.
         *
         * @param xy the ring as lon, lat pairs, not closed
         * @return the clipped ring, closed (last point equal to the first) when not empty
         */
        double[] clip(double[] xy) {
            double[] ring = xy;
            for (int edge = 0; edge < 4 && ring.length > 0; edge++) {
                ring = clipEdge(ring, edge);
            }
            if (ring.length == 0) {
                return ring;
            }
            double[] closed = Arrays.copyOf(ring, ring.length + 2);
            closed[ring.length] = ring[0];
            closed[ring.length + 1] = ring[1];
            return closed;
        }

        private double[] clipEdge(double[] xy, int edge) {
            List<double[]> out = new ArrayList<>();
            int n = xy.length / 2;
            for (int i = 0; i < n; i++) {
                double px = xy[2 * ((i + n - 1) % n)];
                double py = xy[2 * ((i + n - 1) % n) + 1];
                double qx = xy[2 * i];
                double qy = xy[2 * i + 1];
                boolean pIn = inside(px, py, edge);
                boolean qIn = inside(qx, qy, edge);
                if (qIn) {
                    if (!pIn) {
                        out.add(crossing(px, py, qx, qy, edge));
                    }
                    out.add(new double[] {qx, qy});
                } else if (pIn) {
                    out.add(crossing(px, py, qx, qy, edge));
                }
            }
            double[] result = new double[2 * out.size()];
            for (int i = 0; i < out.size(); i++) {
                result[2 * i] = out.get(i)[0];
                result[2 * i + 1] = out.get(i)[1];
            }
            return result;
        }

        private boolean inside(double x, double y, int edge) {
            return switch (edge) {
                case 0 -> x >= west;
                case 1 -> x <= east;
                case 2 -> y >= south;
                default -> y <= north;
            };
        }

        /** Where the segment p–q crosses the edge's line (p and q lie on either side). */
        private double[] crossing(double px, double py, double qx, double qy, int edge) {
            if (edge < 2) {
                double x = edge == 0 ? west : east;
                return new double[] {x, py + (qy - py) * (x - px) / (qx - px)};
            }
            double y = edge == 2 ? south : north;
            return new double[] {px + (qx - px) * (y - py) / (qy - py), y};
        }
    }

    /** The whole basemap, read once from the classpath. */
    private static final class Source {
        static final JsonNode WORLD = read();

        private static JsonNode read() {
            try (InputStream in = Basemap.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("report asset missing from the classpath: "
                            + "resource=" + RESOURCE);
                }
                return JsonMapper.builder().build().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read report asset: resource=" + RESOURCE,
                        e);
            }
        }
    }
}
