package org.silkrail.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Candidates measured interleaved in one JVM, for development on a shared machine: each runs the
 * same number of events in turn, round after round, the order rotating each round, so that load
 * from other processes falls on all alike. Prints each candidate's median throughput (events per
 * µs) and the median of its per-round ratio to the first candidate, with quartiles. Ten rounds
 * of warm-up are not counted.
 */
public final class Interleaved {
    private static final int WARMUP_ROUNDS = 10;

    private Interleaved() {
    }

    /**
     * @param runs each runs {@code events} events and returns a value that depends on them (kept
     *     in a sink so the work cannot be optimised away)
     */
    public static void run(String title, List<String> labels, List<IntToLongFunction> runs,
            int events, int rounds) {
        int n = runs.size();
        for (int warm = 0; warm < WARMUP_ROUNDS; warm++) {
            for (IntToLongFunction run : runs) {
                run.applyAsLong(events);
            }
        }
        double[][] rate = new double[n][rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int c = (k + r) % n;
                long start = System.nanoTime();
                sink += runs.get(c).applyAsLong(events);
                rate[c][r] = events * 1000.0 / (System.nanoTime() - start);
            }
        }
        System.out.printf("%s rounds=%d events/round=%d (sink %d)%n", title, rounds, events,
                sink & 1);
        for (int c = 0; c < n; c++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = rate[c][r] / rate[0][r];
            }
            System.out.printf("%-16s median %6.2f ev/us  (p25 %6.2f, p75 %6.2f)  ratio to %s: "
                    + "median %.3f (p25 %.3f, p75 %.3f)%n", labels.get(c),
                    quantile(rate[c], 0.5), quantile(rate[c], 0.25), quantile(rate[c], 0.75),
                    labels.get(0), quantile(ratio, 0.5), quantile(ratio, 0.25),
                    quantile(ratio, 0.75));
        }
    }

    /** The value at rank round(q × (n − 1)) of the sorted values. */
    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
