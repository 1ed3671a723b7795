package org.silkrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.silkrail.cluster.ClusterException;
import org.silkrail.cluster.ClusterSecret;
import org.silkrail.cluster.ClusterSweepBackend;
import org.silkrail.cluster.MemberList;
import org.silkrail.cluster.MemberSettings;
import org.silkrail.experiment.LocalSweepBackend;
import org.silkrail.experiment.Replications;
import org.silkrail.experiment.Sweep;
import org.silkrail.experiment.SweepBackend;
import org.silkrail.experiment.SweepJournal;
import org.silkrail.experiment.SweepPlan;
import org.silkrail.experiment.SweepRow;
import org.silkrail.experiment.SweepSummary;
import org.silkrail.report.AtomicFiles;
import org.silkrail.report.Numbers;
import org.silkrail.report.html.SweepFolder;
import org.silkrail.scenario.ScenarioException;
import org.silkrail.scenario.SweepFile;
import org.silkrail.scenario.SweepLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail sweep SWEEP}: runs every (variant, replication) of a sweep file's grid in
 * parallel, appending one row per finished run to {@code sweep.csv} and {@code sweep.jsonl};
 * at the end writes {@code summary.csv} (each variant's means with 95 % intervals) and prints a
 * short table. {@code --resume} continues an interrupted sweep in the same directory.
 *
 * <p>Ctrl-C (or a SIGTERM) stops cleanly: no new run starts, runs in flight are abandoned, every
 * finished row is on disk; run again with {@code --resume}.
 *
 * <p>Exit codes: 0 done; 2 bad input — sweep or scenario problems printed as
 * {@code file:line:col: path: message}, bad arguments, or an output directory holding another
 * sweep's rows; 1 internal failure.
 */
@Command(name = "sweep", description = "Run a grid of scenario variants × replications; rows"
        + " are appended to sweep.csv/sweep.jsonl as runs finish; resumable.")
final class SweepCommand implements Callable<Integer> {
    /** Totals shown in the closing table, by metric path. */
    private static final String SUMMARY_FILE = SweepFolder.SUMMARY;
    private static final List<String> TABLE_METRICS = List.of("totals.teu_per_year",
            "totals.transit_days");

    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML).")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default out/<sweep id>/).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--cluster", paramLabel = "HOST:PORT,…", description = "Run on the"
            + " workers of a Hazelcast cluster (silkrail worker) at these members, this host"
            + " included; see docs/cluster.md.")
    String cluster;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "With --cluster: the"
            + " cluster name the workers were given (default: derived from the sweep id and"
            + " the members, as `silkrail worker --sweep ID` derives it; the secret is applied"
            + " to either).")
    String clusterName;

    @Mixin
    SecretOption secret;

    @Option(names = "--resume", description = "Continue the sweep whose rows are in DIR: run"
            + " only the (variant, replication) pairs without a row.")
    boolean resume;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null && threads < 1) {
            return badArgument(err, "--threads must be at least 1, got " + threads);
        }
        SweepFile file;
        try {
            file = SweepLoader.load(sweepFile);
        } catch (ScenarioException e) {
            ScenarioInput.print(e, err);
            return Main.EXIT_BAD_INPUT;
        }
        SweepPlan plan = SweepPlan.from(file);
        Path dir = out != null ? out : Path.of("out", plan.name());
        String unwritable = OutputFolder.problem(dir);
        if (unwritable != null) {
            return badArgument(err, "--out " + dir + ": " + unwritable);
        }
        if (cluster != null) {
            return runOnCluster(plan, dir, stdout, err);
        }
        if (clusterName != null) {
            return badArgument(err, "--cluster-name needs --cluster");
        }
        if (secret.secretFile != null) {
            return badArgument(err, "--secret-file needs --cluster");
        }
        int workers = threads != null ? threads : Replications.defaultThreads();
        return run(plan, dir, new LocalSweepBackend(workers),
                "on " + workers + " thread" + (workers == 1 ? "" : "s"), stdout, err);
    }

    /** The sweep on the workers of a cluster, this process its coordinator. */
    private int runOnCluster(SweepPlan plan, Path dir, PrintWriter stdout, PrintWriter err)
            throws IOException, InterruptedException {
        if (threads != null) {
            return badArgument(err, "--threads is for local sweeps; give each worker --threads");
        }
        WorkerCommand.quietHazelcast();
        ClusterSecret clusterSecret;
        try {
            clusterSecret = secret.secret();
        } catch (IllegalArgumentException e) {
            return badArgument(err, e.getMessage());
        }
        MemberSettings settings;
        try {
            MemberList members = MemberList.parse(cluster);
            settings = MemberSettings.coordinator(members, clusterSecret,
                    clusterName != null ? clusterName : MemberSettings.label(plan.name(), members),
                    null);
        } catch (IllegalArgumentException e) {
            return badArgument(err, "--cluster: " + e.getMessage());
        }
        try (ClusterSweepBackend backend = new ClusterSweepBackend(settings)) {
            return run(plan, dir, backend, "on cluster " + settings.label() + " via "
                    + settings.address(), stdout, err);
        } catch (ClusterException e) {
            err.println("silkrail sweep: " + e.getMessage() + "; finished rows are kept in "
                    + dir + "; run again with --resume");
            err.flush();
            return Main.EXIT_INTERNAL;
        }
    }

    /**
     * Journals the plan's missing runs in {@code dir} with {@code backend}, then writes the
     * summary; shared by every backend (the cluster's too).
     */
    int run(SweepPlan plan, Path dir, SweepBackend backend, String where, PrintWriter stdout,
            PrintWriter err) throws IOException, InterruptedException {
        OutputManifest.Claim claim;
        try {
            claim = OutputManifest.claim(dir, "sweep", List.of(SweepJournal.CSV_FILE,
                    SweepJournal.JSONL_FILE, SweepJournal.PLAN_FILE, SUMMARY_FILE));
        } catch (OutputManifest.Refused e) {
            return badArgument(err, "--out " + dir + ": " + e.getMessage());
        }
        SweepJournal journal;
        try {
            journal = SweepJournal.open(dir, plan, resume, Numbers::format);
        } catch (SweepJournal.JournalException e) {
            return badArgument(err, e.getMessage());
        }
        try {
            claim.commit();
        } catch (IOException e) {
            journal.close();
            throw e;
        }
        Sweep.Outcome outcome;
        Thread stopper = new Thread(() -> stop(backend, journal, dir, err), "silkrail-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (journal; ProgressDisplay progress = ProgressDisplay.start("sweep " + plan.name(),
                plan.taskCount(), journal.kept(), "runs", where + ", " + plan.variants().size()
                        + " variants × " + plan.replications() + " replications", err)) {
            outcome = Sweep.run(plan, journal, backend, (SweepRow row) -> progress.step());
        } catch (SweepBackend.SweepFailedException | UncheckedIOException e) {
            err.println("silkrail sweep: " + e.getMessage() + "; the rows finished before are in "
                    + dir.resolve(SweepJournal.CSV_FILE) + "; fix the cause and run again with"
                    + " --resume");
            err.flush();
            return Main.EXIT_INTERNAL;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs
            }
        }
        if (!outcome.complete()) {
            err.println("silkrail sweep: stopped with " + (outcome.kept() + outcome.ran()) + " of "
                    + outcome.total() + " runs; run again with --resume");
            err.flush();
            return Main.EXIT_INTERNAL;
        }
        SweepSummary summary;
        try {
            summary = SweepSummary.of(plan, SweepJournal.readRows(dir, plan));
        } catch (SweepJournal.JournalException e) {
            err.println("silkrail sweep: " + e.getMessage());
            err.flush();
            return Main.EXIT_INTERNAL;
        }
        Path summaryFile = dir.resolve(SUMMARY_FILE);
        AtomicFiles.write(summaryFile, summary.toCsv(Numbers::format));

        stdout.print(table(summary));
        stdout.printf(Locale.ROOT, "%n%d runs (%d kept from before, %d run now)%n",
                outcome.total(), outcome.kept(), outcome.ran());
        stdout.println();
        stdout.println("Wrote:");
        for (String name : List.of(SweepJournal.CSV_FILE, SweepJournal.JSONL_FILE,
                SUMMARY_FILE)) {
            stdout.println("  " + dir.resolve(name));
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** The shutdown hook: no new runs, the row being written completes, later rows dropped. */
    private static void stop(SweepBackend backend, SweepJournal journal, Path dir,
            PrintWriter err) {
        backend.stop();
        try {
            journal.close();
        } catch (IOException e) {
            // every row appended before was forced to disk already
        }
        err.println();
        err.println("silkrail sweep: interrupted; finished runs are kept in " + dir
                + "; run again with --resume to complete the sweep");
        err.flush();
    }

    /** Per variant: its values and the main totals as mean ± 95 % half-width. */
    static String table(SweepSummary summary) {
        SweepPlan plan = summary.plan();
        List<String> header = new ArrayList<>(List.of("variant"));
        header.addAll(plan.parameters());
        List<Integer> metricIndex = new ArrayList<>();
        for (String m : TABLE_METRICS) {
            int i = plan.metricNames().indexOf(m);
            if (i >= 0) {
                metricIndex.add(i);
                header.add(m);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int v = 0; v < plan.variants().size(); v++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(v)));
            row.addAll(plan.variants().get(v).values());
            for (int i : metricIndex) {
                row.add(CompareCommand.meanPlusMinus(summary.stat(v, i)));
            }
            rows.add(row);
        }
        return CompareCommand.columns(plan.name() + " — mean ± 95 % CI half-width over "
                + plan.replications() + " replications", header, rows);
    }

    private static int badArgument(PrintWriter err, String message) {
        err.println("silkrail sweep: " + message);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
