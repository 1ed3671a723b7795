package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;

/** Ferry crossings: the departure rule, capacity, wagon conservation, holds. */
class FerryTest {
    private static final int LINK = 1; // W-A, A-B, B-E: the ferry is link 1

    /** W — A ~ferry~ B — E with short rail legs; trains of {@code teu} TEU. */
    private static Models crossing(int vessels, int places, double fill, long maxWait,
            Distribution sailing) {
        return Models.model()
                .junction("W")
                .port("A")
                .port("B")
                .junction("E")
                .rail("W", "A", 10, 50)
                .ferry("A", "B", vessels, places, sailing, fill, maxWait)
                .rail("B", "E", 10, 50);
    }

    @Test
    void departure_steadyDemand_sailsWhenFillReachedWithExactlyThatLoad() {
        // trains of 10 wagons each hour; 40 of 50 places fill a vessel every 4 hours
        ReplicationResult result = crossing(8, 50, 0.8, 48 * HOUR, fixed(10 * HOUR))
                .flow("f", "W", "E", every(HOUR), fixed(20))
                .run(200 * DAY, 20 * DAY).runOnce(0);

        ReplicationResult.LinkResult ferry = result.links().get("A-B");
        assertThat(ferry.utilization()).isEqualTo(0.8);
        // the four trains of a load wait 3, 2, 1 and 0 hours for the vessel to fill
        assertThat(ferry.waitHours()).isCloseTo(1.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(result.series().ferryUtilizationMonthly().get("A-B")).containsOnly(0.8);
    }

    @Test
    void departure_sparseDemand_sailsMaxWaitAfterFirstWagon() {
        // one train of 10 wagons a day never fills 40 places: each sails 12 h after boarding
        ReplicationResult result = crossing(4, 50, 0.8, 12 * HOUR, fixed(10 * HOUR))
                .flow("f", "W", "E", every(DAY), fixed(20))
                .run(100 * DAY, 10 * DAY).runOnce(0);

        ReplicationResult.LinkResult ferry = result.links().get("A-B");
        assertThat(ferry.utilization()).isEqualTo(0.2);
        assertThat(ferry.waitHours()).isEqualTo(12.0);
        // rail legs of 12 min each, 12 h waiting, 10 h sailing
        double transitHours = result.flows().get("f").transitDays()[0] * 24;
        assertThat(transitHours).isEqualTo(0.2 + 12 + 10 + 0.2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void capacity_heavyTwoWayTrafficLongTrains_neverOverloadsAndConservesWagons(int replication) {
        // trains of 30 to 100 wagons on vessels of 40 places: most trains need several vessels
        RailModel model = crossing(6, 40, 0.9, 36 * HOUR,
                new Distribution.LogNormal(20 * HOUR, 6 * HOUR))
                .flow("west", "W", "E", poissonPerDay(3), new Distribution.Uniform(60, 200))
                .flow("east", "E", "W", poissonPerDay(1.5), new Distribution.Uniform(60, 200))
                .storm(new StormSpec("caspian", List.of("A-B"), 3.0 / (30 * DAY),
                        new Distribution.LogNormal(30 * HOUR, 24 * HOUR)))
                .run(365 * DAY, 30 * DAY).build();
        Replication run = model.newReplication(replication, new RandomStreams(99));
        ReplicationResult result = run.run();

        FerryCrossings ferries = run.ferries;
        assertThat(ferries.maxLoad(LINK)).isEqualTo(40);
        assertThat(ferries.wagonsIn(LINK))
                .isEqualTo(ferries.wagonsLanded(LINK) + ferries.wagonsInside(LINK));
        assertThat(ferries.wagonsLanded(LINK)).isGreaterThan(40_000);
        ReplicationResult.Totals totals = result.totals();
        assertThat(totals.trainsGeneratedAll())
                .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
        assertThat(result.flows().get("east").trainsDelivered()).isGreaterThan(400);
        assertThat(result.links().get("A-B").utilization()).isBetween(0.5, 1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.4, 0.75})
    void otherCargoShare_overload_capacityIsVesselsTimesFreePlacesPerRoundTrip(double share) {
        // one-way overload (240 wagons/day offered); each vessel sails 10 h loaded and 10 h back
        // empty, so the trains get vessels × floor(50 × (1 − share)) wagons per 20 h
        RailModel model = Models.model()
                .junction("W").port("A").port("B").junction("E")
                .rail("W", "A", 10, 50)
                .ferry("A", "B", 2, 50, fixed(10 * HOUR), 1.0, 48 * HOUR, share)
                .rail("B", "E", 10, 50)
                .flow("f", "W", "E", every(HOUR), fixed(20))
                .run(100 * DAY, 0).build();
        Replication run = model.newReplication(0, new RandomStreams(7));
        run.run();

        int freePlaces = (int) Math.floor(50 * (1 - share) + 1e-9);
        double perDay = 2 * freePlaces * 24 / 20.0;
        FerryCrossings ferries = run.ferries;
        assertThat(ferries.maxLoad(LINK)).isEqualTo(freePlaces);
        assertThat((double) ferries.wagonsLanded(LINK))
                .isCloseTo(perDay * 100, org.assertj.core.api.Assertions.within(2.0 * freePlaces));
        assertThat(ferries.wagonsIn(LINK))
                .isEqualTo(ferries.wagonsLanded(LINK) + ferries.wagonsInside(LINK));
    }

    @Test
    void storm_neverEnding_holdsEverySailingFromItsStart() {
        Models base = crossing(4, 50, 0.8, 12 * HOUR, fixed(10 * HOUR))
                .flow("f", "W", "E", every(HOUR), fixed(20))
                .run(60 * DAY, 0);
        RailModel stormy = base.storm(new StormSpec("endless", List.of("A-B"), 1.0 / DAY,
                fixed(1000 * DAY))).build();
        Replication run = stormy.newReplication(0, new RandomStreams(1));
        ReplicationResult result = run.run();

        // the first storm comes within days; from then on no vessel leaves port
        assertThat(run.ferries.sailings(LINK)).isLessThan(40);
        assertThat(result.totals().trainsDelivered()).isLessThan(200);
        assertThat(result.totals().trainsInSystemAtEnd()).isGreaterThan(1000);
    }

    @Test
    void storm_poissonStorms_lengthenTheCrossingWait() {
        Models base = crossing(6, 50, 0.8, 12 * HOUR, fixed(10 * HOUR))
                .flow("f", "W", "E", poissonPerDay(8), fixed(20))
                .run(400 * DAY, 30 * DAY);
        double calm = base.runOnce(0).links().get("A-B").waitHours();
        double stormy = base.storm(new StormSpec("caspian", List.of("A-B"), 4.0 / (30 * DAY),
                fixed(48 * HOUR))).runOnce(0).links().get("A-B").waitHours();

        // about a quarter of the time in storms holds many loads for a day on average
        assertThat(stormy).isGreaterThan(calm + 3);
    }

    @Test
    void closure_ferryLinkClosed_noSailingInTheWindow() {
        ReplicationResult result = crossing(8, 50, 0.8, 48 * HOUR, fixed(10 * HOUR))
                .flow("f", "W", "E", every(HOUR), fixed(20))
                .closure(new ClosureSpec("port-works", null, "A-B", 60 * DAY, fixed(30 * DAY),
                        null, 0))
                .run(150 * DAY, 0).runOnce(0);

        double[] monthly = result.series().ferryUtilizationMonthly().get("A-B");
        // no sailing while closed; afterwards the backlog fills every vessel to the last place
        assertThat(monthly[0]).isEqualTo(0.8);
        assertThat(monthly[1]).isEqualTo(0.8);
        assertThat(monthly[2]).isZero();
        assertThat(monthly[3]).isEqualTo(1.0);
        ReplicationResult.Totals totals = result.totals();
        assertThat(totals.trainsGeneratedAll())
                .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
    }
}
