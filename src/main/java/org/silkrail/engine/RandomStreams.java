package org.silkrail.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams derived from one root seed.
 *
 * <p>A stream is named by (replication, process key), e.g. (3, "node/DOS/process"). Its
 * generator is a XoShiRo256++ (Commons RNG, period 2^256 - 1) whose 256-bit state is expanded by
 * SplitMix64 from a hash of (root seed, replication, key). The same triple always gives the same
 * bytes, on any platform, thread or cluster member; no generator is ever seeded from a clock.
 *
 * <p>Why keyed streams rather than successive jumps of one jumpable generator: with jumps the
 * n-th process takes the n-th block, so adding a process (a new crossing, another ferry) would
 * shift the numbers of every process after it and destroy common random numbers between
 * capacity options. Keyed derivation gives each process its stream whatever else exists. Two
 * distinct keys yield overlapping sequences only if their random 256-bit starting points fall
 * within one run's draws of each other on the 2^256 cycle: about n^2 L / 2^256, negligible.
 */
public final class RandomStreams {
    private final long rootSeed;

    public RandomStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    public long rootSeed() {
        return rootSeed;
    }

    /** The generator for one process of one replication. */
    public UniformRandomProvider stream(int replication, String processKey) {
        return RandomSource.XO_SHI_RO_256_PP.create(stateFor(replication, processKey));
    }

    /** The 256-bit seed of {@link #stream}; exposed so that tests can pin it. */
    public long[] stateFor(int replication, String processKey) {
        long x = mix64(rootSeed ^ 0x5DEECE66DL)
                ^ mix64(0x9E3779B97F4A7C15L * (replication + 1L))
                ^ hash64(processKey);
        long[] state = new long[4];
        for (int i = 0; i < state.length; i++) {
            x += 0x9E3779B97F4A7C15L;
            state[i] = mix64(x);
        }
        return state;
    }

    /** A seed for replication {@code r} as a single number, for reports and sweep rows. */
    public long replicationSeed(int replication) {
        return mix64(rootSeed ^ mix64(0x9E3779B97F4A7C15L * (replication + 1L)));
    }

    /** FNV-1a over the UTF-16 code units, finished by a SplitMix64 mix; stable across JVMs. */
    static long hash64(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
