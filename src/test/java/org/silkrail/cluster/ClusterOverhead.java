package org.silkrail.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.silkrail.experiment.LocalSweepBackend;
import org.silkrail.experiment.SweepBackend;
import org.silkrail.experiment.SweepPlan;

/**
 * Per-task overhead of the cluster backend against the local one, on one machine: the same
 * sweeps on one local thread, and on one worker of one thread (in this JVM, on loopback) driven
 * by a coordinator. The difference of the wall times over the number of tasks is what the
 * cluster costs per task — serialization, the durable executor's ringbuffer, loopback round
 * trips and the disposal of the result. The coordinator's join, a fixed cost per sweep command,
 * is measured apart. Not a test: run it by hand (it takes about a minute), see BENCHMARKS.md.
 *
 * <p>The machines are shared and noisy: both backends run warmed up, interleaved, several
 * times, each time a new plan (another seed: the worker builds its models again, as the local
 * backend does); the minimum (the run least disturbed by other processes) and the median of
 * each are compared.
 *
 * <pre>{@code
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.silkrail.cluster.ClusterOverhead [repeats]
 * }</pre>
 */
public final class ClusterOverhead {
    private ClusterOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        // 2 variants x 60 replications = 120 tasks each; 10-day horizons (5 of warm-up) take
        // about a millisecond, 200-day ones about ten
        List<String> names = List.of("10-day runs", "200-day runs");
        List<Integer> horizons = List.of(10, 200);
        try (LoopbackCluster cluster = LoopbackCluster.start("overhead", 1, 1, 2)) {
            ClusterSweepBackend coordinator = cluster.coordinator();
            long joinStart = System.nanoTime();
            coordinator.run(TestPlans.corridor("join", 10, 1), Set.of(), r -> { });
            double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
            LocalSweepBackend local = new LocalSweepBackend(1);
            long seed = 0;
            for (int horizon : horizons) {
                for (int i = 0; i < 2; i++) {
                    SweepPlan plan = TestPlans.corridor("warm-up", horizon, 60, ++seed);
                    secondsFor(local, plan);
                    secondsFor(coordinator, plan);
                }
            }

            System.out.printf(Locale.ROOT, "coordinator join and a 1-task sweep: %.2f s%n",
                    joinSeconds);
            System.out.printf(Locale.ROOT, "%-13s %5s %17s %17s %17s %6s%n", "sweep", "tasks",
                    "local ms/task", "cluster ms/task", "overhead ms/task", "ratio");
            for (int p = 0; p < names.size(); p++) {
                double[] l = new double[repeats];
                double[] c = new double[repeats];
                // a new seed per repeat: a new plan, so the worker builds its models again as
                // the local backend does, and the sweeps do the same work
                SweepPlan plan = null;
                for (int r = 0; r < repeats; r++) {
                    plan = TestPlans.corridor(names.get(p), horizons.get(p), 60, ++seed);
                    // alternate the order so that neither backend always runs right after the other
                    if (r % 2 == 0) {
                        l[r] = secondsFor(local, plan);
                        c[r] = secondsFor(coordinator, plan);
                    } else {
                        c[r] = secondsFor(coordinator, plan);
                        l[r] = secondsFor(local, plan);
                    }
                }
                int n = plan.taskCount();
                for (String statistic : List.of("min", "median")) {
                    double lt = statistic.equals("min") ? min(l) : median(l);
                    double ct = statistic.equals("min") ? min(c) : median(c);
                    System.out.printf(Locale.ROOT, "%-13s %5d %17.2f %17.2f %17.2f %6.2f  (%s)%n",
                            plan.name(), n, 1e3 * lt / n, 1e3 * ct / n, 1e3 * (ct - lt) / n,
                            ct / lt, statistic);
                }
                System.out.printf(Locale.ROOT, "  all local ms/task:   %s%n  all cluster ms/task: %s%n",
                        perTask(l, n), perTask(c, n));
            }
        }
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String perTask(double[] seconds, int tasks) {
        StringBuilder sb = new StringBuilder();
        for (double s : seconds) {
            sb.append(String.format(Locale.ROOT, "%.2f ", 1e3 * s / tasks));
        }
        return sb.toString().strip();
    }

    private static double secondsFor(SweepBackend backend, SweepPlan plan) throws Exception {
        List<Object> rows = new ArrayList<>();
        long start = System.nanoTime();
        backend.run(plan, Set.of(), rows::add);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (rows.size() != plan.taskCount()) {
            throw new IllegalStateException("rows=" + rows.size() + " tasks=" + plan.taskCount());
        }
        return seconds;
    }
}
