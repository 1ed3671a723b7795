package org.silkrail.benchmarks.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code benchmarks/run --peers}: checks that every peer simulates the same model
 * ({@link Peers#check}), runs {@link PeerHoldBenchmark} and {@link PeerMm1Benchmark} (one fork per
 * peer and size, GC profiler on), and prints one table of events per microsecond with each
 * peer's ratio to the lean PriorityQueue of the same run, the issue-14 target of silkrail's
 * ratio, and the bytes allocated per event. The load average before and after is printed too: the
 * machines are shared, and a run under high load should be repeated.
 *
 * <p>Arguments: {@code [--quick] [--forks N] [JSON-OUTPUT]}: with several forks per peer and
 * size, JMH runs them one after the other and merges their iterations, so a load spike during
 * one fork weighs less.
 */
public final class PeerTable {
    /** M/M/1 with silkrail's peer keeping the PQ's statistic only; the other peers' M/M/1 runs. */
    private static final String MM1_WAIT_ONLY = "M/M/1 wait only";
    private static final String[] ROWS = {"hold 1000", "hold 100000", "hold 1000000", "M/M/1",
        MM1_WAIT_ONLY};
    /** Issue 14's targets for silkrail ÷ PQ; the wait-only row has none (it is for comparison). */
    private static final double[] TARGETS = {1.5, 3.0, 8.0, 1.2, Double.NaN};

    private PeerTable() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        boolean quick = false;
        int forks = 1;
        String json = "benchmarks/target/jmh-peers.json";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--forks") && i + 1 < args.length) {
                forks = Integer.parseInt(args[++i]);
            } else {
                json = args[i];
            }
        }
        String loadBefore = load();
        System.out.println("Checking that every peer simulates the same model ...");
        if (!Peers.check(System.out)) {
            System.err.println("peers disagree: no benchmark run");
            System.exit(1);
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(PeerHoldBenchmark.class.getName())
                .include(PeerMm1Benchmark.class.getName())
                .forks(forks)
                .jvmArgs("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch")
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json);
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        } else {
            options.warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println(table(results, loadBefore, load(), quick));
        System.out.println("JSON: " + json);
    }

    static String table(Collection<RunResult> results, String loadBefore, String loadAfter,
            boolean quick) {
        Map<String, Result<?>> score = new HashMap<>();
        Map<String, Double> bytes = new HashMap<>();
        for (RunResult run : results) {
            var params = run.getParams();
            String row = params.getBenchmark().endsWith(".hold")
                    ? "hold " + params.getParam("pending") : "M/M/1";
            String peer = params.getParam("peer");
            if (peer.equals(Peers.SILKRAIL_WAIT_ONLY)) {
                row = MM1_WAIT_ONLY;
                peer = "silkrail";
            }
            String key = row + "|" + peer;
            score.put(key, run.getPrimaryResult());
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc != null) {
                // JMH divides by @OperationsPerInvocation: B/op is bytes per event
                bytes.put(key, alloc.getScore());
            }
        }
        for (String peer : Peers.NAMES) {
            if (!peer.equals("silkrail") && score.containsKey("M/M/1|" + peer)) {
                score.put(MM1_WAIT_ONLY + "|" + peer, score.get("M/M/1|" + peer));
                if (bytes.containsKey("M/M/1|" + peer)) {
                    bytes.put(MM1_WAIT_ONLY + "|" + peer, bytes.get("M/M/1|" + peer));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nEvents per microsecond (± 99.9 %% CI), ratio to the lean "
                + "PriorityQueue in the same run; load average before: %s, after: %s%s%n%n",
                loadBefore, loadAfter, quick ? " (--quick)" : ""));
        out.append("| model | ");
        for (String peer : Peers.NAMES) {
            out.append(peer).append(" | ");
        }
        out.append("silkrail ÷ PQ | target | ssj ÷ PQ | dsol ÷ PQ | B/event silkrail | B/event PQ |\n|---|");
        out.append("---:|".repeat(Peers.NAMES.size() + 6)).append('\n');
        for (int r = 0; r < ROWS.length; r++) {
            String row = ROWS[r];
            out.append("| ").append(row).append(" | ");
            for (String peer : Peers.NAMES) {
                Result<?> result = score.get(row + "|" + peer);
                out.append(result == null ? "—" : String.format(Locale.ROOT, "%.2f ± %.2f",
                        result.getScore(), result.getScoreError())).append(" | ");
            }
            double silkrail = ratio(score, row, "silkrail");
            String target = Double.isNaN(TARGETS[r]) ? "(none)" : String.format(Locale.ROOT,
                    "≥ %.1f× %s", TARGETS[r], silkrail >= TARGETS[r] ? "met" : "missed");
            out.append(String.format(Locale.ROOT, "**%.2f×** | %s | %.2f× | %.2f× | %.3f | %.1f |%n",
                    silkrail, target,
                    ratio(score, row, "ssj"), ratio(score, row, "dsol"),
                    bytes.getOrDefault(row + "|silkrail", Double.NaN),
                    bytes.getOrDefault(row + "|priorityQueue", Double.NaN)));
        }
        return out.toString();
    }

    private static double ratio(Map<String, Result<?>> score, String row, String peer) {
        Result<?> result = score.get(row + "|" + peer);
        Result<?> baseline = score.get(row + "|priorityQueue");
        return result == null || baseline == null ? Double.NaN
                : result.getScore() / baseline.getScore();
    }

    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
