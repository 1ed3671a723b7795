package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.fixed;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.ReplicationResult.NodeResult;
import org.silkrail.network.Network;

/**
 * Node values per calendar month ({@code nodes.ID.monthly}): they add up to the yearly values,
 * follow the start date, are deterministic, and meet queueing theory month by month.
 */
class MonthlyResultsTest {
    private static final double[] PEAK = {2, 1, 1, 1, 1, 0.8, 0.8, 0.8, 1, 1, 2, 2};

    /**
     * A quota-limited station and a transshipment station under seasonal demand with a
     * closure, a warm-up and a start date mid-month, over more than a year (so some calendar
     * months pool two years): counts sum to the year's, time-averages weighted by the months'
     * measured time give the year's, mean waits and processing times weighted by the trains
     * that started processing give the year's, and the largest month's maximum is the year's.
     */
    @ParameterizedTest
    @CsvSource({"1, 0, 0", "2, 73, 20", "3, 350, 45"})
    void result_monthlyNodeValues_addUpToTheYearlyOnes(long seed, int startDay, int warmupDays) {
        Replication replication = replication(seed, startDay * DAY, warmupDays * DAY, 500 * DAY);
        ReplicationResult result = replication.run();
        MonthlyNodes monthly = replication.measurements.monthly;

        for (String id : new String[] {"A", "B"}) {
            NodeResult year = result.nodes().get(id);
            Map<String, NodeResult> months = year.monthly();
            int n = nodeIndex(id);
            double days = 0;
            long arrivals = 0;
            long quotaHits = 0;
            long starts = 0;
            double queueArea = 0;
            double busy = 0;
            double teu = 0;
            double wait = 0;
            double process = 0;
            double queueMax = 0;
            for (int m = 0; m < 12; m++) {
                NodeResult month = months.get(MonthlyNodes.MONTH_KEYS[m]);
                double d = monthly.measuredSeconds(m) / (double) DAY;
                assertThat(month == null).as("%s month %d present iff measured", id, m)
                        .isEqualTo(d == 0);
                if (month == null) {
                    continue;
                }
                long s = monthly.starts(n, m);
                days += d;
                arrivals += month.arrivals();
                quotaHits += month.quotaHits();
                starts += s;
                queueArea += month.queueMean() * d;
                busy += month.utilization() * d;
                teu += month.teuPerDay() * d;
                wait += month.waitHours() * s;
                process += month.processHours() * s;
                queueMax = Math.max(queueMax, month.queueMax());
            }
            assertThat(days).isCloseTo(500 - warmupDays, within(1e-9));
            assertThat(arrivals).as(id).isEqualTo(year.arrivals());
            assertThat(quotaHits).as(id).isEqualTo(year.quotaHits());
            assertThat(queueArea / days).as(id).isCloseTo(year.queueMean(), within(1e-9));
            assertThat(busy / days).as(id).isCloseTo(year.utilization(), within(1e-9));
            assertThat(teu / days).as(id).isCloseTo(year.teuPerDay(), within(1e-6));
            assertThat(wait / starts).as(id).isCloseTo(year.waitHours(), within(1e-9));
            assertThat(process / starts).as(id).isCloseTo(year.processHours(), within(1e-9));
            assertThat(queueMax).as(id).isEqualTo(year.queueMax());
        }
        assertThat(result.nodes().get("C").monthly()).isEmpty();
    }

    @Test
    void result_sameSeed_sameMonthlyValues() {
        NodeResult a = replication(5, 100 * DAY, 10 * DAY, 400 * DAY).run().nodes().get("A");
        NodeResult b = replication(5, 100 * DAY, 10 * DAY, 400 * DAY).run().nodes().get("A");

        assertThat(a.monthly()).isEqualTo(b.monthly());
        assertThat(a.monthly()).hasSize(12);
    }

    /**
     * A start date moves the months: a 90-day run from 1 April reports April, May and June
     * only, their measured days 30, 31 and 29 (the horizon ends on 29 June 24:00).
     */
    @Test
    void result_startDate_placesTheMonths() {
        Replication replication = replication(7, 90 * DAY, 0, 90 * DAY);
        NodeResult a = replication.run().nodes().get("A");

        assertThat(a.monthly()).containsOnlyKeys("apr", "may", "jun");
        assertThat(replication.measurements.monthly.measuredSeconds(3)).isEqualTo(30 * DAY);
        assertThat(replication.measurements.monthly.measuredSeconds(4)).isEqualTo(31 * DAY);
        assertThat(replication.measurements.monthly.measuredSeconds(5)).isEqualTo(29 * DAY);
    }

    /**
     * A seasonal M/M/1 (service exp(1 h); arrivals 0.4/h January–June, 0.7/h July–December)
     * over 100 years: the mean queue of the settled months (February–June, August–December)
     * matches the M/M/1 queue length ρ²/(1 − ρ) of each season — 0.267 and 1.633 — within 8 %.
     * January and July are left out: the queue relaxes from the other season's level there
     * (relaxation time about 1/(μ(1 − √ρ)²) ≈ 40 h at ρ = 0.7).
     */
    @Test
    void result_seasonalMm1_monthlyQueueMatchesEachSeason() {
        double[] factors = {4, 4, 4, 4, 4, 4, 7, 7, 7, 7, 7, 7};
        MonthlyProfile profile = MonthlyProfile.of(factors);
        double meanPerHour = 0.4 / profile.factor(0); // so that January's rate is 0.4/h
        Models m = Models.model().station("S", 1, new Distribution.Exponential(HOUR))
                .junction("OUT").rail("S", "OUT", 10, 50)
                .flow("f", "S", "OUT", new ArrivalSpec.Poisson(meanPerHour / HOUR, profile),
                        fixed(100))
                .run(100 * 365 * DAY, 0);
        NodeResult s = m.runOnce(0).nodes().get("S");

        double low = 0;
        double high = 0;
        for (int month = 1; month < 6; month++) {
            low += s.monthly().get(MonthlyNodes.MONTH_KEYS[month]).queueMean() / 5;
            high += s.monthly().get(MonthlyNodes.MONTH_KEYS[month + 6]).queueMean() / 5;
        }
        assertThat(profile.factor(6) / profile.factor(0)).isCloseTo(7.0 / 4, within(1e-12));
        assertThat(low).isCloseTo(0.4 * 0.4 / 0.6, within(0.08 * 0.4 * 0.4 / 0.6));
        assertThat(high).isCloseTo(0.7 * 0.7 / 0.3, within(0.08 * 0.7 * 0.7 / 0.3));
    }

    /**
     * A over B to C: A a 2-server station with a quota of 9/day (binding in the peak months),
     * B one server closed 5 days at a time, every 60 days on average; demand 8 trains/day on
     * average, peaking in winter.
     */
    private static Replication replication(long seed, long startSeconds, long warmupSeconds,
            long horizonSeconds) {
        Models m = Models.model()
                .station("A", 2, new Distribution.LogNormal(4 * HOUR, 2 * HOUR), 9)
                .station("B", 1, new Distribution.Exponential(2 * HOUR))
                .junction("C")
                .rail("A", "B", 300, 50).rail("B", "C", 200, 50)
                .flow("f", "A", "C", new ArrivalSpec.Poisson(8.0 / DAY, MonthlyProfile.of(PEAK)),
                        new Distribution.Uniform(80, 110))
                .closure(new ClosureSpec("b-jam", "B", null, 0, fixed(5 * DAY),
                        new Distribution.Exponential(60 * DAY), 0.0));
        ModelSpec base = m.spec();
        ModelSpec spec = new ModelSpec(base.network(), base.demand(), base.closures(),
                base.weather(), new RunSettings(horizonSeconds, warmupSeconds, 1, seed,
                        startSeconds));
        Plan plan = new Plan(spec, Network.build(spec.network()).compile());
        return new Replication(plan, 0, new RandomStreams(seed));
    }

    /** Index of node {@code id}: the order the test declares its nodes in. */
    private static int nodeIndex(String id) {
        return java.util.List.of("A", "B", "C").indexOf(id);
    }
}
