package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void stream_sameSeedReplicationAndKey_givesSameBytes() {
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        new RandomStreams(7).stream(3, "node/DOS/process").nextBytes(a);
        new RandomStreams(7).stream(3, "node/DOS/process").nextBytes(b);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void stream_differentKeyReplicationOrSeed_givesDifferentNumbers() {
        long base = new RandomStreams(7).stream(3, "node/DOS/process").nextLong();
        assertThat(new RandomStreams(7).stream(3, "node/ALT/process").nextLong()).isNotEqualTo(base);
        assertThat(new RandomStreams(7).stream(4, "node/DOS/process").nextLong()).isNotEqualTo(base);
        assertThat(new RandomStreams(8).stream(3, "node/DOS/process").nextLong()).isNotEqualTo(base);
    }

    /**
     * Golden value produced by this derivation at silkrail 0.1.0. If it changes, every published
     * result stops being reproducible: change it only with a note in the release notes.
     */
    @Test
    void stream_derivation_isStableAcrossVersions() {
        UniformRandomProvider rng = new RandomStreams(20240520L).stream(0, "demand/xian-europe/arrivals");
        assertThat(rng.nextLong()).isEqualTo(GOLDEN_FIRST_LONG);
    }

    private static final long GOLDEN_FIRST_LONG = -7518463149956455877L;

    @Test
    void mathAdapter_refusesReseeding() {
        MathRandomAdapter adapter = new MathRandomAdapter(new RandomStreams(1).stream(0, "x"));
        assertThatThrownBy(() -> adapter.setSeed(42L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void distributions_sampleMeansMatchTheirParameters() {
        RandomStreams streams = new RandomStreams(11);
        Distribution[] distributions = {
            new Distribution.Exponential(5), new Distribution.LogNormal(6, 3),
            new Distribution.Gamma(4, 2), new Distribution.Erlang(3, 9),
            new Distribution.Uniform(90, 110), new Distribution.Triangular(1, 2, 6),
            new Distribution.Normal(10, 2), new Distribution.Normal(1, 2),
            new Distribution.Empirical(new double[] {1, 2, 3, 10}), new Distribution.Fixed(3)};
        for (Distribution d : distributions) {
            Sampler sampler = d.sampler(streams.stream(0, d.describe()));
            Tally tally = new Tally();
            for (int i = 0; i < 200_000; i++) {
                double x = sampler.sample();
                assertThat(x).as(d.describe()).isGreaterThanOrEqualTo(0);
                tally.add(x);
            }
            assertThat(tally.mean()).as(d.describe())
                    .isCloseTo(d.mean(), org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void sampler_sameStream_reproducesSequence() {
        Distribution d = new Distribution.LogNormal(6 * 3600, 3 * 3600);
        Sampler a = d.sampler(new RandomStreams(5).stream(1, "k"));
        Sampler b = d.sampler(new RandomStreams(5).stream(1, "k"));
        for (int i = 0; i < 1000; i++) {
            assertThat(a.sample()).isEqualTo(b.sample());
        }
    }
}
