package org.silkrail.engine;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A univariate distribution of non-negative values, as a scenario writes it
 * ({@code lognormal(6h, 3h)}); the caller fixes the unit (seconds for durations, TEU for loads).
 *
 * <p>Each variant is parameterised by what planners know (mean and standard deviation) and
 * converted to the textbook parameters here. {@link #sampler} binds it to one random stream via
 * Commons Math 3.6.1, whose distribution constructors are always given the stream: their
 * convenience constructors would seed from the clock.
 */
public sealed interface Distribution {

    /** The expected value, used for planning (e.g. the fastest route by expected time). */
    double mean();

    /** A sampler drawing from {@code rng}; the sampler keeps no state beyond the stream's. */
    Sampler sampler(UniformRandomProvider rng);

    /** The compact form a scenario would use, with values in the caller's unit. */
    String describe();

    record Fixed(double value) implements Distribution {
        public Fixed {
            requireNonNegative("value", value);
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            double v = value;
            return () -> v;
        }

        @Override
        public String describe() {
            return "fixed(" + value + ")";
        }
    }

    record Exponential(double mean) implements Distribution {
        public Exponential {
            requirePositive("mean", mean);
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            return of(new ExponentialDistribution(new MathRandomAdapter(rng), mean));
        }

        @Override
        public String describe() {
            return "exp(" + mean + ")";
        }
    }

    /** Log-normal with the given mean and standard deviation of the variable itself. */
    record LogNormal(double mean, double sd) implements Distribution {
        public LogNormal {
            requirePositive("mean", mean);
            requireNonNegative("sd", sd);
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            if (sd == 0) {
                return new Fixed(mean).sampler(rng);
            }
            double shape2 = Math.log1p((sd * sd) / (mean * mean));
            double scale = Math.log(mean) - shape2 / 2;
            return of(new LogNormalDistribution(new MathRandomAdapter(rng), scale,
                    Math.sqrt(shape2)));
        }

        @Override
        public String describe() {
            return "lognormal(" + mean + ", " + sd + ")";
        }
    }

    /** Gamma with the given mean and standard deviation: shape (mean/sd)^2, scale sd^2/mean. */
    record Gamma(double mean, double sd) implements Distribution {
        public Gamma {
            requirePositive("mean", mean);
            requirePositive("sd", sd);
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            double shape = (mean / sd) * (mean / sd);
            return of(new GammaDistribution(new MathRandomAdapter(rng), shape, sd * sd / mean));
        }

        @Override
        public String describe() {
            return "gamma(" + mean + ", " + sd + ")";
        }
    }

    /** Erlang-k with the given mean: the sum of k exponentials of mean {@code mean / k}. */
    record Erlang(int k, double mean) implements Distribution {
        public Erlang {
            if (k < 1) {
                throw new IllegalArgumentException("erlang k must be >= 1: k=" + k);
            }
            requirePositive("mean", mean);
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            return of(new GammaDistribution(new MathRandomAdapter(rng), k, mean / k));
        }

        @Override
        public String describe() {
            return "erlang(" + k + ", " + mean + ")";
        }
    }

    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            requireNonNegative("low", low);
            if (!(high >= low)) {
                throw new IllegalArgumentException("uniform needs low <= high: low=" + low
                        + " high=" + high);
            }
        }

        @Override
        public double mean() {
            return (low + high) / 2;
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            if (high == low) {
                return new Fixed(low).sampler(rng);
            }
            return of(new UniformRealDistribution(new MathRandomAdapter(rng), low, high));
        }

        @Override
        public String describe() {
            return "uniform(" + low + ", " + high + ")";
        }
    }

    record Triangular(double min, double mode, double max) implements Distribution {
        public Triangular {
            requireNonNegative("min", min);
            if (!(min <= mode && mode <= max && min < max)) {
                throw new IllegalArgumentException("triangular needs min <= mode <= max, min < max:"
                        + " min=" + min + " mode=" + mode + " max=" + max);
            }
        }

        @Override
        public double mean() {
            return (min + mode + max) / 3;
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            return of(new TriangularDistribution(new MathRandomAdapter(rng), min, mode, max));
        }

        @Override
        public String describe() {
            return "triangular(" + min + ", " + mode + ", " + max + ")";
        }
    }

    /**
     * Normal truncated at zero: negative draws are rejected and redrawn. {@link #mean()} is the
     * mean of the truncated variable.
     */
    record Normal(double mu, double sd) implements Distribution {
        public Normal {
            requireNonNegative("sd", sd);
            if (sd == 0 && mu < 0) {
                throw new IllegalArgumentException("normal with sd=0 needs mean >= 0: mean=" + mu);
            }
            if (sd > 0 && mu < -6 * sd) {
                throw new IllegalArgumentException("normal truncated at zero has almost no mass:"
                        + " mean=" + mu + " sd=" + sd);
            }
        }

        @Override
        public double mean() {
            if (sd == 0) {
                return mu;
            }
            NormalDistribution standard = new NormalDistribution(null, 0, 1);
            double alpha = -mu / sd;
            return mu + sd * standard.density(alpha) / (1 - standard.cumulativeProbability(alpha));
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            if (sd == 0) {
                return new Fixed(mu).sampler(rng);
            }
            NormalDistribution normal = new NormalDistribution(new MathRandomAdapter(rng), mu, sd);
            return () -> {
                double x;
                do {
                    x = normal.sample();
                } while (x < 0);
                return x;
            };
        }

        @Override
        public String describe() {
            return "normal(" + mu + ", " + sd + ")";
        }
    }

    /** Resamples the given values with equal probability. */
    record Empirical(double[] values) implements Distribution {
        public Empirical {
            if (values.length == 0) {
                throw new IllegalArgumentException("empirical needs at least one value");
            }
            values = values.clone();
            for (double v : values) {
                requireNonNegative("value", v);
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public double mean() {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            double[] copy = values.clone();
            return () -> copy[rng.nextInt(copy.length)];
        }

        @Override
        public String describe() {
            return "empirical(" + Arrays.toString(values) + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Empirical e && Arrays.equals(values, e.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static Sampler of(RealDistribution distribution) {
        return distribution::sample;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0: " + name + "=" + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0: " + name + "=" + value);
        }
    }
}
