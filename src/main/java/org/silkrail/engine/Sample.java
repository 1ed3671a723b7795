package org.silkrail.engine;

import java.util.Arrays;

/**
 * All observations of a per-entity quantity (a train's transit time), kept to give exact
 * percentiles, with a warm-up cut-off like {@link Tally}'s.
 *
 * <p>Storage is a {@code double[]} grown by doubling: amortised O(1) per observation and no
 * allocation once the array has reached the run's size. {@link #percentile} sorts a copy, once
 * per call, at the end of a run.
 */
public final class Sample {
    private final long warmupEnd;
    private double[] values;
    private int size;

    public Sample() {
        this(Long.MIN_VALUE);
    }

    public Sample(long warmupEnd) {
        this.warmupEnd = warmupEnd;
        this.values = new double[64];
    }

    public void record(long at, double value) {
        if (at >= warmupEnd) {
            add(value);
        }
    }

    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size << 1);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public double mean() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    /** The observations in recording order. */
    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /**
     * The {@code p}-quantile, 0 &lt;= p &lt;= 1, by linear interpolation between order statistics
     * (Hyndman and Fan type 7, R's default); NaN with no observation.
     */
    public double percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("percentile needs 0 <= p <= 1: p=" + p);
        }
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, p);
    }

    /** Type-7 quantile of an already sorted array. */
    public static double quantileOfSorted(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
