package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An unusable {@code --out} is refused before anything is simulated, with the reason. */
class OutputFolderTest {
    static final String TWO_STATIONS = "src/test/resources/experiment/two-stations.yaml";

    @TempDir
    Path dir;

    /** Each command that writes into --out, with arguments that would otherwise run. */
    static List<List<String>> commands() {
        return List.of(
                List.of("run", TWO_STATIONS, "--replications", "2"),
                List.of("compare", TWO_STATIONS, TWO_STATIONS, "--replications", "2"),
                List.of("sweep", "src/test/resources/sweep/tiny.yaml"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void out_insideAFile_exitsTwoNamingTheFolderAndWhyBeforeSimulating(List<String> command)
            throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Path out = file.resolve("results");
        String[] args = concat(command, "--out", out.toString());

        Cli.Outcome o = Cli.execute(args);

        assertThat(o.exitCode()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("--out " + out + ": cannot create it: ")
                .containsIgnoringCase("not a directory")
                .doesNotContain("\tat ");
        // the progress display's first line is printed when simulating starts
        assertThat(o.err()).doesNotContain("silkrail: " + command.get(0) + " ");
        assertThat(o.out()).doesNotContain("Wrote:");
        assertThat(file).hasContent("x");
    }

    @Test
    void problem_newNestedFolder_createsItAndLeavesNoProbeFile() throws IOException {
        Path out = dir.resolve("a/b/c");

        assertThat(OutputFolder.problem(out)).isNull();

        assertThat(out).isDirectory();
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void problem_existingFile_saysItIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        assertThat(OutputFolder.problem(file)).isEqualTo("exists and is not a directory");
    }

    @Test
    void problem_readOnlyFolder_saysPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes into a read-only folder anyway");
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(OutputFolder.problem(readOnly)).startsWith("cannot write into it: ")
                    .endsWith("permission denied");
            assertThat(OutputFolder.problem(readOnly.resolve("sub")))
                    .startsWith("cannot create it: ").endsWith("permission denied");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String[] concat(List<String> command, String... more) {
        String[] args = command.toArray(new String[command.size() + more.length]);
        System.arraycopy(more, 0, args, command.size(), more.length);
        return args;
    }
}
