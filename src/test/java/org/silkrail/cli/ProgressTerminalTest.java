package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar is drawn only when stderr is a terminal. Runs {@code silkrail run} in a
 * child JVM under {@code script(1)}, which gives it a pseudo-terminal as stdin and stdout: the
 * case where {@code System.console()} says "terminal" although stderr may go to a file.
 */
class ProgressTerminalTest {
    static final String TWO_STATIONS = "src/test/resources/experiment/two-stations.yaml";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsScript() {
        assumeTrue(new File("/usr/bin/script").canExecute(),
                "script(1) from util-linux provides the pseudo-terminal");
    }

    @Test
    void run_stderrToAFileOnATerminal_logsPlainLinesWithoutCarriageReturns() throws Exception {
        Path log = dir.resolve("stderr.log");

        String terminal = underScript("2>" + log);

        String err = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(err).contains("silkrail: run two-stations: 2 replications")
                .contains("silkrail: run two-stations: 2/2 replications done in")
                .doesNotContain("\r");
        assertThat(terminal).contains("Wrote:").doesNotContain("silkrail: run two-stations");
    }

    @Test
    void run_stderrOnTheTerminal_drawsTheBar() throws Exception {
        String terminal = underScript("");

        // the bar redraws its line with carriage returns and shows no plain start line
        assertThat(terminal).contains("run two-stations").contains("\r")
                .doesNotContain("silkrail: run two-stations: 2 replications");
    }

    /** What the terminal showed while {@code silkrail run} ran with {@code redirect} applied. */
    private String underScript(String redirect) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = java + " -cp " + System.getProperty("java.class.path")
                + " org.silkrail.cli.Main run " + TWO_STATIONS + " --replications 2 --out "
                + dir.resolve("out") + " " + redirect;
        Path screen = dir.resolve("screen.txt");
        Process p = new ProcessBuilder("/usr/bin/script", "-q", "-e", "-c", command, "/dev/null")
                .redirectInput(new File("/dev/null"))
                .redirectOutput(screen.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String shown = Files.readString(screen, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(shown).isZero();
        return shown;
    }
}
