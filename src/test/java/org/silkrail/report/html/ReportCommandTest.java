package org.silkrail.report.html;

import org.silkrail.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silkrail report DIR}, and the report {@code run} writes, through the command line. */
class ReportCommandTest {
    @TempDir
    static Path dir;

    static Path run;
    static byte[] written;

    @BeforeAll
    static void runTinyCorridor() throws Exception {
        run = dir.resolve("tiny");
        Cli.Outcome o = Cli.execute("run", "scenarios/tiny-corridor.yaml", "--replications", "2",
                "--out", run.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        written = Files.readAllBytes(run.resolve("report.html"));
    }

    @Test
    void run_writesTheReportAndTheNetworkLast() throws Exception {
        Cli.Outcome o = Cli.execute("run", "scenarios/tiny-corridor.yaml", "--replications", "2",
                "--out", dir.resolve("again").toString());

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out().strip()).endsWith(
                dir.resolve("again").resolve("network.geojson") + System.lineSeparator() + "  "
                        + dir.resolve("again").resolve("report.html"));
        // (the pages of two runs differ only in the engine's wall-clock timings)
    }

    @Test
    void report_runFolder_rebuildsTheSameBytes() throws Exception {
        Path copy = copyOf(run, "rebuild");
        Files.delete(copy.resolve("report.html"));

        Cli.Outcome o = Cli.execute("report", copy.toString());

        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out().strip()).isEqualTo(copy.resolve("report.html").toString());
        assertSameText(Files.readAllBytes(copy.resolve("report.html")), written);
    }

    @Test
    void report_withoutNetworkAndTrains_stillWritesThePage() throws Exception {
        Path copy = copyOf(run, "bare");
        Files.delete(copy.resolve("network.geojson"));
        Files.delete(copy.resolve("trains.csv"));

        Cli.Outcome o = Cli.execute("report", copy.toString());

        assertThat(o.exitCode()).as(o.err()).isZero();
        String html = Files.readString(copy.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("\"network\":null", "\"transit\":null", "id=\"table-nodes\"");
    }

    @Test
    void report_folderWithoutResults_exitsTwoNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Cli.Outcome o = Cli.execute("report", empty.toString());

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("silkrail report: " + empty
                + ": no results.json, comparison.json or summary.csv here");
        assertThat(empty.resolve("report.html")).doesNotExist();
    }

    @Test
    void report_malformedResults_exitsTwoWithLineAndColumn() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("results.json"), "{\n  \"scenario\": \"x\",\n  oops\n}");

        Cli.Outcome o = Cli.execute("report", broken.toString());

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).startsWith("silkrail report: " + broken.resolve("results.json")
                + ":3:3: malformed JSON: ");
        assertThat(o.err()).doesNotContain("\tat ");
    }

    @Test
    void report_malformedTrainsCsv_exitsTwoWithTheLine() throws Exception {
        Path copy = copyOf(run, "bad-trains");
        Files.writeString(copy.resolve("trains.csv"),
                "replication,id,transit_days\r\n0,westbound,4.5\r\n0,westbound,soon\r\n");

        Cli.Outcome o = Cli.execute("report", copy.toString());

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("silkrail report: " + copy.resolve("trains.csv")
                + ":3:13: transit_days: expected a number, got \"soon\"");
    }

    @Test
    void report_namesWithMarkup_areEscapedInThePage() throws Exception {
        Path out = dir.resolve("hostile");
        Cli.Outcome o = Cli.execute("run", ReportBrowserTest.HOSTILE, "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();

        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<img src=x", "window.__pwned = 1</script>",
                "<b>bold</b>");
        assertThat(html).contains("<title>&lt;/script&gt;&lt;script&gt;window.__pwned = 1"
                + "&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; \"quoted\"");
        // one script element for the data, ECharts and the page's own script: nothing else
        assertThat(html.split("<script", -1)).hasSize(4);
    }

    @Test
    void report_sweepFolder_writesTheSweepPage() throws Exception {
        Path sweep = copyOf(Path.of(ReportBrowserTest.SWEEP_FIXTURE), "sweep");

        Cli.Outcome o = Cli.execute("report", sweep.toString());

        assertThat(o.exitCode()).as(o.err()).isZero();
        String html = Files.readString(sweep.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<h1>caspian-fleet</h1>", "id=\"table-variants\"",
                "data-subject=\"links.AKU-ALAT.wait_hours\"", "\"kind\":\"sweep\"",
                // variant 1: 40 h [32, 48]
                "<td class=\"num\" data-value=\"40\">40.0 ± 8.0</td>");
    }

    @Test
    void report_sweepSummaryWithBadColumn_exitsTwoNamingIt() throws Exception {
        Path sweep = Files.createDirectories(dir.resolve("bad-sweep"));
        Files.writeString(sweep.resolve("summary.csv"), "variant,vessels,replications,"
                + "totals.teu_per_year.mean,totals.teu_per_year.low,totals.teu_per_year.high\r\n"
                + "0,6,4,1,0,2\r\n");

        Cli.Outcome o = Cli.execute("report", sweep.toString());

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("silkrail report: " + sweep.resolve("summary.csv")
                + ":1:55: expected totals.teu_per_year.ci95_low, got totals.teu_per_year.low");
    }

    @Test
    void compare_writesItsReport_andReportRebuildsTheSameBytes() throws Exception {
        Path out = dir.resolve("compare");
        Cli.Outcome o = Cli.execute("compare", "scenarios/tiny-corridor.yaml",
                ReportBrowserTest.HOSTILE, "--replications", "2", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out().strip()).endsWith(out.resolve("report.html").toString());
        byte[] written = Files.readAllBytes(out.resolve("report.html"));
        String html = new String(written, StandardCharsets.UTF_8);
        assertThat(html).contains("\"kind\":\"compare\"", "id=\"table-main-hostile-names\"",
                "<a href=\"tiny-corridor/report.html\">", "data-draw=\"compare-differences\"");
        assertThat(html).doesNotContain("<img src=x", "<script>window.__pwned");

        Files.delete(out.resolve("report.html"));
        Cli.Outcome rebuilt = Cli.execute("report", out.toString());

        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        assertSameText(Files.readAllBytes(out.resolve("report.html")), written);
    }

    @Test
    void report_comparisonWithoutARun_exitsTwoNamingTheMissingFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("compare-broken"));
        Files.writeString(out.resolve("comparison.json"), "{\"base\": \"a\", \"options\": {}}");

        Cli.Outcome o = Cli.execute("report", out.toString());

        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("silkrail report: " + out.resolve("a")
                .resolve("results.json") + ": not found: the comparison's run a is missing");
    }

    /** Fails naming the first difference, instead of printing two 1 MB arrays. */
    private static void assertSameText(byte[] actual, byte[] expected) {
        String a = new String(actual, StandardCharsets.UTF_8);
        String e = new String(expected, StandardCharsets.UTF_8);
        int at = 0;
        while (at < Math.min(a.length(), e.length()) && a.charAt(at) == e.charAt(at)) {
            at++;
        }
        assertThat(a.length() == e.length() && at == a.length())
                .as("first difference at char %d: expected …%s… but was …%s…", at,
                        e.substring(Math.max(0, at - 60), Math.min(e.length(), at + 60)),
                        a.substring(Math.max(0, at - 60), Math.min(a.length(), at + 60)))
                .isTrue();
    }

    private static Path copyOf(Path from, String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
