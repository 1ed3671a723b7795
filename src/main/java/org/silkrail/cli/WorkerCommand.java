package org.silkrail.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.silkrail.cluster.ClusterException;
import org.silkrail.cluster.MemberList;
import org.silkrail.cluster.MemberSettings;
import org.silkrail.cluster.SweepWorker;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail worker --cluster HOST:PORT,… --sweep ID}: a member of a sweep cluster that
 * runs the sweep's tasks until it is stopped (Ctrl-C, SIGTERM, or the end of a Slurm job). It
 * needs no scenario files: the coordinator ships the sweep's content.
 *
 * <p>The cluster name is derived from {@code --sweep ID}, the member list and the shared secret
 * ({@code --secret-file} or {@code SILKRAIL_CLUSTER_SECRET}), exactly as the coordinator derives
 * it from the sweep file's {@code sweep:} id, the same list and secret, so workers of two sweeps
 * never mix and nobody without the secret joins; {@code --cluster-name} replaces the id and the
 * list on both sides. No secret, no worker: exit code 2.
 *
 * <p>Exit codes: 0 stopped; 2 bad arguments; 1 the member could not start (e.g. port taken).
 */
@Command(name = "worker", description = "Join a sweep cluster as a worker and run its tasks"
        + " until stopped (see docs/cluster.md).")
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", required = true, paramLabel = "HOST:PORT,…",
            description = "Members of the cluster, the same list on every worker and the"
                    + " coordinator; this worker listens on the first free one on this host.")
    String cluster;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Name name;

    static final class Name {
        @Option(names = "--sweep", paramLabel = "ID", description = "Id of the sweep to serve"
                + " (its file's `sweep:`); the cluster name derives from it and the members.")
        String sweepId;

        @Option(names = "--cluster-name", paramLabel = "NAME", description = "Cluster name,"
                + " instead of one derived from --sweep; give the sweep the same.")
        String clusterName;
    }

    @Mixin
    SecretOption secret;

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default:"
            + " the first free port of --cluster on this host).")
    Integer port;

    @Option(names = "--threads", paramLabel = "N",
            description = "Tasks run at once (default: available processors).")
    Integer threads;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        quietHazelcast();
        MemberSettings settings;
        try {
            MemberList members = MemberList.parse(cluster);
            String label = name.clusterName != null ? name.clusterName
                    : MemberSettings.label(name.sweepId, members);
            settings = MemberSettings.worker(members, secret.secret(), label, port,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            err.println("silkrail worker: " + e.getMessage());
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
        SweepWorker worker;
        try {
            worker = SweepWorker.start(settings);
        } catch (ClusterException e) {
            err.println("silkrail worker: " + e.getMessage());
            err.flush();
            return Main.EXIT_INTERNAL;
        }
        if (!Main.GlobalOptions.quiet()) {
            stdout.printf("silkrail worker: listening on %s in cluster %s, %d thread%s;"
                    + " stop with Ctrl-C%n", settings.address(), settings.label(),
                    settings.threads(), settings.threads() == 1 ? "" : "s");
            stdout.flush();
        }
        // Ctrl-C and SIGTERM: leave gracefully, then report, before the JVM halts
        AtomicBoolean reported = new AtomicBoolean();
        // The report is in a finally: Hazelcast's own shutdown hook may stop the member first,
        // and the JVM halts as soon as the hooks end, before the main thread could print.
        Thread hook = new Thread(() -> {
            try {
                worker.shutdown();
            } finally {
                report(worker, reported, stdout);
            }
        }, "silkrail-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        worker.awaitShutdown();
        report(worker, reported, stdout);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has run or runs now
        }
        return Main.EXIT_OK;
    }

    private static void report(SweepWorker worker, AtomicBoolean reported, PrintWriter stdout) {
        if (!Main.GlobalOptions.quiet() && reported.compareAndSet(false, true)) {
            stdout.printf("silkrail worker: stopped after %d tasks%n", worker.tasksFinished());
            stdout.flush();
        }
    }

    /**
     * Hazelcast's own warnings (members suspected, partitions lost, a JDK-modules hint at start)
     * are for operators: hidden unless {@code -v}. silkrail reports workers coming and going
     * in its own words.
     */
    static void quietHazelcast() {
        if (!Main.GlobalOptions.verbose()) {
            ((Logger) LoggerFactory.getLogger("com.hazelcast")).setLevel(Level.ERROR);
        }
    }
}
