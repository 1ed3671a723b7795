package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code silkrail capacity} and the overload warnings of {@code silkrail run}, end to end. */
class CapacityCommandTest {
    static final String SERIES = "src/test/resources/capacity/series.yaml";
    static final String MMC = "src/test/resources/capacity/mmc.yaml";

    @Test
    void capacity_series_writesCapacityJsonWithStatAndBottleneck(@TempDir Path dir)
            throws IOException {
        Cli.Outcome o = Cli.execute("capacity", SERIES, "--out", dir.toString(),
                "--replications", "3", "--threads", "2", "--set", "horizon=200d");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("largest stable demand_scale").contains("node S2");
        assertThat(o.err()).contains("silkrail: capacity series:");
        JsonNode root = JsonMapper.builder().build().readTree(
                Files.readString(dir.resolve("capacity.json")));
        assertThat(root.get("demand_scale").get("n").asInt()).isEqualTo(3);
        double mean = root.get("demand_scale").get("mean").asDouble();
        assertThat(root.get("demand_scale").get("ci95_low").asDouble()).isLessThan(mean);
        assertThat(root.get("demand_scale").get("ci95_high").asDouble()).isGreaterThan(mean);
        assertThat(root.get("bottleneck").asString()).isEqualTo("S2");
        assertThat(root.get("bottleneck_kind").asString()).isEqualTo("node");
        assertThat(root.get("searches").size()).isEqualTo(3);
        assertThat(root.get("searches").get(0).get("tried").get(0).get("demand_scale")
                .asDouble()).isEqualTo(1.0);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("capacity.json", OutputManifest.FILE_NAME);
        }
    }

    @Test
    void capacity_badArguments_exitTwoWithoutTrace() {
        Cli.Outcome tolerance = Cli.execute("capacity", SERIES, "--tolerance", "2");
        Cli.Outcome oneReplication = Cli.execute("capacity", SERIES, "--replications", "1");

        assertThat(tolerance.exitCode()).isEqualTo(2);
        assertThat(tolerance.err()).contains("--tolerance must lie between 0 and 1")
                .doesNotContain("Exception");
        assertThat(oneReplication.exitCode()).isEqualTo(2);
        assertThat(oneReplication.err()).contains("--replications must be at least 2");
    }

    @Test
    void capacity_badScenarioValue_placedInTheSetOption() {
        Cli.Outcome o = Cli.execute("capacity", SERIES, "--set", "horizon=forever");

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("--set:1:9: horizon:");
    }

    @Test
    void run_overloaded_warnsOnStderrAndInResultsJson(@TempDir Path dir) throws IOException {
        Cli.Outcome o = Cli.execute("run", MMC, "--out", dir.toString(), "--set",
                "demand_scale=1.3", "--set", "horizon=200d", "--replications", "3");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.err()).contains("silkrail run: warning: node S (Station): ");
        assertThat(o.out()).contains("Warnings");
        JsonNode warnings = JsonMapper.builder().build().readTree(
                Files.readString(dir.resolve("results.json"))).get("warnings");
        assertThat(warnings.size()).isPositive();
        warnings.forEach(w -> assertThat(w.get("id").asString()).isEqualTo("S"));
    }

    @Test
    void run_stable_noWarningAndAnEmptyList(@TempDir Path dir) throws IOException {
        Cli.Outcome o = Cli.execute("run", MMC, "--out", dir.toString(), "--set",
                "horizon=200d", "--replications", "3");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.err()).doesNotContain("warning");
        assertThat(o.out()).doesNotContain("Warnings");
        assertThat(JsonMapper.builder().build().readTree(Files.readString(
                dir.resolve("results.json"))).get("warnings").size()).isZero();
    }
}
