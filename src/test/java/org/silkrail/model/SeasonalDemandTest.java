package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.fixed;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Simulation;
import org.silkrail.network.Network;

/**
 * Monthly demand profiles: a Poisson flow with {@code monthly:} generates trains month by month
 * as the profile says, keeps its yearly mean rate, and is placed in the calendar by the
 * scenario's start date.
 */
class SeasonalDemandTest {
    private static final double YEAR_DAYS = 365;
    /** A planner's guess of a peak season: Nov–Jan twice as busy, summer at 0.8. */
    private static final double[] PEAK = {2, 1, 1, 1, 1, 0.8, 0.8, 0.8, 1, 1, 2, 2};
    private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final double TRAINS_PER_DAY = 6;
    private static final int YEARS = 100;
    /** Chi-square with 11 degrees of freedom at significance 0.001: 31.26. */
    private static final double CRITICAL = new ChiSquaredDistribution(11)
            .inverseCumulativeProbability(0.999);

    /**
     * Trains per calendar month over 100 simulated years (about 219,000 trains) against the
     * expected counts rate × days × normalised factor × years, by Pearson's chi-square with 11
     * degrees of freedom at a significance of 0.001, for fixed seeds and start dates.
     */
    @ParameterizedTest
    @CsvSource({"1, 0", "2, 0", "3, 181", "4, 59"})
    void demand_monthlyPoissonFlow_countsPerMonthPassChiSquare(long seed, int startDay) {
        MonthlyProfile profile = MonthlyProfile.of(PEAK);
        double[] observed = trainsByMonth(profile, seed, startDay * DAY);

        assertThat(chiSquare(profile, observed)).isLessThan(CRITICAL);
    }

    /** The same test rejects a flat expectation for the seasonal flow: it has power. */
    @Test
    void demand_monthlyPoissonFlowAgainstFlat_failsChiSquare() {
        double[] observed = trainsByMonth(MonthlyProfile.of(PEAK), 1, 0);

        assertThat(chiSquare(MonthlyProfile.of(FLAT), observed)).isGreaterThan(CRITICAL);
    }

    /**
     * A start date shifts the calendar: the same profile read from 1 January while time 0 is
     * 1 July puts the peak six months off, and chi-square rejects it.
     */
    @Test
    void demand_startDateIgnoredByTheReader_failsChiSquare() {
        MonthlyProfile profile = MonthlyProfile.of(PEAK);
        double[] byCalendar = trainsByMonth(profile, 5, 181 * DAY);
        double[] shifted = new double[12];
        for (int m = 0; m < 12; m++) {
            shifted[(m + 6) % 12] = byCalendar[m]; // as if time 0 were 1 January
        }

        assertThat(chiSquare(profile, byCalendar)).isLessThan(CRITICAL);
        assertThat(chiSquare(profile, shifted)).isGreaterThan(CRITICAL);
    }

    /**
     * The yearly mean stays the stated rate: 100 years at 6/day is 219,000 trains expected, sd
     * √219,000 ≈ 468 (Poisson); within 4 sd.
     */
    @Test
    void demand_monthlyPoissonFlow_keepsTheYearlyMeanRate() {
        double[] observed = trainsByMonth(MonthlyProfile.of(PEAK), 11, 0);
        double total = 0;
        for (double count : observed) {
            total += count;
        }
        double expected = TRAINS_PER_DAY * YEAR_DAYS * YEARS;

        assertThat(Math.abs(total - expected)).isLessThan(4 * Math.sqrt(expected));
    }

    @Test
    void demand_sameSeed_sameTrains() {
        assertThat(trainsByMonth(MonthlyProfile.of(PEAK), 9, 0))
                .containsExactly(trainsByMonth(MonthlyProfile.of(PEAK), 9, 0));
    }

    /** A whole replication with a seasonal flow is deterministic and conserves its trains. */
    @Test
    void runReplication_seasonalFlow_isDeterministicAndConserves() {
        Models m = Models.model().station("A", 2, fixed(4 * HOUR)).junction("B")
                .rail("A", "B", 200, 50)
                .flow("f", "A", "B", new ArrivalSpec.Poisson(TRAINS_PER_DAY / DAY,
                        MonthlyProfile.of(PEAK)), fixed(100))
                .run(365 * DAY, 30 * DAY);

        ReplicationResult a = m.runOnce(0);
        ReplicationResult b = m.runOnce(0);

        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.totals().transitDays()).containsExactly(b.totals().transitDays());
        assertThat(a.totals().trainsGeneratedAll()).isEqualTo(
                a.totals().trainsDeliveredAll() + a.totals().trainsInSystemAtEnd());
    }

    /** Trains generated per calendar month by the model's {@link Demand} over {@link #YEARS}. */
    private static double[] trainsByMonth(MonthlyProfile profile, long seed, long startSeconds) {
        Models m = Models.model().junction("A").junction("B").rail("A", "B", 100, 50)
                .flow("f", "A", "B", new ArrivalSpec.Poisson(TRAINS_PER_DAY / DAY, profile),
                        fixed(100));
        ModelSpec base = m.spec();
        RunSettings run = new RunSettings((long) (YEARS * YEAR_DAYS) * DAY, 0, 1, seed,
                startSeconds);
        ModelSpec spec = new ModelSpec(base.network(), base.demand(), base.closures(),
                base.weather(), run);
        Plan plan = new Plan(spec, Network.build(spec.network()).compile());
        Simulation sim = new Simulation();
        Trains trains = new Trains(16);
        Demand demand = new Demand(plan, sim, trains, new RandomStreams(seed), 0);
        double[] counts = new double[12];
        sim.setHandler((kind, payload) -> {
            counts[MonthlyProfile.monthAt(sim.now(), startSeconds)]++;
            trains.release(demand.onArrival(payload, sim.now()));
        });
        demand.start();
        sim.run(run.horizonSeconds());
        return counts;
    }

    private static double chiSquare(MonthlyProfile expectedProfile, double[] observed) {
        double chi = 0;
        for (int m = 0; m < 12; m++) {
            double expected = TRAINS_PER_DAY * MonthlyProfile.monthDays(m)
                    * expectedProfile.factor(m) * YEARS;
            chi += (observed[m] - expected) * (observed[m] - expected) / expected;
        }
        return chi;
    }
}
