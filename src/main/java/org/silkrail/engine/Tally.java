package org.silkrail.engine;

/**
 * Count, mean, variance, minimum and maximum of observations (Welford's update, stable for
 * long runs), with a warm-up cut-off: observations made before {@code warmupEnd} are dropped.
 *
 * <p>O(1) per observation, no allocation. Not thread-safe.
 */
public final class Tally {
    private final long warmupEnd;
    private long count;
    private double mean;
    private double sumSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public Tally() {
        this(Long.MIN_VALUE);
    }

    /** @param warmupEnd observations at simulated times before this are ignored (seconds) */
    public Tally(long warmupEnd) {
        this.warmupEnd = warmupEnd;
    }

    /** Records {@code value} observed at time {@code at}; ignored during warm-up. */
    public void record(long at, double value) {
        if (at >= warmupEnd) {
            add(value);
        }
    }

    /** Records {@code value} whatever the time. */
    public void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        sumSquares += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    public long count() {
        return count;
    }

    /** The mean; NaN with no observation. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** The unbiased sample variance; NaN with fewer than two observations. */
    public double variance() {
        return count < 2 ? Double.NaN : sumSquares / (count - 1);
    }

    public double sd() {
        return Math.sqrt(variance());
    }

    /** The smallest observation; NaN with none. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** The largest observation; NaN with none. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }
}
