package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NetworkCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.newCommandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    @Test
    void network_baseline_listsNorthernAndTitrWithLengths() {
        int exit = run("network", "scenarios/baseline-2025.yaml");

        assertThat(exit).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString())
                .containsPattern("northern +9,\\d{3} km +\\d+\\.\\d d  XIA - ")
                .containsPattern("titr +\\d,\\d{3} km +\\d+\\.\\d d  XIA - ")
                .contains("DOS    gauge-change  1520")
                .contains("AKU-ALAT  AKU   ALAT  ferry");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void network_geojson_isFeatureCollectionOfEveryNodeAndLink() {
        int exit = run("network", "scenarios/tiny-corridor.yaml", "--format", "geojson");

        assertThat(exit).isEqualTo(Main.EXIT_OK);
        JsonNode root = JsonMapper.builder().build().readTree(out.toString());
        assertThat(root.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(root.get("features").size()).isEqualTo(5 + 4);
    }

    @Test
    void network_dot_containsEveryNode() {
        int exit = run("network", "scenarios/tiny-corridor.yaml", "--format", "DOT");

        assertThat(exit).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).startsWith("graph silkrail {")
                .contains("\"XIA\"", "\"ALA\"", "\"DOS\"", "\"MOI\"", "\"AST\"");
    }

    @Test
    void network_unknownFormat_exitsTwoNamingTheFormats() {
        int exit = run("network", "scenarios/tiny-corridor.yaml", "--format", "xml");

        assertThat(exit).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--format must be text, dot, graphml or geojson,"
                + " got 'xml'");
    }

    @Test
    void network_missingFile_exitsTwoWithoutStackTrace() {
        int exit = run("network", "scenarios/no-such-file.yaml");

        assertThat(exit).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("no-such-file.yaml").doesNotContain("Exception");
    }
}
