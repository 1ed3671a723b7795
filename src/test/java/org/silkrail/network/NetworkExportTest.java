package org.silkrail.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NetworkExportTest {
    private final CompiledNetwork corridor = Specs.corridor().build().compile();

    @Test
    void geojson_corridor_isFeatureCollectionWithPointPerNodeAndLineStringPerLink() {
        JsonNode root = JsonMapper.builder().build().readTree(NetworkExport.geojson(corridor));

        assertThat(root.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode features = root.get("features");
        assertThat(features.size()).isEqualTo(6 + 5);
        int points = 0;
        int lines = 0;
        for (JsonNode feature : features) {
            assertThat(feature.get("type").asString()).isEqualTo("Feature");
            String type = feature.get("geometry").get("type").asString();
            if (type.equals("Point")) {
                points++;
            } else if (type.equals("LineString")) {
                lines++;
                assertThat(feature.get("geometry").get("coordinates").size()).isEqualTo(2);
            }
        }
        assertThat(points).isEqualTo(6);
        assertThat(lines).isEqualTo(5);
    }

    /** Every ferry and port key a scenario may set is exported: other cargo, TEU, berths. */
    @Test
    void exports_feederWithOtherCargoAndBerths_writeEveryKey() throws Exception {
        NodeSpec poti = new NodeSpec("POT", "Poti", "GE", 42.155, 41.654, 1520, NodeKind.PORT,
                0, null, 0, 0, 0, java.util.Map.of(), new BerthSpec(2,
                        new org.silkrail.engine.Distribution.LogNormal(24 * 3600.0, 8 * 3600.0),
                        30 * 3600));
        CompiledNetwork net = Specs.network().node(poti).node("CND", 1435, NodeKind.PORT)
                .link(LinkSpec.feeder("POT-CND", "POT", "CND", 1150, 2, 700,
                        new org.silkrail.engine.Distribution.Fixed(48 * 3600.0),
                        new DepartureRule(0.8, 7 * 86400), 0.25))
                .build().compile();

        JsonNode features = JsonMapper.builder().build().readTree(NetworkExport.geojson(net))
                .get("features");
        JsonNode port = features.get(0).get("properties");
        JsonNode link = features.get(2).get("properties");
        String text = NetworkExport.text(net);
        String graphml = NetworkExport.export(net, NetworkExport.Format.GRAPHML);

        assertThat(port.get("berths").get("count").asInt()).isEqualTo(2);
        assertThat(port.get("berths").get("handling").asString()).isEqualTo("lognormal(24h, 8h)");
        assertThat(port.get("berths").get("max").asString()).isEqualTo("30h");
        assertThat(link.get("teu").asInt()).isEqualTo(700);
        assertThat(link.has("wagons")).isFalse();
        assertThat(link.get("other_cargo_share").asDouble()).isEqualTo(0.25);
        assertThat(text).contains("vessels 2 x 700 TEU").contains("other cargo 25 %")
                .contains("POT    2 berths, handling lognormal(24h, 8h), max 30h");
        assertThat(graphml).contains("other_cargo_share").contains(">0.25<").contains(">700<");
    }

    @Test
    void geojson_coordinates_areLonThenLat() {
        NodeSpec dostyk = new NodeSpec("DOS", "Dostyk", "KZ", 45.252, 82.484, 1520,
                NodeKind.GAUGE_CHANGE, 0, null, 0);
        NodeSpec alashankou = new NodeSpec("ALA", "Alashankou", "CN", 45.17, 82.57, 1435,
                NodeKind.BORDER, 0, null, 0);
        CompiledNetwork net = Specs.network().node(alashankou).node(dostyk)
                .rail("ALA", "DOS", 12, 20).build().compile();

        JsonNode features = JsonMapper.builder().build().readTree(NetworkExport.geojson(net))
                .get("features");

        JsonNode dos = features.get(1);
        assertThat(dos.get("properties").get("id").asString()).isEqualTo("DOS");
        assertThat(dos.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(82.484);
        assertThat(dos.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(45.252);
        JsonNode line = features.get(2).get("geometry").get("coordinates");
        assertThat(line.get(0).get(0).asDouble()).isEqualTo(82.57);
        assertThat(line.get(0).get(1).asDouble()).isEqualTo(45.17);
        assertThat(line.get(1).get(0).asDouble()).isEqualTo(82.484);
        assertThat(features.get(2).get("properties").get("km").asDouble()).isEqualTo(12.0);
    }

    @Test
    void dot_corridor_declaresEveryNodeAndLink() {
        String dot = NetworkExport.export(corridor, NetworkExport.Format.DOT);

        assertThat(dot).startsWith("graph silkrail {");
        for (int i = 0; i < corridor.nodeCount(); i++) {
            assertThat(dot).contains("\"" + corridor.nodeId(i) + "\" [");
        }
        assertThat(dot).contains("\"AKU\" -- \"ALAT\"").contains("style=\"dashed\"");
        assertThat(dot.lines().filter(l -> l.contains(" -- ")).count()).isEqualTo(5);
    }

    @Test
    void graphml_corridor_isXmlWithEveryNodeAndEdge() throws Exception {
        String xml = NetworkExport.export(corridor, NetworkExport.Format.GRAPHML);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagName("node");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        assertThat(ids).containsExactly("XIA", "ALA", "DOS", "MOI", "AKU", "ALAT");
        assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(5);
        assertThat(xml).contains("attr.name=\"gauge_mm\"");
    }

    @Test
    void text_corridor_listsNodesLinksAndRouteWithLength() {
        String text = NetworkExport.text(corridor);

        assertThat(text).startsWith("network: 6 nodes, 5 links, 1 named routes");
        assertThat(text).contains("DOS    gauge-change  1520       4  fixed(6h)");
        assertThat(text).contains("AKU-ALAT  AKU   ALAT  ferry    480  vessels 6 x 54 wagons,"
                + " sailing lognormal(22h, 4h), departs when-full(80%, 48h), 22.0 h");
        // 1000 + 12 + 836 + 1500 + 480 km
        assertThat(text).containsPattern("west +3,828 km +\\d+\\.\\d d  XIA - ALA - DOS - MOI"
                + " - AKU - ALAT");
    }

    @Test
    void seconds_printsCompactUnits() {
        assertThat(NetworkExport.seconds(90)).isEqualTo("90s");
        assertThat(NetworkExport.seconds(1800)).isEqualTo("30min");
        assertThat(NetworkExport.seconds(4.25 * 3600)).isEqualTo("4.25h");
        assertThat(NetworkExport.seconds(48 * 3600)).isEqualTo("48h");
        assertThat(NetworkExport.seconds(13 * 86400)).isEqualTo("13d");
    }
}
