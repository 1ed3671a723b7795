package org.silkrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.ScenarioRun;
import org.silkrail.experiment.WarmupReport;
import org.silkrail.experiment.Warning;
import org.silkrail.model.ModelSpec;
import org.silkrail.network.NodeSpec;
import org.silkrail.report.AtomicFiles;
import org.silkrail.report.KpiTable;
import org.silkrail.report.Numbers;
import org.silkrail.report.ReportWriter;
import org.silkrail.report.ReportWriters;
import org.silkrail.report.html.HtmlReportWriter;
import org.silkrail.scenario.RunSize;
import org.silkrail.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail run SCENARIO}: simulates the scenario's replications in parallel, prints the
 * KPI table (means with 95 % intervals) to stdout and writes results.json and the CSV files into
 * the output directory, each atomically. Progress goes to stderr (a bar on a terminal), and so
 * does a warning for each node or link found past its capacity ({@code OverloadCheck}).
 *
 * <p>Exit codes: 0 done; 2 bad input — scenario problems printed as
 * {@code file:line:col: path: message}, or bad arguments; 1 internal failure.
 */
@Command(name = "run", description = "Simulate a scenario, print the KPI summary and write "
        + "results.json, CSV files and report.html.")
final class RunCommand implements Callable<Integer> {
    static final String WARMUP_FILE = "warmup.csv";

    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default out/<scenario id>/).")
    Path out;

    @Mixin
    RunOptions options;

    @Option(names = "--warmup-report", description = "Also run the replications without"
            + " warm-up and write warmup.csv (daily queues from time zero) with an MSER-5"
            + " suggestion for the warm-up; doubles the run time.")
    boolean warmupReport;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String badNumber = options.problem(1, "");
        if (badNumber != null) {
            return badArgument(err, badNumber);
        }
        Optional<Scenario> loaded = ScenarioInput.load(scenarioFile, options.setOverrides, err);
        if (loaded.isEmpty()) {
            return Main.EXIT_BAD_INPUT;
        }
        Scenario scenario = loaded.get();
        ModelSpec model = scenario.model();
        Path dir = out != null ? out : Path.of("out", scenario.id());
        String unwritable = OutputFolder.problem(dir);
        if (unwritable != null) {
            return badArgument(err, "--out " + dir + ": " + unwritable);
        }
        int runs = options.replications(scenario);
        RunSize.Problem tooLarge = RunSize.check(model, runs);
        if (tooLarge != null) {
            return badArgument(err, options.replicationsPrefix(runs) + tooLarge.message());
        }
        List<ReportWriter> writers = HtmlReportWriter.runFiles(model.network());
        List<String> files = new ArrayList<>();
        writers.forEach(w -> files.add(w.fileName()));
        if (warmupReport) {
            files.add(WARMUP_FILE);
        }
        try {
            OutputManifest.claim(dir, "run", files).commit();
        } catch (OutputManifest.Refused e) {
            return badArgument(err, "--out " + dir + ": " + e.getMessage());
        }
        ScenarioRun.Request request = options.request(scenario, runs);
        int workers = request.threads();

        long start = System.nanoTime();
        RunResults results;
        try (ProgressDisplay progress = ProgressDisplay.start("run " + scenario.id(), runs, 0,
                "replications", "on " + Math.min(workers, runs) + " thread"
                        + (Math.min(workers, runs) == 1 ? "" : "s"), err)) {
            results = ScenarioRun.run(request, Main.version(), (r, done, total) -> progress.step());
        }
        double runSeconds = (System.nanoTime() - start) / 1e9;
        for (Warning w : results.warnings()) {
            err.println("silkrail run: warning: " + w.message());
        }
        err.flush();

        List<Path> written;
        try {
            written = ReportWriters.writeAll(writers, results, dir);
        } catch (IOException e) {
            err.println("silkrail run: cannot write " + dir + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_INTERNAL;
        }

        stdout.print(KpiTable.render(results, id -> {
            NodeSpec node = model.network().nodes().get(id);
            return node == null ? null : node.name();
        }));
        double events = results.engine().get("events").mean();
        double perReplication = results.engine().get("wall_seconds").mean();
        stdout.printf(Locale.ROOT, "%nRan %d replications in %.1f s on %d thread%s: %.2f s and "
                + "%,.0f events per replication, %,.0f events/s per thread%n", runs, runSeconds,
                Math.min(workers, runs), Math.min(workers, runs) == 1 ? "" : "s", perReplication,
                events, events / perReplication);
        if (warmupReport) {
            written = new ArrayList<>(written);
            written.add(warmupReport(request, dir, stdout, err));
        }
        stdout.println();
        stdout.println("Wrote:");
        for (Path p : written) {
            stdout.println("  " + p);
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** Runs the replications from time zero, writes DIR/warmup.csv, prints the suggestion. */
    private static Path warmupReport(ScenarioRun.Request request, Path dir, PrintWriter stdout,
            PrintWriter err) throws IOException {
        WarmupReport report;
        try (ProgressDisplay progress = ProgressDisplay.start("warm-up report "
                + request.scenario(), request.replications(), 0, "replications", "without"
                + " warm-up", err)) {
            report = WarmupReport.run(request, (r, done, total) -> progress.step());
        }
        Path file = dir.resolve(WARMUP_FILE);
        AtomicFiles.write(file, report.toCsv(Numbers::format));
        stdout.printf(Locale.ROOT, "%nWarm-up (MSER-5 on daily queues from time zero, mean of %d"
                + " replications; the scenario uses %s d):%n", report.replications(),
                Numbers.format(report.scenarioWarmupDays()));
        stdout.println("  suggested, from all nodes' queues together: "
                + suggestion(report.total()));
        report.perNode().forEach((id, s) -> stdout.println("  " + id + " alone: " + suggestion(s)));
        return file;
    }

    private static String suggestion(WarmupReport.Suggestion s) {
        if (s.days() < 0) {
            return "run too short to judge (fewer than 10 days)";
        }
        return s.days() + " d" + (s.atLimit() ? " (at the search limit, half the run: the"
                + " transient may last longer; lengthen the horizon)" : "");
    }

    private static int badArgument(PrintWriter err, String message) {
        err.println("silkrail run: " + message);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
