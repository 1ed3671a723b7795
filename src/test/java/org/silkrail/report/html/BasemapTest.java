package org.silkrail.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class BasemapTest {
    @Test
    void clip_squareOverTheBoxCorner_keepsTheOverlap() {
        Basemap.Box box = new Basemap.Box(5, 15, -5, 5);

        double[] ring = box.clip(new double[] {0, 0, 10, 0, 10, 10, 0, 10});

        // the overlap is the square [5, 10] × [0, 5], closed: 4 corners + the first again
        assertThat(ring).hasSize(10);
        assertThat(area(ring)).isCloseTo(25, within(1e-9));
        for (int i = 0; i < ring.length; i += 2) {
            assertThat(ring[i]).isBetween(5.0, 10.0);
            assertThat(ring[i + 1]).isBetween(0.0, 5.0);
        }
    }

    @Test
    void clip_ringOutsideTheBox_isEmpty() {
        Basemap.Box box = new Basemap.Box(5, 15, -5, 5);

        assertThat(box.clip(new double[] {20, 20, 30, 20, 30, 30})).isEmpty();
    }

    @Test
    void around_kazakhNetwork_keepsItsNeighboursClippedToTheMargin() {
        // Dostyk to Astana: 71.45–82.48°E, 45.25–51.17°N; margins of 5° (15 % is less)
        NetworkGeometry network = new NetworkGeometry(List.of(
                new NetworkGeometry.Node("DOS", "Dostyk", "KZ", 45.25, 82.48, 1520, "border"),
                new NetworkGeometry.Node("AST", "Astana", "KZ", 51.17, 71.45, 1520, "terminal")),
                List.of(), List.of());

        ObjectNode map = Basemap.around(network);

        List<String> names = new ArrayList<>();
        for (JsonNode f : map.path("features")) {
            names.add(f.path("properties").path("name").asString());
            for (JsonNode polygon : f.path("geometry").path("coordinates")) {
                for (JsonNode ring : polygon) {
                    for (JsonNode p : ring) {
                        assertThat(p.get(0).asDouble()).isBetween(66.45, 87.48);
                        assertThat(p.get(1).asDouble()).isBetween(40.25, 56.17);
                    }
                }
            }
            JsonNode label = f.path("properties").path("label");
            assertThat(label.get(0).asDouble()).isBetween(66.45, 87.48);
        }
        assertThat(names).contains("Kazakhstan", "China", "Russia", "Kyrgyzstan", "Uzbekistan")
                .doesNotContain("Germany", "Georgia", "Mongolia");
        assertThat(map.path("source").asString()).contains("Natural Earth");
    }

    private static double area(double[] closed) {
        double a = 0;
        for (int i = 0; i + 3 < closed.length; i += 2) {
            a += closed[i] * closed[i + 3] - closed[i + 2] * closed[i + 1];
        }
        return Math.abs(a / 2);
    }
}
