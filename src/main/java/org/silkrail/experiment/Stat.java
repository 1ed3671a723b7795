package org.silkrail.experiment;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.silkrail.engine.Sample;

/**
 * One statistic across replications, as {@code results.json} reports it: the mean of the
 * per-replication values, their sample standard deviation and a Student-t 95 % confidence
 * interval for the mean; for per-train quantities also percentiles of all trains pooled.
 *
 * <p>Invariants: {@code n} counts the replications whose value is finite (a node that saw no
 * train has no mean wait in that replication); non-finite values are left out. With
 * {@code n = 0} every number is NaN. With {@code n = 1} the mean is the single value and
 * {@code sd}, {@code ci95Low}, {@code ci95High} are NaN: one replication says nothing about the
 * spread, and a zero-width interval would claim a certainty the run does not have. When all
 * values are equal the interval is {@code [mean, mean]}.
 *
 * <p>The interval is {@code mean ± t(0.975, n-1) · sd / sqrt(n)}. Worked example: values
 * 1, 2, 3, 4, 5 give mean 3, sd 1.5811, t(0.975, 4) = 2.7764 and the interval [1.0368, 4.9632].
 *
 * @param mean mean over the replications
 * @param sd sample standard deviation over the replications (divisor n - 1)
 * @param ci95Low lower end of the 95 % confidence interval for the mean
 * @param ci95High upper end of the 95 % confidence interval for the mean
 * @param n replications with a finite value
 * @param pooled percentiles over every observation of every replication, or {@code null} for a
 *     statistic that is not a per-train distribution
 */
public record Stat(double mean, double sd, double ci95Low, double ci95High, int n,
        Pooled pooled) {

    private static final ConcurrentHashMap<Integer, Double> T975 = new ConcurrentHashMap<>();

    /**
     * Percentiles of all per-train observations of all replications, pooled (each train weighs
     * the same, so a replication that delivered more trains weighs more). Type-7 quantiles,
     * R's default. NaN with no observation.
     *
     * @param count observations pooled
     */
    public record Pooled(double p50, double p90, double p95, double max, long count) {
        static Pooled of(double[] observations) {
            double[] sorted = finite(observations);
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return new Pooled(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new Pooled(Sample.quantileOfSorted(sorted, 0.50),
                    Sample.quantileOfSorted(sorted, 0.90), Sample.quantileOfSorted(sorted, 0.95),
                    sorted[sorted.length - 1], sorted.length);
        }
    }

    /** The statistic of per-replication values (in replication order; NaN values are skipped). */
    public static Stat of(double[] perReplication) {
        double[] values = finite(perReplication);
        int n = values.length;
        if (n == 0) {
            return new Stat(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, null);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Stat(mean, Double.NaN, Double.NaN, Double.NaN, 1, null);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = tQuantile975(n - 1) * sd / Math.sqrt(n);
        return new Stat(mean, sd, mean - half, mean + half, n, null);
    }

    /**
     * The statistic of a per-train quantity: across-replication statistics of each replication's
     * mean, plus percentiles of all observations pooled.
     *
     * @param observationsByReplication per replication, its trains' values
     */
    public static Stat ofDistribution(double[][] observationsByReplication) {
        double[] means = new double[observationsByReplication.length];
        int total = 0;
        for (int r = 0; r < means.length; r++) {
            means[r] = mean(observationsByReplication[r]);
            total += observationsByReplication[r].length;
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] observations : observationsByReplication) {
            System.arraycopy(observations, 0, all, at, observations.length);
            at += observations.length;
        }
        return of(means).withPooled(Pooled.of(all));
    }

    /** The mean of finite observations; NaN with none. */
    public static double mean(double[] observations) {
        double sum = 0;
        int n = 0;
        for (double v : observations) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Half the width of the 95 % interval; NaN when there is no interval. */
    public double halfWidth() {
        return (ci95High - ci95Low) / 2;
    }

    /** The same statistic in another unit: mean, sd and interval times {@code factor} > 0. */
    public Stat scaled(double factor) {
        return new Stat(mean * factor, sd * factor, ci95Low * factor, ci95High * factor, n,
                null);
    }

    public boolean isDistribution() {
        return pooled != null;
    }

    Stat withPooled(Pooled p) {
        return new Stat(mean, sd, ci95Low, ci95High, n, p);
    }

    /**
     * The 0.975 quantile of Student's t with {@code degreesOfFreedom}; e.g. 2.7764 for 4, 2.0930
     * for 19. Cached: the solver behind it costs microseconds and a run asks thousands of times.
     */
    public static double tQuantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("need degreesOfFreedom >= 1: degreesOfFreedom="
                    + degreesOfFreedom);
        }
        return T975.computeIfAbsent(degreesOfFreedom, df ->
                // null generator: only the quantile is used; the convenience constructor
                // would create a clock-seeded one
                new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
                        .inverseCumulativeProbability(0.975));
    }

    private static double[] finite(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        if (n == values.length) {
            return values.clone();
        }
        double[] out = new double[n];
        int i = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                out[i++] = v;
            }
        }
        return out;
    }
}
