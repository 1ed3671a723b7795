package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.cli.Cli;
import org.silkrail.format.Csv;

/**
 * The pandas and R snippets of {@code docs/results.md}, taken from the document as they are and
 * run on a fresh run ({@code out/baseline-2025}) and sweep ({@code out/caspian-fleet}) of the
 * teaching corridor, whose root seed 2^53 + 1 is the first integer a double cannot hold. Each
 * snippet must run without error, and the seeds it read must keep every digit: the root seed
 * from {@code results.json}, a replication's seed and {@code seed_hex} from
 * {@code replications.csv}, and a row's seed from {@code sweep.csv}.
 *
 * <p>Needs Debian's {@code python3-pandas} (for {@code /usr/bin/python3}) and
 * {@code r-base-core}, {@code r-cran-readr} and {@code r-cran-jsonlite} ({@code .ci/run}
 * installs them); the test fails, never skips, when they are missing. Other interpreters can be
 * given with {@code -Dsilkrail.python=…} and {@code -Dsilkrail.rscript=…}.
 */
class ResultsSnippetsTest {
    static final String PYTHON = System.getProperty("silkrail.python", "/usr/bin/python3");
    static final String RSCRIPT = System.getProperty("silkrail.rscript", "/usr/bin/Rscript");
    static final String DOC = "docs/results.md";
    static final String SECTION = "## Reading the results in Python and R";
    /** 2^53 + 1: as a double it becomes 9007199254740992. */
    static final String ROOT_SEED = "9007199254740993";
    static final String INSTALL = "'apt-get install -y python3-pandas r-base-core r-cran-readr "
            + "r-cran-jsonlite' (.ci/run does)";

    @TempDir
    static Path dir;

    static List<String> replicationRow;
    static List<String> sweepRow;
    static List<String> sweepHeader;

    /** The fields of one CSV line, read by the project's one CSV reader. */
    private static List<String> parseRecord(String line) throws IOException {
        try (Csv.Records records = Csv.records(new StringReader(line))) {
            return records.next().fields();
        }
    }

    @BeforeAll
    static void runAndSweep() throws IOException {
        Path run = dir.resolve("out/baseline-2025");
        Cli.Outcome o = Cli.execute("run", "scenarios/tiny-corridor.yaml", "--replications", "3",
                "--seed", ROOT_SEED, "--set", "horizon=40d", "--out", run.toString(), "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        replicationRow = parseRecord(Files.readAllLines(run.resolve("replications.csv"))
                .get(2));

        Path sweepFile = dir.resolve("snippets-sweep.yaml");
        Files.writeString(sweepFile, "sweep: snippets\n"
                + "base: " + Path.of("scenarios/tiny-corridor.yaml").toAbsolutePath() + "\n"
                + "replications: 3\nseed: " + ROOT_SEED + "\n"
                + "vary:\n  network.nodes.DOS.servers: [2, 3]\n  horizon: [40d]\n");
        Path sweep = dir.resolve("out/caspian-fleet");
        o = Cli.execute("sweep", sweepFile.toString(), "--out", sweep.toString(), "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<String> lines = Files.readAllLines(sweep.resolve("sweep.csv"));
        sweepHeader = parseRecord(lines.get(0));
        sweepRow = parseRecord(lines.get(1));
    }

    @Test
    void pandasSnippet_freshRunAndSweep_runsAndKeepsEverySeedDigit() throws Exception {
        assertThat(new File(PYTHON).canExecute())
                .as("Python with pandas for the docs' snippets: " + INSTALL).isTrue();
        String code = snippet("python") + """

                print("CHECK", results["seed"], reps["seed"].iloc[1], reps["seed_hex"].iloc[1],
                      rows["seed"].iloc[0], same_rows["seed"].iloc[0], rows["seed_hex"].iloc[0])
                """;

        String out = execute(PYTHON, "snippet.py", code);

        assertThat(out).contains("CHECK " + ROOT_SEED + " " + replicationRow.get(1) + " "
                + replicationRow.get(2) + " " + seed(sweepRow) + " " + seed(sweepRow) + " "
                + seedHex(sweepRow));
    }

    @Test
    void rSnippet_freshRunAndSweep_runsAndKeepsEverySeedDigit() throws Exception {
        assertThat(new File(RSCRIPT).canExecute())
                .as("R with readr and jsonlite for the docs' snippets: " + INSTALL).isTrue();
        String code = snippet("r") + """

                cat("CHECK", results$seed, reps$seed[2], reps$seed_hex[2], rows$seed[1],
                    rows$seed_hex[1], "\\n")
                """;

        String out = execute(RSCRIPT, "snippet.R", code);

        assertThat(out).contains("CHECK " + ROOT_SEED + " " + replicationRow.get(1) + " "
                + replicationRow.get(2) + " " + seed(sweepRow) + " " + seedHex(sweepRow));
    }

    @Test
    void seeds_writtenInDecimalAndHex_areTheSame64Bits() {
        long seed = Long.parseLong(replicationRow.get(1));

        assertThat(replicationRow.get(2)).matches("0x[0-9a-f]{16}");
        assertThat(Long.parseUnsignedLong(replicationRow.get(2).substring(2), 16)).isEqualTo(seed);
        assertThat(Long.parseUnsignedLong(seedHex(sweepRow).substring(2), 16))
                .isEqualTo(Long.parseLong(seed(sweepRow)));
    }

    private static String seed(List<String> row) {
        return row.get(sweepHeader.indexOf("seed"));
    }

    private static String seedHex(List<String> row) {
        return row.get(sweepHeader.indexOf("seed_hex"));
    }

    /** The one fenced block of {@code language} in the document's section on Python and R. */
    private static String snippet(String language) throws IOException {
        String doc = Files.readString(Path.of(DOC), StandardCharsets.UTF_8);
        int start = doc.indexOf(SECTION);
        assertThat(start).as(DOC + " has the section " + SECTION).isNotNegative();
        int end = doc.indexOf("\n## ", start + SECTION.length());
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        List<String> blocks = new ArrayList<>();
        String fence = "```" + language + "\n";
        for (int at = section.indexOf(fence); at >= 0; at = section.indexOf(fence, at + 1)) {
            int close = section.indexOf("\n```", at + fence.length());
            blocks.add(section.substring(at + fence.length(), close + 1));
        }
        assertThat(blocks).as(language + " blocks in " + DOC).hasSize(1);
        return blocks.get(0);
    }

    /** Runs the code in the temporary folder (where out/ is) and returns what it printed. */
    private static String execute(String interpreter, String fileName, String code)
            throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve(fileName), code);
        Process p = new ProcessBuilder(interpreter, file.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(code + "\nprinted:\n" + out).isZero();
        return out;
    }
}
