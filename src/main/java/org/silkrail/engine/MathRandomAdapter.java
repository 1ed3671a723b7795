package org.silkrail.engine;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Lets Commons Math 3 distributions draw from a Commons RNG stream.
 *
 * <p>Reseeding is refused: a stream's seed comes from {@link RandomStreams} only, so that the
 * same root seed gives the same numbers. Gaussian draws use the polar method on the stream's
 * uniforms, so that all state lives in the stream.
 */
public final class MathRandomAdapter implements RandomGenerator {
    private final UniformRandomProvider rng;
    private double nextGaussian = Double.NaN;

    public MathRandomAdapter(UniformRandomProvider rng) {
        this.rng = rng;
    }

    @Override
    public void setSeed(int seed) {
        throw new UnsupportedOperationException("streams are seeded by RandomStreams only");
    }

    @Override
    public void setSeed(int[] seed) {
        throw new UnsupportedOperationException("streams are seeded by RandomStreams only");
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("streams are seeded by RandomStreams only");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        rng.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return rng.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return rng.nextInt(n);
    }

    @Override
    public long nextLong() {
        return rng.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return rng.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return rng.nextFloat();
    }

    @Override
    public double nextDouble() {
        return rng.nextDouble();
    }

    /** Marsaglia's polar method; the spare value is cached as {@code java.util.Random} does. */
    @Override
    public double nextGaussian() {
        if (!Double.isNaN(nextGaussian)) {
            double spare = nextGaussian;
            nextGaussian = Double.NaN;
            return spare;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * rng.nextDouble() - 1;
            v2 = 2 * rng.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextGaussian = v2 * multiplier;
        return v1 * multiplier;
    }
}
