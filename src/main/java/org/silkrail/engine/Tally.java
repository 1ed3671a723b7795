package org.silkrail.engine;

/**
 * Count, mean, variance, minimum and maximum of observations, with a warm-up cut-off:
 * observations made before {@code warmupEnd} are dropped.
 *
 * <p>Kept as running sums, divided only when read, so an observation costs additions and one
 * multiplication, no division (issue 14: the M/M/1 path records one wait per customer):
 * <ul>
 *   <li>the mean is {@code sum / count}. For whole-second observations (every wait and duration
 *       the engine records) the sum is exact up to 2^53 s, so the mean is the correctly rounded
 *       one; Welford's running mean, used before, rounded at every step and could differ from it
 *       in the last bits;</li>
 *   <li>the variance uses the shifted-data sums: {@code Σ(x−K)} and {@code Σ(x−K)²} with
 *       {@code K} the first observation (Chan, Golub and LeVeque, "Algorithms for computing the
 *       sample variance", 1983). Shifting by a value near the mean avoids the cancellation of
 *       the textbook {@code Σx² − (Σx)²/n}; it loses accuracy only if the first observation
 *       lies many standard deviations from the mean, which is not Welford's weakness, so a
 *       model whose first observations are outliers and that reads {@link #variance()} should
 *       know it.</li>
 * </ul>
 *
 * <p>O(1) per observation, no allocation. Not thread-safe.
 */
public final class Tally {
    private final long warmupEnd;
    private long count;
    private double sum;
    /** The first observation: the shift K of the variance sums. */
    private double shift;
    private double shiftedSum;
    private double shiftedSumSquares;
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
        if (count++ == 0) {
            shift = value;
        }
        sum += value;
        double deviation = value - shift;
        shiftedSum += deviation;
        shiftedSumSquares += deviation * deviation;
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
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The unbiased sample variance; NaN with fewer than two observations. */
    public double variance() {
        if (count < 2) {
            return Double.NaN;
        }
        double squares = shiftedSumSquares - shiftedSum * shiftedSum / count;
        // Rounding can leave a tiny negative residue when all observations are (nearly) equal.
        return Math.max(0.0, squares) / (count - 1);
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
