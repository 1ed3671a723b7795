package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.cli.Cli;
import org.silkrail.cli.Cli.Outcome;

/**
 * {@code silkrail sweep} end to end: rows independent of threads and of interruption, resume
 * after SIGKILL and after torn lines, refusal of bad sweep files.
 */
class SweepCommandTest {
    static final String TINY = "src/test/resources/sweep/tiny.yaml";
    static final String LONG = "src/test/resources/sweep/long.yaml";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** tiny.yaml on one thread, uninterrupted: the reference every other run must match. */
    static Path tinyReference;

    /** long.yaml uninterrupted on two threads, run on first use. */
    private static Path longReference;

    static synchronized Path longReference() {
        if (longReference == null) {
            Path out = shared.resolve("long-reference");
            Outcome o = sweep(LONG, out, "--threads", "2", "--quiet");
            assertThat(o.exitCode()).as(o.err()).isZero();
            longReference = out;
        }
        return longReference;
    }

    @BeforeAll
    static void runReference() {
        tinyReference = shared.resolve("tiny-reference");
        Outcome o = sweep(TINY, tinyReference, "--threads", "1");
        assertThat(o.exitCode()).as(o.err()).isZero();
    }

    static Outcome sweep(String file, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", file, "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.execute(args.toArray(String[]::new));
    }

    private static List<String> jsonl(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readString(dir.resolve("sweep.jsonl")).split("\n")) {
            lines.add(line.replaceFirst(",\"wall_seconds\":[^}]*}$", "}"));
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> csv(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        String[] records = Files.readString(dir.resolve("sweep.csv")).split("\r\n");
        for (int i = 1; i < records.length; i++) {
            lines.add(records[i].substring(0, records[i].lastIndexOf(',')));
        }
        lines.sort(null);
        return lines;
    }

    /** Same rows (timing aside) in both files, each run once, and a byte-identical summary. */
    private static void assertSameSweep(Path actual, Path expected) throws IOException {
        List<String> rows = jsonl(actual);
        assertThat(rows).doesNotHaveDuplicates().isEqualTo(jsonl(expected));
        assertThat(csv(actual)).doesNotHaveDuplicates().isEqualTo(csv(expected));
        assertThat(Files.readString(actual.resolve("sweep.csv")).split("\r\n")[0])
                .isEqualTo(Files.readString(expected.resolve("sweep.csv")).split("\r\n")[0]);
        assertThat(Files.readAllBytes(actual.resolve("summary.csv")))
                .isEqualTo(Files.readAllBytes(expected.resolve("summary.csv")));
    }

    @Test
    void sweep_tiny_oneRowPerRunWithColumnsPerParameterAndMetric() throws IOException {
        String[] records = Files.readString(tinyReference.resolve("sweep.csv")).split("\r\n");
        assertThat(records).hasSize(1 + 3 * 2 * 6);
        assertThat(records[0]).startsWith("variant,network.nodes.DOS.servers,"
                + "demand.westbound.trains,horizon,replication,seed,seed_hex,totals.teu_per_year,")
                .contains(",flows.westbound.transit_days,", ",nodes.DOS.wait_hours,",
                        ",flows.westbound.cost_usd_per_teu,", ",flows.westbound.co2_kg_per_teu,")
                .endsWith(",wall_seconds");
        assertThat(csv(tinyReference)).anyMatch(r -> r.startsWith("5,4,poisson(5/day),120d,5,"));
        String summary = Files.readString(tinyReference.resolve("summary.csv"));
        assertThat(summary.split("\r\n")).hasSize(1 + 6);
        assertThat(summary).startsWith("variant,network.nodes.DOS.servers,demand.westbound.trains,"
                + "horizon,replications,totals.teu_per_year.mean,totals.teu_per_year.ci95_low,");
    }

    @Test
    void sweep_twoThreads_sameRowsAsOneThread() throws IOException {
        Outcome o = sweep(TINY, dir, "--threads", "2");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertSameSweep(dir, tinyReference);
    }

    @Test
    void sweep_existingRowsWithoutResume_refusedWithExit2() {
        assertThat(sweep(TINY, dir, "--quiet").exitCode()).isZero();
        Outcome again = sweep(TINY, dir, "--quiet");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--resume");
    }

    @Test
    void resume_otherSweepsRows_refusedWithExit2() {
        assertThat(sweep(TINY, dir, "--quiet").exitCode()).isZero();
        Outcome other = sweep(LONG, dir, "--resume", "--quiet");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("another sweep");
    }

    @Test
    void resume_complete_runsNothingAndKeepsTheRows() throws IOException {
        Outcome first = sweep(TINY, dir, "--quiet");
        assertThat(first.exitCode()).isZero();
        byte[] csvBefore = Files.readAllBytes(dir.resolve("sweep.csv"));
        Outcome again = sweep(TINY, dir, "--resume", "--quiet");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("36 kept from before, 0 run now");
        assertThat(Files.readAllBytes(dir.resolve("sweep.csv"))).isEqualTo(csvBefore);
        assertSameSweep(dir, tinyReference);
    }

    @Test
    void resume_tornLastLines_cutAndRunAgain() throws IOException {
        // the state a crash can leave: the CSV row of the next run written, its JSON line half
        Path jsonl = tinyReference.resolve("sweep.jsonl");
        Path csvFile = tinyReference.resolve("sweep.csv");
        List<String> lines = List.of(Files.readString(jsonl).split("\n"));
        String[] records = Files.readString(csvFile).split("\r\n");
        int keep = 10;
        StringBuilder j = new StringBuilder();
        for (int i = 0; i < keep; i++) {
            j.append(lines.get(i)).append('\n');
        }
        j.append(lines.get(keep), 0, lines.get(keep).length() / 2);
        StringBuilder c = new StringBuilder();
        for (int i = 0; i <= keep + 1; i++) {
            c.append(records[i]).append("\r\n");
        }
        c.append(records[keep + 2], 0, 7);
        Files.writeString(dir.resolve("sweep.jsonl"), j);
        Files.writeString(dir.resolve("sweep.csv"), c);
        Files.copy(tinyReference.resolve("sweep-plan.json"), dir.resolve("sweep-plan.json"));

        Outcome o = sweep(TINY, dir, "--resume", "--threads", "2", "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("10 kept from before, 26 run now");
        assertSameSweep(dir, tinyReference);
    }

    @Test
    void resume_afterSigkillPartway_exactlyTheRowsOfAnUninterruptedSweep() throws Exception {
        Path killed = dir.resolve("killed");
        Process child = startLongSweep(killed);
        stopAfterRows(child, killed, 3, true); // SIGKILL: no shutdown hook runs
        int rowsAtKill = rows(killed);
        assertThat(rowsAtKill).isBetween(3, 47);

        Outcome resumed = sweep(LONG, killed, "--resume", "--threads", "2", "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(jsonl(killed)).hasSize(48);
        assertSameSweep(killed, longReference());
    }

    @Test
    void sigterm_likeCtrlC_stopsCleanlyKeepingFinishedRows() throws Exception {
        Path stopped = dir.resolve("stopped");
        Process child = startLongSweep(stopped);
        stopAfterRows(child, stopped, 3, false); // SIGTERM: the shutdown hook runs
        assertThat(Files.readString(dir.resolve("child-stderr.txt")))
                .contains("interrupted", "--resume");
        // every line whole: the hook let the row being written finish, then closed the files
        String jsonl = Files.readString(stopped.resolve("sweep.jsonl"));
        String csv = Files.readString(stopped.resolve("sweep.csv"));
        assertThat(jsonl).endsWith("\n");
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.split("\r\n")).hasSize(1 + rows(stopped));
        int kept = rows(stopped);
        assertThat(kept).isBetween(3, 47);

        Outcome resumed = sweep(LONG, stopped, "--resume", "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("48 runs (" + kept + " kept from before");
        assertSameSweep(stopped, longReference());
    }

    /** long.yaml in a child JVM on one thread, stderr to child-stderr.txt. */
    private Process startLongSweep(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.silkrail.cli.Main", "sweep", LONG, "--out", out.toString(),
                "--threads", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("child-stderr.txt").toFile())
                .start();
    }

    /** Waits for {@code minRows} rows, then kills (SIGKILL) or terminates (SIGTERM) the child. */
    private void stopAfterRows(Process child, Path out, int minRows, boolean kill)
            throws Exception {
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (rows(out) < minRows && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("child still running after %d rows; stderr: %s",
                    rows(out), Files.exists(dir.resolve("child-stderr.txt"))
                            ? Files.readString(dir.resolve("child-stderr.txt")) : "").isTrue();
            if (kill) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    private static int rows(Path dir) throws IOException {
        Path f = dir.resolve("sweep.jsonl");
        if (!Files.exists(f)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(f);
        int n = 0;
        for (byte b : bytes) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad-path.yaml|bad-path.yaml:6:17: network.nodes.DOX: unknown node 'DOX'; did you mean"
                + " DOS?",
        "empty-grid.yaml|empty-grid.yaml:6:30: vary.network.nodes.DOS.servers: empty grid",
        "not-a-number.yaml|not-a-number.yaml:6:34: network.nodes.DOS.servers: expected a whole"
                + " number, got \"three\"",
        "not-a-number.yaml|not-a-number.yaml:7:37: network.nodes.DOS.quota: expected a rate",
        "bad-keys.yaml|bad-keys.yaml:4:1: replication: unknown key 'replication'; did you mean"
                + " replications?",
        "bad-keys.yaml|bad-keys.yaml:5:15: replications: expected a whole number of at least 1",
        "bad-keys.yaml|bad-keys.yaml:6:7: vary: empty grid"})
    void sweep_badFile_refusedAtFileLineColumnWithExit2(String file, String expected) {
        Outcome o = sweep("src/test/resources/sweep/" + file, dir, "--quiet");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains("src/test/resources/sweep/".replace('/', File.separatorChar)
                + expected).doesNotContain("\tat ");
        assertThat(dir.resolve("sweep.csv")).doesNotExist();
    }

    @Test
    void sweep_mapValues_variantsAndColumnsAsWritten() throws IOException {
        Path file = dir.resolve("routes.yaml");
        Files.writeString(file, "sweep: routes\nbase: " + Path.of("scenarios/tiny-corridor.yaml")
                .toAbsolutePath() + "\nreplications: 2\nvary:\n"
                + "  demand.westbound.route: [fastest, {shares: {corridor: 1.0}}, {via: [DOS]}]\n"
                + "  horizon: [30d]\n", StandardCharsets.UTF_8);
        Outcome o = sweep(file.toString(), dir.resolve("out"), "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<String> rows = csv(dir.resolve("out"));
        assertThat(rows).hasSize(6)
                .anyMatch(r -> r.startsWith("0,fastest,30d,"))
                .anyMatch(r -> r.startsWith("1,{shares: {corridor: 1.0}},30d,"))
                .anyMatch(r -> r.startsWith("2,{via: [DOS]},30d,"));
        assertThat(Files.readString(dir.resolve("out").resolve("sweep.jsonl")))
                .contains("\"demand.westbound.route\":\"{via: [DOS]}\"");
    }

    @Test
    void sweep_missingBase_refusedAtTheBaseValue() throws IOException {
        Path file = dir.resolve("missing-base.yaml");
        Files.writeString(file, "sweep: x\nbase: nowhere.yaml\nvary:\n  seed: [1, 2]\n",
                StandardCharsets.UTF_8);
        Outcome o = sweep(file.toString(), dir.resolve("out"), "--quiet");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains(file + ":2:7: base: no such scenario file");
    }
}
