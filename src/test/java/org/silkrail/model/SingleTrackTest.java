package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.silkrail.engine.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Single-track dispatching under heavy two-way traffic: every train gets through, none is ever
 * stuck (the deadlock-freedom argument is in {@link RailLines}).
 */
class SingleTrackTest {

    /** W ⇄ E over one single-track line, Poisson trains both ways. */
    private static Models line(double km, int sidings, double trainsPerDayEachWay) {
        return Models.model()
                .junction("W")
                .junction("E")
                .rail("W", "E", km, 1, sidings, 60, 0)
                .flow("east", "W", "E", poissonPerDay(trainsPerDayEachWay), fixed(100))
                .flow("west", "E", "W", poissonPerDay(trainsPerDayEachWay), fixed(100));
    }

    @ParameterizedTest(name = "{0} km, {1} sidings, {2}/day each way")
    @CsvSource({
        "10, 0, 40",  // one section of 10 min: 56 % occupied
        "24, 1, 40",  // two sections of 12 min
        "100, 9, 40", // ten sections of 10 min
        "300, 24, 25" // twenty-five sections of 12 min
    })
    void heavyTwoWayTraffic_year_everyTrainDeliveredOrOnTheLine(double km, int sidings,
            double perDay) {
        ReplicationResult result = line(km, sidings, perDay).run(365 * DAY, 0).runOnce(0);

        ReplicationResult.Totals totals = result.totals();
        assertThat(totals.trainsGeneratedAll())
                .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
        assertThat(totals.trainsGeneratedAll()).isGreaterThan((long) (2 * perDay * 365 * 0.95));
        // nothing piles up: what is left at the end is a few hours' traffic
        assertThat(totals.trainsInSystemAtEnd()).isLessThan((long) perDay);
        double runDays = km / 60 / 24;
        assertThat(Arrays.stream(totals.transitDays()).max().orElseThrow())
                .isLessThan(runDays + 1);
        assertThat(result.flows().get("east").trainsDelivered())
                .isGreaterThan((long) (perDay * 365 * 0.95));
        assertThat(result.flows().get("west").trainsDelivered())
                .isGreaterThan((long) (perDay * 365 * 0.95));
    }

    @ParameterizedTest(name = "{0} km, {1} sidings, {2}/day each way")
    @CsvSource({
        "30, 0, 40", // capacity 48 trains a day in all: overloaded by two thirds
        "40, 1, 40",
        "200, 5, 40"
    })
    void overload_year_lineKeepsDeliveringEveryMonth(double km, int sidings, double perDay) {
        ReplicationResult result = line(km, sidings, perDay).run(360 * DAY, 0).runOnce(1);

        // a deadlock would stop deliveries for good; an overloaded line delivers at its
        // capacity in every period while the queues grow
        double[] teu = result.series().routeTeuMonthly().values().stream()
                .reduce(new double[12], SingleTrackTest::plus);
        double sectionHours = km / 60 / (sidings + 1);
        double floorPerPeriod = 30 * 24 / sectionHours / 4 * 100; // a loose floor, in TEU
        assertThat(Arrays.stream(teu).min().orElseThrow()).isGreaterThan(floorPerPeriod);
        assertThat(result.totals().trainsInSystemAtEnd()).isGreaterThan(100);
        assertThat(result.totals().trainsGeneratedAll()).isEqualTo(
                result.totals().trainsDeliveredAll() + result.totals().trainsInSystemAtEnd());
        assertThat(result.links().get("W-E").utilization()).isGreaterThan(0.9);
    }

    @ParameterizedTest(name = "capacity {0}/day")
    @CsvSource({"12", "30"})
    void capacity_singleTrack_headwayLimitsEntriesPerDirection(double capacityPerDay) {
        ReplicationResult result = Models.model()
                .junction("W")
                .junction("E")
                .rail("W", "E", 100, 1, 9, 60, capacityPerDay)
                .flow("east", "W", "E", poissonPerDay(40), fixed(100))
                .flow("west", "E", "W", poissonPerDay(5), fixed(100))
                .run(100 * DAY, 10 * DAY).runOnce(0);

        double eastPerDay = result.flows().get("east").trainsDelivered() / 90.0;
        assertThat(eastPerDay).isBetween(capacityPerDay * 0.98, capacityPerDay * 1.001);
        assertThat(result.links().get("W-E").waitHours()).isGreaterThan(HOUR / 3600.0);
    }

    @ParameterizedTest(name = "seed {0}, {1} sidings")
    @CsvSource({"1, 0", "2, 1", "3, 2", "4, 3", "5, 7", "6, 15"})
    void burst_finiteTrainsFromBothEndsAtOnce_allDeliveredNoneStuck(long seed, int sidings) {
        // 300 trains each way within two days, ten times what the line can carry in that time
        UniformRandomProvider rng = new RandomStreams(seed).stream(0, "test/burst");
        long[] east = new long[300];
        long[] west = new long[300];
        for (int i = 0; i < east.length; i++) {
            east[i] = rng.nextLong(2 * DAY);
            west[i] = rng.nextLong(2 * DAY);
        }
        double km = 20.0 * (sidings + 1);
        ReplicationResult result = Models.model()
                .junction("W")
                .junction("E")
                .rail("W", "E", km, 1, sidings, 60, 0)
                .flow("east", "W", "E", new ArrivalSpec.Schedule(east, 0), fixed(100))
                .flow("west", "E", "W", new ArrivalSpec.Schedule(west, 0), fixed(100))
                .run(200 * DAY, 0).runOnce(0);

        assertThat(result.totals().trainsGeneratedAll()).isEqualTo(600);
        assertThat(result.totals().trainsDeliveredAll()).isEqualTo(600);
        assertThat(result.totals().trainsInSystemAtEnd()).isZero();
    }

    private static double[] plus(double[] a, double[] b) {
        double[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }
}
