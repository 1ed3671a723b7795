package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.format.Json;
import tools.jackson.databind.JsonNode;

/**
 * A command into a folder of earlier results, through {@link Main#execute}: nothing of the
 * earlier results is left that could pass for the new ones, a user's own files survive, a
 * sweep's rows are never deleted, and a folder silkrail cannot account for is refused.
 */
class OutputManifestTest {
    private static final String TWO_STATIONS = "src/test/resources/experiment/two-stations.yaml";
    /** Not a running process on Linux (pids stop at 2^22): its temporaries are leftovers. */
    private static final long DEAD_PID = 99_999_999L;

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private Cli.Outcome run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", TWO_STATIONS, "--out",
                out().toString(), "--replications", "2", "--quiet"));
        args.addAll(List.of(extra));
        return Cli.execute(args.toArray(String[]::new));
    }

    private Cli.Outcome compare() {
        return Cli.execute("compare", TWO_STATIONS, TWO_STATIONS, "--out", out().toString(),
                "--replications", "2", "--quiet");
    }

    private Path sweepFile() throws IOException {
        return Files.writeString(dir.resolve("sweep.yaml"), "sweep: servers\nbase: "
                + Path.of(TWO_STATIONS).toAbsolutePath() + "\nreplications: 2\nvary:\n"
                + "  network.nodes.AAA.servers: [2, 3]\n");
    }

    private List<String> recorded() throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readString(out().resolve(
                OutputManifest.FILE_NAME)));
        List<String> files = new ArrayList<>();
        root.get("files").forEach(f -> files.add(f.asString()));
        return files;
    }

    @Test
    void run_withWarmupReportThenWithout_noWarmupCsvLeft() throws IOException {
        assertThat(run("--warmup-report").exitCode()).isZero();
        assertThat(out().resolve("warmup.csv")).isRegularFile();
        assertThat(recorded()).contains("warmup.csv", "results.json");

        Cli.Outcome again = run();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(out().resolve("warmup.csv")).doesNotExist();
        assertThat(out().resolve("results.json")).isRegularFile();
        assertThat(recorded()).doesNotContain("warmup.csv").contains("results.json",
                "nodes.csv", "report.html");
    }

    @Test
    void run_intoACompareFolder_noStaleCompareFoldersOrComparison() throws IOException {
        assertThat(compare().exitCode()).isZero();
        assertThat(out().resolve("two-stations-2/results.json")).isRegularFile();
        assertThat(out().resolve("comparison.json")).isRegularFile();

        Cli.Outcome o = run();

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(out().resolve("comparison.json")).doesNotExist();
        assertThat(out().resolve("two-stations")).doesNotExist();
        assertThat(out().resolve("two-stations-2")).doesNotExist();
        assertThat(out().resolve("results.json")).isRegularFile();
    }

    @Test
    void compare_aUsersOwnFiles_surviveAndKeepTheirFolder() throws IOException {
        assertThat(compare().exitCode()).isZero();
        Path notes = Files.writeString(out().resolve("notes.txt"), "why we ran this");
        Path inRun = Files.writeString(out().resolve("two-stations-2/notes.md"), "# mine");

        Cli.Outcome o = run();

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(notes).hasContent("why we ran this");
        assertThat(inRun).hasContent("# mine");
        try (var left = Files.list(out().resolve("two-stations-2"))) {
            assertThat(left).as("silkrail's files of the old option are gone")
                    .containsExactly(inRun);
        }
    }

    @Test
    void run_temporariesOfAKilledWrite_removedNotKept() throws IOException {
        assertThat(compare().exitCode()).isZero();
        Path top = Files.writeString(out().resolve(".results.json." + DEAD_PID + "-1.tmp"),
                "half a fi");
        Path inOption = Files.writeString(out().resolve("two-stations-2/.nodes.csv." + DEAD_PID
                + "-2.tmp"), "replication,id");
        Path probe = Files.writeString(out().resolve(".silkrail-write-check." + DEAD_PID
                + "-3.tmp"), "");

        Cli.Outcome o = run();

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(top).doesNotExist();
        assertThat(inOption).doesNotExist();
        assertThat(probe).doesNotExist();
        assertThat(out().resolve("two-stations-2")).doesNotExist();
        try (var left = Files.list(out())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void run_earlierResultsWithoutARecord_refusedWhereItWouldNotOverwriteThem()
            throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("results.json"), "{}");
        Files.writeString(out().resolve("warmup.csv"), "day\n");

        Cli.Outcome o = run();

        assertThat(o.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).startsWith("silkrail run: --out " + out() + ": holds warmup.csv,"
                + " which this run would not write again and no record")
                .doesNotContain("\tat ");
        assertThat(out().resolve("results.json")).hasContent("{}");
        assertThat(out().resolve("warmup.csv")).hasContent("day\n");
        assertThat(out().resolve(OutputManifest.FILE_NAME)).doesNotExist();
    }

    @Test
    void run_earlierResultsWithoutARecordAllRewritten_accepted() throws IOException {
        Files.createDirectories(out());
        Files.writeString(out().resolve("results.json"), "{}");

        Cli.Outcome o = run("--warmup-report");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(out().resolve("results.json")).content().contains("\"two-stations\"");
    }

    @Test
    void run_intoASweepFolder_refusedAndTheRowsKept() throws IOException {
        Cli.Outcome sweep = Cli.execute("sweep", sweepFile().toString(), "--out",
                out().toString(), "--quiet", "--threads", "2");
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        byte[] rows = Files.readAllBytes(out().resolve("sweep.csv"));

        Cli.Outcome o = run();

        assertThat(o.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("holds the rows of a sweep (sweep.csv, sweep.jsonl), which"
                + " silkrail never deletes");
        assertThat(out().resolve("sweep.csv")).hasBinaryContent(rows);
        assertThat(out().resolve("summary.csv")).isRegularFile();
        assertThat(out().resolve("results.json")).doesNotExist();
    }

    @Test
    void sweep_intoARunFolder_removesTheRunsFiles() throws IOException {
        assertThat(run("--warmup-report").exitCode()).isZero();

        Cli.Outcome o = Cli.execute("sweep", sweepFile().toString(), "--out", out().toString(),
                "--quiet", "--threads", "2");

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(out().resolve("results.json")).doesNotExist();
        assertThat(out().resolve("warmup.csv")).doesNotExist();
        assertThat(out().resolve("report.html")).doesNotExist();
        assertThat(out().resolve("sweep.csv")).isRegularFile();
        assertThat(recorded()).containsExactlyInAnyOrder("sweep.csv", "sweep.jsonl",
                "sweep-plan.json", "summary.csv");
    }

    @Test
    void report_intoASweepFolder_addsReportHtmlToTheRecord() throws IOException {
        assertThat(Cli.execute("sweep", sweepFile().toString(), "--out", out().toString(),
                "--quiet", "--threads", "2").exitCode()).isZero();
        assertThat(recorded()).doesNotContain("report.html");

        Cli.Outcome o = Cli.execute("report", out().toString());

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(recorded()).contains("report.html", "sweep.csv");
    }

    @Test
    void run_recordNamingAFileOutsideTheFolder_refusedAndNothingDeleted() throws IOException {
        assertThat(run().exitCode()).isZero();
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Files.writeString(out().resolve(OutputManifest.FILE_NAME),
                "{\"files\": [\"results.json\", \"../victim.txt\"]}");

        Cli.Outcome o = run("--warmup-report");

        assertThat(o.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("cannot use " + out().resolve(OutputManifest.FILE_NAME)
                + ": entry 2 of its files is not a file in the folder");
        assertThat(victim).hasContent("keep me");
        assertThat(out().resolve("results.json")).isRegularFile();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not json at all         | it is not the JSON silkrail writes
            '{"files": "x"}'        | it has no list of files
            '[1, 2]'                | it has no list of files
            '{"files": [3]}'        | entry 1 of its files is not a file in the folder
            '{"files": ["a/b/c"]}'  | entry 1 of its files is not a file in the folder
            \u00ff\u00fe           | cannot read it (MalformedInputException)
            """)
    void run_damagedRecord_refusedAndNothingDeleted(String record, String why)
            throws IOException {
        assertThat(run("--warmup-report").exitCode()).isZero();
        Path manifest = out().resolve(OutputManifest.FILE_NAME);
        if (record.startsWith("\u00ff")) {
            Files.write(manifest, new byte[] {(byte) 0xff, (byte) 0xfe, '{'});
        } else {
            Files.writeString(manifest, record);
        }

        Cli.Outcome o = run();

        assertThat(o.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).startsWith("silkrail run: --out " + out() + ": cannot use "
                + manifest + ": " + why).doesNotContain("\tat ");
        assertThat(out().resolve("warmup.csv")).isRegularFile();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            results.json        | true
            two-stations/nodes.csv | true
            ..                  | false
            ../victim.txt       | false
            a/../b              | false
            ./results.json      | false
            a/b/c               | false
            /etc/passwd         | false
            a//b                | false
            'a\\b'              | false
            """)
    void isEntry_path_onlyAFileInTheFolderOrOneFolderDown(String entry, boolean expected) {
        assertThat(OutputManifest.isEntry(entry)).isEqualTo(expected);
    }
}
