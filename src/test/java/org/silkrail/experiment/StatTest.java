package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatTest {

    @Test
    void tQuantile975_knownDegreesOfFreedom_matchesTables() {
        // Student-t 0.975 quantiles from standard tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2)
        assertThat(Stat.tQuantile975(1)).isCloseTo(12.706205, within(1e-5));
        assertThat(Stat.tQuantile975(4)).isCloseTo(2.776445, within(1e-5));
        assertThat(Stat.tQuantile975(9)).isCloseTo(2.262157, within(1e-5));
        assertThat(Stat.tQuantile975(19)).isCloseTo(2.093024, within(1e-5));
        assertThat(Stat.tQuantile975(100)).isCloseTo(1.983972, within(1e-5));
    }

    @Test
    void of_oneToFive_givesStudentTInterval() {
        Stat s = Stat.of(new double[] {1, 2, 3, 4, 5});
        // mean 3, sd sqrt(2.5), half-width 2.776445 * sqrt(2.5) / sqrt(5) = 1.963243
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(s.ci95Low()).isCloseTo(1.036757, within(1e-5));
        assertThat(s.ci95High()).isCloseTo(4.963243, within(1e-5));
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.isDistribution()).isFalse();
    }

    @Test
    void of_twoValues_usesWideQuantile() {
        Stat s = Stat.of(new double[] {10, 12});
        // sd sqrt(2), half-width 12.706205 * sqrt(2) / sqrt(2) = 12.706205
        assertThat(s.halfWidth()).isCloseTo(12.706205, within(1e-5));
    }

    @Test
    void of_singleValue_hasNoInterval() {
        Stat s = Stat.of(new double[] {7.5});
        assertThat(s.mean()).isEqualTo(7.5);
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.sd()).isNaN();
        assertThat(s.ci95Low()).isNaN();
        assertThat(s.ci95High()).isNaN();
    }

    @Test
    void of_equalValues_intervalCollapsesToMean() {
        Stat s = Stat.of(new double[] {4, 4, 4});
        assertThat(s.ci95Low()).isEqualTo(4.0);
        assertThat(s.ci95High()).isEqualTo(4.0);
    }

    @Test
    void of_nanValues_areLeftOutOfN() {
        Stat s = Stat.of(new double[] {Double.NaN, 2, 4, Double.POSITIVE_INFINITY});
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(3.0);
        Stat none = Stat.of(new double[] {Double.NaN});
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
    }

    @Test
    void ofDistribution_meansPerReplicationAndPoolsPercentiles() {
        double[][] trains = {{10, 12, 14}, {20}, {}};
        Stat s = Stat.ofDistribution(trains);
        // replication means 12 and 20 (the empty replication has none): mean 16, n 2
        assertThat(s.mean()).isEqualTo(16.0);
        assertThat(s.n()).isEqualTo(2);
        // pooled 10, 12, 14, 20: type-7 p50 = 13, p90 = 14 + 0.7 * 6 = 18.2, max 20
        assertThat(s.pooled().p50()).isCloseTo(13.0, within(1e-12));
        assertThat(s.pooled().p90()).isCloseTo(18.2, within(1e-12));
        assertThat(s.pooled().p95()).isCloseTo(19.1, within(1e-12));
        assertThat(s.pooled().max()).isEqualTo(20.0);
        assertThat(s.pooled().count()).isEqualTo(4);
    }

    @Test
    void tQuantile975_zeroDegrees_failsFast() {
        assertThatThrownBy(() -> Stat.tQuantile975(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degreesOfFreedom=0");
    }
}
