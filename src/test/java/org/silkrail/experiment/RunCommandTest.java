package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.cli.Cli.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.cli.Cli.Outcome;
import org.silkrail.cli.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code silkrail run} end to end through {@link Main#execute}, on scenario files from disk. */
class RunCommandTest {
    static final String TWO_STATIONS = "src/test/resources/experiment/two-stations.yaml";
    static final String BROKEN = "src/test/resources/experiment/broken.yaml";

    @TempDir
    Path dir;

    @Test
    void run_tinyCorridor_exitsZeroAndWritesEveryFile() {
        Path out = dir.resolve("tiny");
        Outcome o = execute("run", "scenarios/tiny-corridor.yaml", "--out", out.toString(),
                "--replications", "2", "--threads", "2");
        assertThat(o.exitCode()).as(o.err()).isZero();
        for (String name : new String[] {"results.json", "replications.csv", "flows.csv",
            "nodes.csv", "links.csv", "routes.csv", "route_share.csv", "trains.csv"}) {
            assertThat(out.resolve(name)).isRegularFile();
            assertThat(o.out()).contains(out.resolve(name).toString());
        }
        assertThat(o.out()).contains("TEU per year", "trains delivered", "transit days",
                "Most congested nodes", " ± ");
        // (stderr progress is not asserted: Main.GlobalOptions keeps --quiet in a static field,
        // so an earlier test's --quiet can still be in force in this JVM)
        assertThat(o.err()).doesNotContain("\tat ");
    }

    @Test
    void run_oneAndTwoThreads_byteIdenticalResultsJsonAsideFromTiming() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertThat(execute("run", TWO_STATIONS, "--out", one.toString(), "--threads", "1",
                "--quiet").exitCode()).isZero();
        assertThat(execute("run", TWO_STATIONS, "--out", two.toString(), "--threads", "2",
                "--quiet").exitCode()).isZero();
        String a = Files.readString(one.resolve("results.json"));
        String b = Files.readString(two.resolve("results.json"));
        assertThat(ScenarioRunTest.timingFree(b)).isEqualTo(ScenarioRunTest.timingFree(a));
        assertThat(Files.readAllBytes(two.resolve("nodes.csv")))
                .isEqualTo(Files.readAllBytes(one.resolve("nodes.csv")));
        JsonNode root = JsonMapper.builder().build().readTree(a);
        assertThat(root.get("scenario").asString()).isEqualTo("two-stations");
        assertThat(root.get("replications").asInt()).isEqualTo(3);
        assertThat(root.get("seed").asLong()).isEqualTo(7);
        assertThat(root.get("input_sha256").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void run_seedAndReplicationOptions_overrideTheScenario() throws IOException {
        Path out = dir.resolve("o");
        assertThat(execute("run", TWO_STATIONS, "--out", out.toString(), "--seed", "11",
                "--replications", "2", "--quiet").exitCode()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(
                Files.readString(out.resolve("results.json")));
        assertThat(root.get("seed").asLong()).isEqualTo(11);
        assertThat(root.get("replications").asInt()).isEqualTo(2);
        assertThat(root.at("/totals/trains_delivered/n").asInt()).isEqualTo(2);
    }

    @Test
    void run_badScenario_exitTwoWithPlacesAndNoStackTrace() {
        Path out = dir.resolve("bad");
        Outcome o = execute("run", BROKEN, "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).containsPattern("broken\\.yaml:11:\\d+: network\\.nodes\\.AAA\\.servers: ")
                .containsPattern("broken\\.yaml:20:\\d+: demand\\.a-to-b\\.to: .*BBB");
        assertThat(o.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void run_missingFileOrBadArguments_exitTwo() {
        Outcome missing = execute("run", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml").doesNotContain("\tat ");
        Outcome zero = execute("run", TWO_STATIONS, "--replications", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--replications must be at least 1");
        assertThat(execute("run", TWO_STATIONS, "--threads", "0").exitCode()).isEqualTo(2);
        assertThat(execute("run", TWO_STATIONS, "--replications", "x").exitCode()).isEqualTo(2);
        assertThat(execute("run").exitCode()).isEqualTo(2);
    }

    @Test
    void run_outIsAFile_exitTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Outcome o = execute("run", TWO_STATIONS, "--out", file.toString());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("not a directory");
        assertThat(file).hasContent("x");
    }
}
