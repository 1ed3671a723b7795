package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;
import org.silkrail.network.Network;

/**
 * Correlated jam episodes ({@link JamCorrelation}): the two closures' daily "closed" indicators
 * correlate as ρ says, and each keeps the closed share of an independent closure of its rate.
 */
class CorrelatedJamsTest {
    /** The baseline's jams (eurasia-reference.md §8.1): 1.5 a year, lognormal mean 20 d. */
    private static final double EVERY_DAYS = 243;
    private static final Distribution DURATION = new Distribution.LogNormal(20 * DAY, 15 * DAY);
    /** 40 batches of 100 years: about 150 episodes per closure and batch. */
    private static final int BATCHES = 40;
    private static final int BATCH_YEARS = 100;

    @Test
    void sharedRate_baselineJams_isAboutHalfOfTheEpisodes() {
        double rate = 1 / (EVERY_DAYS * DAY);
        double shared = JamCorrelation.sharedRate(rate, rate, 20 * DAY, 0.5);

        // λc = ln(1 + 0.5 · p/q) / m with q = exp(-20/243): 0.767 shared episodes a year
        assertThat(shared * 365 * DAY).isCloseTo(0.7665, within(1e-3));
        assertThat(JamCorrelation.correlation(rate, rate, 20 * DAY, shared))
                .isCloseTo(0.5, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"243, 243", "243, 730", "60, 400"})
    void maxCorrelation_allOfTheRarerShared_isOneOnlyForEqualRates(double daysA, double daysB) {
        double max = JamCorrelation.maxCorrelation(1 / (daysA * DAY), 1 / (daysB * DAY), 20 * DAY);

        if (daysA == daysB) {
            assertThat(max).isCloseTo(1, within(1e-12));
        } else {
            assertThat(max).isLessThan(1);
            assertThat(JamCorrelation.sharedRate(1 / (daysA * DAY), 1 / (daysB * DAY), 20 * DAY,
                    Math.min(1, max + 0.01))).isNaN();
        }
        assertThat(JamCorrelation.sharedRate(1 / (daysA * DAY), 1 / (daysB * DAY), 20 * DAY, 0))
                .isZero();
    }

    /**
     * Daily noon samples of both indicators over 4,000 simulated years: the pooled correlation
     * against ρ within 4 standard errors, the standard error estimated from the spread of 40
     * batch correlations of 100 years each (batches of about 150 episodes are nearly
     * independent, as an episode lasts weeks). The standard error must also be below 0.03, so
     * that the test separates ρ = 0.5 from independence by more than 16 standard errors; each
     * border's closed share stays 1 − exp(−λm) = 7.9 %, as without the correlation.
     */
    @ParameterizedTest
    @CsvSource({"0.5, 1", "0.5, 2", "0.0, 3", "0.9, 4"})
    void correlatedJams_dailyIndicators_correlateAsRhoSays(double rho, long seed) {
        double[] stats = sampleIndicators(rho, seed);
        double pooled = stats[0];
        double standardError = stats[1];
        double closedShare = 1 - Math.exp(-20 / EVERY_DAYS);

        assertThat(standardError).isLessThan(0.03);
        assertThat(pooled).isCloseTo(rho, within(4 * standardError));
        // a loose bound, 15 % of the share: the seeds above land within 3 %
        assertThat(stats[2]).isCloseTo(closedShare, within(0.012));
        assertThat(stats[3]).isCloseTo(closedShare, within(0.012));
    }

    @Test
    void correlatedJams_sameSeed_sameEpisodes() {
        assertThat(sampleIndicators(0.5, 9)).containsExactly(sampleIndicators(0.5, 9));
    }

    /**
     * Pooled correlation, its batch standard error, and each closure's closed share, from daily
     * noon samples of a replication with two correlated closures on two junctions.
     */
    private static double[] sampleIndicators(double rho, long seed) {
        Distribution every = new Distribution.Exponential(EVERY_DAYS * DAY);
        Models m = Models.model().junction("A").junction("B").rail("A", "B", 100, 50)
                .closure(new ClosureSpec("a-jam", "A", null, 0, DURATION, every, 0.6))
                .closure(new ClosureSpec("b-jam", "B", null, 0, DURATION, every, 0.6, "a-jam",
                        rho))
                .run((long) BATCHES * BATCH_YEARS * 365 * DAY, 0).seed(seed);
        ModelSpec spec = m.spec();
        Plan plan = new Plan(spec, Network.build(spec.network()).compile());
        Replication replication = new Replication(plan, 0, new RandomStreams(seed));
        replication.disruptions.start();
        double[] batchRho = new double[BATCHES];
        double[] sums = new double[5]; // n, a, b, ab over the whole run
        double closedA = 0;
        double closedB = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            double n = 0;
            double a = 0;
            double b = 0;
            double ab = 0;
            for (int day = 0; day < BATCH_YEARS * 365; day++) {
                long noon = ((long) batch * BATCH_YEARS * 365 + day) * DAY + 12 * HOUR;
                replication.sim.run(noon);
                int ia = replication.disruptions.closed(0) ? 1 : 0;
                int ib = replication.disruptions.closed(1) ? 1 : 0;
                n++;
                a += ia;
                b += ib;
                ab += ia * ib;
            }
            batchRho[batch] = correlation(n, a, b, ab);
            sums[0] += n;
            sums[1] += a;
            sums[2] += b;
            sums[3] += ab;
            closedA += a;
            closedB += b;
        }
        double mean = 0;
        for (double r : batchRho) {
            mean += r / BATCHES;
        }
        double variance = 0;
        for (double r : batchRho) {
            variance += (r - mean) * (r - mean) / (BATCHES - 1);
        }
        return new double[] {correlation(sums[0], sums[1], sums[2], sums[3]),
            Math.sqrt(variance / BATCHES), closedA / sums[0], closedB / sums[0]};
    }

    /** Pearson's correlation of two 0/1 series from their counts. */
    private static double correlation(double n, double a, double b, double ab) {
        double pa = a / n;
        double pb = b / n;
        return (ab / n - pa * pb) / Math.sqrt(pa * (1 - pa) * pb * (1 - pb));
    }
}
