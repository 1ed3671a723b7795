package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Valid but enormous requests through the real command line ({@link Main#execute}): each is
 * refused up front with exit 2 and a message giving the estimate and the limit, before anything
 * is simulated or allocated — never an OutOfMemoryError, a NegativeArraySizeException or a stack
 * trace, and no output folder is filled.
 */
class EnormousRunTest {
    private static final String TWO_STATIONS = "src/test/resources/experiment/two-stations.yaml";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            run      | --replications 2147483647                 | silkrail run: --replications 2147483647: at most 10000 replications, got 2147483647
            run      | --replications 10001                      | silkrail run: --replications 10001: at most 10000 replications
            run      | --set horizon=1e7d                        | --set:1:9: horizon: duration "1e7d" is longer than 1000 years, the longest silkrail accepts
            run      | --set horizon=2147483647d                 | --set:1:9: horizon: duration "2147483647d" is longer than 1000 years
            run      | --set horizon=40000d                      | --set:1:9: horizon: horizon 40000d is longer than 100 years
            run      | --set demand.a-to-b.trains=poisson(1e6/day) | --set:1:22: demand.a-to-b.trains: the demand generates about 4.00e+07 trains per replication over the horizon of 40d (4.00e+07 from this flow); a replication may generate at most 10000000
            run      | --set demand.a-to-b.trains=poisson(1e300/day) | --set:1:22: demand.a-to-b.trains: the demand generates about 4.00e+301 trains per replication
            run      | --replications 9000 --set horizon=36500d  | silkrail run: --replications 9000: 9000 replications × 36495 measured days × 2 nodes = 6.57e+08 daily values to keep for the report; at most 50000000
            compare  | --replications 2147483647                 | --replications 2147483647: at most 10000 replications, got 2147483647
            capacity | --replications 2147483647                 | silkrail capacity: --replications 2147483647: at most 10000 replications, got 2147483647
            capacity | --start 1e9                               | silkrail capacity: --start 1000000000: at that scale the demand generates about 1.60e+11 trains per replication; a replication may generate at most 10000000, which are held in memory (largest start here: 62500)
            capacity | --set demand.a-to-b.trains=poisson(1e6/day) | --set:1:22: demand.a-to-b.trains: the demand generates about 4.00e+07 trains per replication
            """)
    void command_enormousButValidRequest_exitTwoWithEstimateAndLimit(String command,
            String options, String expected) throws IOException {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of(command, TWO_STATIONS));
        if (command.equals("compare")) {
            args.add(TWO_STATIONS);
        }
        args.addAll(List.of(options.split(" ")));
        args.addAll(List.of("--out", out.toString(), "--quiet"));

        Cli.Outcome o = Cli.execute(args.toArray(String[]::new));

        assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains(expected).doesNotContain("Exception", "Error", "\tat ");
        assertThat(o.out()).isEmpty();
        if (Files.isDirectory(out)) {
            try (var files = Files.list(out)) {
                assertThat(files).as("nothing written").isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "replications: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2147483647  | 3:15: replications: at most 10000 replications, got 2147483647
            99999999999 | 3:15: replications: at most 10000 replications, got 99999999999
            """)
    void sweep_enormousReplications_exitTwoAtTheValue(String replications, String expected)
            throws IOException {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, "sweep: enormous\nbase: " + Path.of(TWO_STATIONS)
                .toAbsolutePath() + "\nreplications: " + replications
                + "\nvary:\n  network.nodes.AAA.servers: [2, 3]\n");
        Path out = dir.resolve("out");

        Cli.Outcome o = Cli.execute("sweep", sweep.toString(), "--out", out.toString(),
                "--quiet");

        assertThat(o.exitCode()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).startsWith(sweep + ":" + expected)
                .doesNotContain("Exception", "Error", "\tat ");
        assertThat(out).doesNotExist();
    }
}
