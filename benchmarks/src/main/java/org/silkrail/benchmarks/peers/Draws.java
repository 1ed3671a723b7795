package org.silkrail.benchmarks.peers;

import java.util.SplittableRandom;

/**
 * A cyclic table of exponential draws rounded to whole seconds (at least 1), so that a peer with
 * {@code double} time and silkrail with {@code long} seconds see exactly the same inputs and the
 * random generator is not measured. Two tables of coprime lengths (2^21 and 2^21 − 1) feed
 * M/M/1, so its input does not repeat within any run.
 */
final class Draws {
    static final int LENGTH = 1 << 21;
    /** Hold model: mean increment of 10^6 s, so that pending events rarely share a second. */
    static final double HOLD_MEAN_SECONDS = 1_000_000.0;
    /** M/M/1: mean service 1 h and mean interarrival 4,000 s, ρ = 0.9, Wq = 9 h = 32,400 s. */
    static final double SERVICE_MEAN_SECONDS = 3_600.0;
    static final double INTERARRIVAL_MEAN_SECONDS = 4_000.0;

    private final long[] seconds;
    private int next;

    private Draws(long[] seconds) {
        this.seconds = seconds;
    }

    static Draws exponential(double meanSeconds, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            values[i] = Math.max(1L, Math.round(-Math.log(1 - random.nextDouble()) * meanSeconds));
        }
        return new Draws(values);
    }

    static Draws hold() {
        return exponential(HOLD_MEAN_SECONDS, LENGTH, 20240520L);
    }

    static Draws interarrivals() {
        return exponential(INTERARRIVAL_MEAN_SECONDS, LENGTH, 11L);
    }

    static Draws services() {
        return exponential(SERVICE_MEAN_SECONDS, LENGTH - 1, 22L);
    }

    /** The next draw in seconds; the table wraps around. */
    long next() {
        long value = seconds[next];
        if (++next == seconds.length) {
            next = 0;
        }
        return value;
    }

    /** The same draw as a {@code double}, for peers whose clock is a {@code double}. */
    double nextDouble() {
        return next();
    }

    /** The exact mean wait in queue of M/M/1 at these means: ρ/(μ − λ), in seconds. */
    static double mm1ExactWaitSeconds() {
        double lambda = 1 / INTERARRIVAL_MEAN_SECONDS;
        double mu = 1 / SERVICE_MEAN_SECONDS;
        return lambda / mu / (mu - lambda);
    }
}
