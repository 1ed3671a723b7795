package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sampler;

class MonthlyProfileTest {
    private static final double DAY = 86_400;
    private static final double YEAR = 365 * DAY;
    /** §8.1: Caspian storms 3 a month Oct–Mar, 1 a month Apr–Sep. */
    private static final double[] CASPIAN = {3, 3, 3, 1, 1, 1, 1, 1, 1, 3, 3, 3};

    @Test
    void of_caspianFactors_keepTheYearlyMeanAndTheWinterToSummerRatio() {
        MonthlyProfile p = MonthlyProfile.of(CASPIAN);
        double dayWeighted = 0;
        for (int m = 0; m < 12; m++) {
            dayWeighted += p.factor(m) * MonthlyProfile.monthDays(m);
        }
        assertThat(dayWeighted / 365).isCloseTo(1, within(1e-12));
        assertThat(p.factor(0) / p.factor(5)).isCloseTo(3, within(1e-12));
        // 182 winter days at 3 and 183 summer days at 1: the summer factor is 365 / 729
        assertThat(p.factor(6)).isCloseTo(365.0 / 729, within(1e-12));
    }

    @Test
    void nextSeconds_exactlyJanuarysIntegral_endsOnFebruaryFirst() {
        MonthlyProfile p = MonthlyProfile.of(CASPIAN);
        double rate = 1 / DAY;
        double january = 31 * p.factor(0); // expected events in January at 1/day mean
        assertThat(p.nextSeconds(0, january, rate)).isCloseTo(31 * DAY, within(1e-6));
        // a zero-rate month is skipped: nothing in February, so the next event is in March
        MonthlyProfile noFeb = MonthlyProfile.of(1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        double next = noFeb.nextSeconds(30 * DAY, 2 * noFeb.factor(0), rate);
        assertThat(next).isCloseTo(60 * DAY, within(1e-6));
    }

    @Test
    void nextSeconds_beyondAYear_wrapsIntoTheFollowingYears() {
        MonthlyProfile p = MonthlyProfile.of(CASPIAN);
        double rate = 1 / DAY;
        double january = 31 * p.factor(0);
        assertThat(p.nextSeconds(0, 3 * 365 + january, rate)).isCloseTo(3 * YEAR + 31 * DAY,
                within(1e-3));
        assertThat(MonthlyProfile.monthOf(3 * YEAR + 31 * DAY + 1)).isEqualTo(1);
        assertThat(MonthlyProfile.monthOf(YEAR - 1)).isEqualTo(11);
    }

    /**
     * Storm starts per calendar month over 200 simulated years against the expected counts
     * rate × days × factor × years, by Pearson's chi-square with 11 degrees of freedom at a
     * significance of 0.001 (critical value 31.3), for fixed seeds.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void nextSeconds_caspianStorms_countsPerMonthPassChiSquare(long seed) {
        double[] observed = countByMonth(MonthlyProfile.of(CASPIAN), seed, 200);
        double chi = chiSquare(MonthlyProfile.of(CASPIAN), observed, 200);
        double critical = new ChiSquaredDistribution(11).inverseCumulativeProbability(0.999);
        assertThat(chi).isLessThan(critical);
    }

    /** The same test rejects a flat rate when the storms are seasonal: the test has power. */
    @Test
    void nextSeconds_seasonalStormsAgainstAFlatProfile_failChiSquare() {
        double[] observed = countByMonth(MonthlyProfile.of(CASPIAN), 1, 200);
        double[] flat = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double chi = chiSquare(MonthlyProfile.of(flat), observed, 200);
        double critical = new ChiSquaredDistribution(11).inverseCumulativeProbability(0.999);
        assertThat(chi).isGreaterThan(critical);
    }

    @Test
    void nextSeconds_sameSeed_sameSequence() {
        assertThat(countByMonth(MonthlyProfile.of(CASPIAN), 7, 20))
                .containsExactly(countByMonth(MonthlyProfile.of(CASPIAN), 7, 20));
    }

    @Test
    void of_badFactors_throw() {
        assertThatThrownBy(() -> MonthlyProfile.of(1, 1)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> MonthlyProfile.of(new double[12])).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> MonthlyProfile.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Events of a 2-a-month (30.4375-day month) process, counted by calendar month. */
    private static double[] countByMonth(MonthlyProfile p, long seed, int years) {
        double rate = 2 / (365.25 / 12 * DAY);
        Sampler unit = new Distribution.Exponential(1).sampler(
                new RandomStreams(seed).stream(0, "weather/test/storms"));
        double[] counts = new double[12];
        double t = p.nextSeconds(0, unit.sample(), rate);
        while (t < years * YEAR) {
            counts[MonthlyProfile.monthOf(t)]++;
            t = p.nextSeconds(t, unit.sample(), rate);
        }
        return counts;
    }

    private static double chiSquare(MonthlyProfile expectedProfile, double[] observed, int years) {
        double rate = 2 / (365.25 / 12 * DAY);
        double chi = 0;
        for (int m = 0; m < 12; m++) {
            double expected = rate * MonthlyProfile.monthDays(m) * DAY
                    * expectedProfile.factor(m) * years;
            chi += (observed[m] - expected) * (observed[m] - expected) / expected;
        }
        return chi;
    }
}
