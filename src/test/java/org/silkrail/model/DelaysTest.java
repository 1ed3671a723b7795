package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.exp;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;

/** Delay attribution: parts that add up, Jackson waits per station, closures where they are. */
class DelaysTest {
    private static final double EXACT = 1e-9;

    @Test
    void tandem_twoMm1StationsAtSixtyPercent_waitPerStationMatchesJackson() {
        // Jackson network: each station of a tandem fed by Poisson(lambda) is an M/M/1 with
        // Wq = rho / (mu - lambda); lambda = 0.6/h, mu = 1/h: Wq = 1.5 h at each station
        double lambda = 0.6;
        Models m = Models.model()
                .station("S1", 1, exp(HOUR))
                .station("S2", 1, exp(HOUR))
                .junction("OUT")
                .rail("S1", "S2", 100, 50)
                .rail("S2", "OUT", 50, 50)
                .flow("f", "S1", "OUT", poissonPerDay(lambda * 24), fixed(100))
                .run(3000 * DAY, 20 * DAY);
        RailModel model = m.build();
        RandomStreams streams = new RandomStreams(20240520L);
        double s1 = 0;
        double s2 = 0;
        int replications = 4;
        for (int r = 0; r < replications; r++) {
            Replication replication = model.newReplication(r, streams);
            ReplicationResult result = replication.run();
            assertThat(replication.delays.unbalancedTrains()).isZero();
            ReplicationResult.FlowResult f = result.flows().get("f");
            s1 += f.waitByPlaceHours().get("S1") / replications;
            s2 += f.waitByPlaceHours().get("S2") / replications;
            assertAddsUp(f);
            assertThat(f.timeBreakdownHours().get("running")).isCloseTo(3.0, within(EXACT));
            assertThat(f.timeBreakdownHours().get("processing")).isCloseTo(2.0,
                    withPercentage(2));
            assertThat(f.waitByPlaceHours().get("S1-S2")).isZero();
            assertThat(f.timeBreakdownHours().get("server_queue"))
                    .isCloseTo(f.waitByPlaceHours().get("S1") + f.waitByPlaceHours().get("S2"),
                            within(EXACT));
        }
        double jackson = (lambda / 1.0) / (1.0 - lambda);
        assertThat(s1).isCloseTo(jackson, withPercentage(5));
        assertThat(s2).isCloseTo(jackson, withPercentage(5));
    }

    @Test
    void closure_nodeClosedTwoDays_hoursUnderClosureAtThatNodeOnly() {
        // trains every 6 h reach M 2 h after birth (100 km at 50 km/h); M closes from day 10
        // for two days; 50 servers, so no train ever queues for one
        long start = 10 * DAY;
        long end = 12 * DAY;
        ReplicationResult result = Models.model()
                .junction("A")
                .station("M", 50, fixed(HOUR))
                .junction("B")
                .rail("A", "M", 100, 50)
                .rail("M", "B", 100, 50)
                .flow("f", "A", "B", every(6 * HOUR), fixed(100))
                .closure(new ClosureSpec("works", "M", null, start, fixed(end - start), null, 0))
                .run(30 * DAY, 0)
                .runOnce(0);
        ReplicationResult.FlowResult f = result.flows().get("f");
        double expectedHours = 0;
        for (long born = 0; born < 30 * DAY; born += 6 * HOUR) {
            long atM = born + 2 * HOUR;
            if (atM >= start && atM < end) {
                expectedHours += (end - atM) / (double) HOUR;
            }
        }
        assertThat(expectedHours).isPositive();
        double perTrain = expectedHours / f.trainsDelivered();
        assertThat(f.timeBreakdownHours().get("closure")).isCloseTo(perTrain, within(EXACT));
        assertThat(f.waitByPlaceHours().get("M")).isCloseTo(perTrain, within(EXACT));
        f.waitByPlaceHours().forEach((place, hours) -> {
            if (!place.equals("M")) {
                assertThat(hours).as(place).isZero();
            }
        });
        f.timeBreakdownHours().forEach((cause, hours) -> {
            if (Causes.isWait(Causes.NAMES.indexOf(cause)) && !cause.equals("closure")) {
                assertThat(hours).as(cause).isZero();
            }
        });
        assertAddsUp(f);
    }

    @Test
    void closure_linkClosedTwoDays_hoursUnderClosureOnThatLinkOnly() {
        long start = 10 * DAY + HOUR;
        long end = 12 * DAY + HOUR;
        ReplicationResult result = Models.model()
                .junction("A")
                .junction("M")
                .junction("B")
                .rail("A", "M", 100, 50)
                .rail("M", "B", 100, 50)
                .flow("f", "A", "B", every(6 * HOUR), fixed(100))
                .closure(new ClosureSpec("works", null, "M-B", start, fixed(end - start), null,
                        0))
                .run(30 * DAY, 0)
                .runOnce(0);
        ReplicationResult.FlowResult f = result.flows().get("f");
        double expectedHours = 0;
        for (long born = 0; born < 30 * DAY; born += 6 * HOUR) {
            long atLink = born + 2 * HOUR;
            if (atLink >= start && atLink < end) {
                expectedHours += (end - atLink) / (double) HOUR;
            }
        }
        double perTrain = expectedHours / f.trainsDelivered();
        assertThat(f.timeBreakdownHours().get("closure")).isCloseTo(perTrain, within(EXACT));
        assertThat(f.waitByPlaceHours().get("M-B")).isCloseTo(perTrain, within(EXACT));
        assertThat(f.waitByPlaceHours().get("A-M")).isZero();
        assertThat(f.timeBreakdownHours().get("headway")).isZero();
        assertAddsUp(f);
    }

    /** Single track, a quota, a ferry with storms and a stochastic closure: every part counted. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 20240520L})
    void everyTrain_busyMixedNetwork_partsAddUpToTransitExactly(long seed) {
        Models m = Models.model()
                .station("X", 3, exp(5 * HOUR))
                .station("Q", 2, new Distribution.LogNormal(4 * HOUR, 2 * HOUR), 9)
                .port("P1")
                .port("P2")
                .station("Z", 4, exp(3 * HOUR))
                .rail("X", "Q", 600, 1, 6, 50, 0)
                .rail("Q", "P1", 400, 2, 0, 60, 12)
                .ferry("P1", "P2", 6, 40, new Distribution.LogNormal(20 * HOUR, 4 * HOUR),
                        0.8, 48 * HOUR)
                .rail("P2", "Z", 300, 2, 0, 60, 0)
                .flow("west", "X", "Z", poissonPerDay(6), new Distribution.Uniform(80, 100))
                .flow("east", "Z", "X", poissonPerDay(3), fixed(60))
                .closure(new ClosureSpec("jam", "Q", null, 0, exp(3 * DAY), exp(40 * DAY),
                        0.5))
                .storm(new StormSpec("caspian", java.util.List.of("P1-P2"), 1.0 / (15 * DAY),
                        exp(DAY)))
                .seed(seed)
                .run(200 * DAY, 10 * DAY);
        Replication replication = m.build().newReplication(0, new RandomStreams(seed));
        ReplicationResult result = replication.run();
        assertThat(replication.delays.unbalancedTrains()).isZero();
        for (ReplicationResult.FlowResult f : result.flows().values()) {
            assertThat(f.trainsDelivered()).isPositive();
            assertAddsUp(f);
            double waits = 0;
            for (Map.Entry<String, Double> e : f.timeBreakdownHours().entrySet()) {
                if (Causes.isWait(Causes.NAMES.indexOf(e.getKey()))) {
                    waits += e.getValue();
                }
            }
            double byPlace = f.waitByPlaceHours().values().stream()
                    .mapToDouble(Double::doubleValue).sum();
            assertThat(byPlace).isCloseTo(waits, within(1e-6));
        }
        Map<String, Double> west = result.flows().get("west").timeBreakdownHours();
        for (String cause : new String[] {"server_queue", "quota", "headway", "opposing_train",
                "storm", "ferry_load"}) {
            assertThat(west.get(cause)).as(cause).isPositive();
        }
    }

    /**
     * A place's state changes while trains wait there: a wait that began while the place had only
     * ever been in its first state (no snapshot taken), one that began after, and a state first
     * seen during both waits. Hand-computed: the station is server_queue on [0, 150), closure on
     * [150, 200), server_queue on [200, 230), quota from 230.
     */
    @Test
    void waitEnds_statesChangeDuringWaits_eachCauseGetsItsSecondsExactly() {
        Replication replication = Models.model()
                .station("S", 1, fixed(HOUR))
                .junction("B")
                .rail("S", "B", 100, 50)
                .flow("f", "S", "B", every(DAY), fixed(100))
                .run(10 * DAY, 0)
                .build().newReplication(0, new RandomStreams(1));
        Delays delays = replication.delays;
        int p = Delays.station(0);
        delays.born(0);
        delays.born(1);
        delays.waitBegins(0, p, 100);
        delays.state(p, Causes.CLOSURE, 150);
        delays.waitBegins(1, p, 160);
        delays.state(p, Causes.SERVER_QUEUE, 200);
        delays.state(p, Causes.QUOTA, 230);
        assertThat(delays.waitEnds(0, p, 300)).isEqualTo(200);
        assertThat(delays.waitEnds(1, p, 320)).isEqualTo(160);

        assertThat(delays.trainSeconds(0, Causes.SERVER_QUEUE)).isEqualTo(50 + 30);
        assertThat(delays.trainSeconds(0, Causes.CLOSURE)).isEqualTo(50);
        assertThat(delays.trainSeconds(0, Causes.QUOTA)).isEqualTo(70);
        assertThat(delays.trainSeconds(1, Causes.SERVER_QUEUE)).isEqualTo(30);
        assertThat(delays.trainSeconds(1, Causes.CLOSURE)).isEqualTo(40);
        assertThat(delays.trainSeconds(1, Causes.QUOTA)).isEqualTo(90);
        // a wait after the changes, in one state: all of it to that state
        delays.waitBegins(0, p, 400);
        delays.waitEnds(0, p, 460);
        assertThat(delays.trainSeconds(0, Causes.QUOTA)).isEqualTo(70 + 60);
    }

    /** Single track: the part of a headway wait beyond the headway is an opposing train's. */
    @Test
    void waitEnds_linkWaitLongerThanHeadway_restGoesToOpposingTrain() {
        Replication replication = Models.model()
                .junction("A")
                .junction("B")
                .rail("A", "B", 120, 1, 2, 60, 0)
                .flow("f", "A", "B", every(DAY), fixed(100))
                .run(10 * DAY, 0)
                .build().newReplication(0, new RandomStreams(1));
        Delays delays = replication.delays;
        int p = delays.link(0);
        delays.born(0);
        delays.waitBegins(0, p, 1000);
        delays.waitEnds(0, p, 1600, 200);
        assertThat(delays.trainSeconds(0, Causes.HEADWAY)).isEqualTo(200);
        assertThat(delays.trainSeconds(0, Causes.OPPOSING_TRAIN)).isEqualTo(400);
        // a closure during the wait: 100 s closure, 500 s headway state of which 300 the headway's
        delays.waitBegins(0, p, 1900);
        delays.state(p, Causes.CLOSURE, 2000);
        delays.state(p, Causes.HEADWAY, 2100);
        delays.waitEnds(0, p, 2500, 300);
        assertThat(delays.trainSeconds(0, Causes.CLOSURE)).isEqualTo(100);
        assertThat(delays.trainSeconds(0, Causes.HEADWAY)).isEqualTo(200 + 300);
        assertThat(delays.trainSeconds(0, Causes.OPPOSING_TRAIN)).isEqualTo(400 + 200);
    }

    private static void assertAddsUp(ReplicationResult.FlowResult f) {
        double parts = f.timeBreakdownHours().values().stream().mapToDouble(Double::doubleValue)
                .sum();
        double transitHours = Arrays.stream(f.transitDays()).average().orElseThrow() * 24;
        assertThat(parts).isCloseTo(transitHours, within(1e-6 * transitHours));
    }
}
