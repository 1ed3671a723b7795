package org.silkrail.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NetworkGeometryTest {
    static NetworkGeometry tinyCorridor() throws Exception {
        return NetworkGeometry.of(ScenarioLoader.load(Path.of("scenarios/tiny-corridor.yaml"),
                List.of()).model().network());
    }

    @Test
    void of_namedRoute_isExpandedToTheLinksTrainsRun() throws Exception {
        NetworkGeometry g = tinyCorridor();

        assertThat(g.nodes()).extracting(NetworkGeometry.Node::id)
                .containsExactly("XIA", "ALA", "DOS", "MOI", "AST");
        assertThat(g.nodes().get(2)).isEqualTo(new NetworkGeometry.Node("DOS", "Dostyk", "KZ",
                45.252, 82.484, 1520, "gauge-change"));
        // corridor: [XIA, DOS, AST] through ALA and MOI
        assertThat(g.routes()).containsExactly(new NetworkGeometry.RouteLine("corridor",
                List.of("XIA", "ALA", "DOS", "MOI", "AST"),
                List.of("XIA-ALA", "ALA-DOS", "DOS-MOI", "MOI-AST")));
    }

    @Test
    void toGeoJson_readBack_givesTheSameGeometry() throws Exception {
        NetworkGeometry g = tinyCorridor();

        String text = JsonMapper.builder().build().writeValueAsString(g.toGeoJson());
        NetworkGeometry back = NetworkGeometry.fromGeoJson(
                JsonMapper.builder().build().readTree(text));

        assertThat(back).isEqualTo(g);
    }

    @Test
    void toGeoJson_isAFeatureCollectionWithLonLatPositions() throws Exception {
        JsonNode root = tinyCorridor().toGeoJson();

        assertThat(root.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode dos = root.get("features").get(2);
        assertThat(dos.get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(dos.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(82.484);
        assertThat(dos.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(45.252);
        JsonNode route = root.get("features").get(5 + 4);
        assertThat(route.get("properties").get("feature").asString()).isEqualTo("route");
        assertThat(route.get("geometry").get("coordinates")).hasSize(5);
    }

    @Test
    void fromGeoJson_featureWithoutId_namesItsPath() {
        JsonNode bad = JsonMapper.builder().build().readTree("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"feature": "node"},
                   "geometry": {"type": "Point", "coordinates": [1, 2]}}]}""");

        assertThatThrownBy(() -> NetworkGeometry.fromGeoJson(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features[0].properties.id: expected a string");
    }
}
