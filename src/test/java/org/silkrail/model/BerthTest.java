package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;

/** Port berths tied to vessels, and container feeders (PortBerths, FerryCrossings). */
class BerthTest {
    private static final int LINK = 1; // W-A, A-B, B-E: the sea link is link 1

    /**
     * Under overload a port with b berths and calls of exactly h hours serves b / h calls an
     * hour: only loaded vessels call at B (to unload), and 12 vessels keep its anchorage full.
     */
    @ParameterizedTest
    @CsvSource({"1, 10", "2, 10", "2, 20", "3, 8"})
    void berths_overloadFixedHandling_serveBerthsOverHandlingCallsPerHour(int berths,
            int handlingHours) {
        ReplicationResult result = Models.model()
                .junction("W").port("A").port("B", berths, fixed(handlingHours * HOUR),
                        Long.MAX_VALUE).junction("E")
                .rail("W", "A", 10, 50)
                .ferry("A", "B", 12, 50, fixed(10 * HOUR), 1.0, 48 * HOUR)
                .rail("B", "E", 10, 50)
                .flow("f", "W", "E", every(HOUR), fixed(40))  // 20 wagons an hour
                .run(200 * DAY, 20 * DAY).runOnce(0);

        ReplicationResult.PortResult port = result.ports().get("B");
        double hours = 180 * 24;
        double bound = berths * hours / handlingHours;
        assertThat((double) port.vesselCalls()).isLessThanOrEqualTo(bound + berths)
                .isGreaterThanOrEqualTo(bound - berths);
        assertThat(port.handlingHours()).isEqualTo(handlingHours);
        assertThat(port.utilization()).isCloseTo(1.0, within(0.01));
        assertThat(port.berthWaitHours()).isPositive();
        assertThat(result.ports()).containsOnlyKeys("B");
    }

    /** Two crossings into one port share its berths: together they get b / h calls an hour. */
    @Test
    void berths_twoCrossingsIntoOnePort_shareItsBerths() {
        ReplicationResult result = Models.model()
                .junction("W").port("A1").port("A2").port("B", 2, fixed(10 * HOUR),
                        Long.MAX_VALUE).junction("E")
                .rail("W", "A1", 10, 50).rail("W", "A2", 10, 50)
                .ferry("A1", "B", 6, 50, fixed(10 * HOUR), 1.0, 48 * HOUR)
                .ferry("A2", "B", 6, 50, fixed(10 * HOUR), 1.0, 48 * HOUR)
                .rail("B", "E", 10, 50)
                .route("one", "W", "A1", "B", "E")
                .route("two", "W", "A2", "B", "E")
                .flow("f", "W", "E", every(HOUR), fixed(40),
                        new RoutePolicy.Shares(Map.of("one", 0.5, "two", 0.5)))
                .run(200 * DAY, 20 * DAY).runOnce(0);

        double bound = 2 * 180 * 24 / 10.0;
        assertThat((double) result.ports().get("B").vesselCalls())
                .isBetween(bound - 2, bound + 2);
        assertThat(result.links().get("A1-B").utilization()).isEqualTo(1.0);
        assertThat(result.links().get("A2-B").utilization()).isEqualTo(1.0);
    }

    /**
     * With berths at both ends and exponential calls, trains wait at anchorage: the waits show as
     * the berth cause, at the ports, and every train's parts add up to its transit time.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void berthWaits_appearAsBerthCauseAtThePorts_andPartsAddUpToTransit(int replication) {
        RailModel model = Models.model()
                .junction("W").port("A", 1, Models.exp(8 * HOUR), 20 * HOUR)
                .port("B", 1, Models.exp(12 * HOUR), 30 * HOUR).junction("E")
                .rail("W", "A", 10, 50)
                .ferry("A", "B", 6, 54, new Distribution.LogNormal(22 * HOUR, 4 * HOUR), 0.8,
                        48 * HOUR)
                .rail("B", "E", 10, 50)
                .flow("west", "W", "E", poissonPerDay(1.5), new Distribution.Uniform(60, 120))
                .flow("east", "E", "W", poissonPerDay(0.7), new Distribution.Uniform(60, 120))
                .storm(new StormSpec("caspian", List.of("A-B"), 2.0 / (30 * DAY),
                        new Distribution.LogNormal(30 * HOUR, 24 * HOUR)))
                .run(365 * DAY, 30 * DAY).build();
        Replication run = model.newReplication(replication, new RandomStreams(11));
        ReplicationResult result = run.run();

        assertThat(run.delays.unbalancedTrains()).isZero();
        for (String flow : List.of("west", "east")) {
            ReplicationResult.FlowResult f = result.flows().get(flow);
            double sum = f.timeBreakdownHours().values().stream()
                    .mapToDouble(Double::doubleValue).sum();
            double transitHours = java.util.Arrays.stream(f.transitDays()).average()
                    .orElseThrow() * 24;
            assertThat(sum).isCloseTo(transitHours, within(1e-6));
            assertThat(f.timeBreakdownHours().get("berth")).isPositive();
        }
        Map<String, Double> west = result.flows().get("west").waitByPlaceHours();
        assertThat(west.get("B")).isPositive();   // anchorage off B, unloading
        assertThat(west.get("A")).isPositive();   // anchorage off A, loading
        assertThat(result.ports()).containsOnlyKeys("A", "B");
        assertThat(result.ports().get("B").handlingHours()).isLessThanOrEqualTo(30);
        assertThat(result.ports().get("A").handlingHours()).isLessThanOrEqualTo(20);
    }

    /** A scenario without berths has no berth cause and no ports in its results. */
    @Test
    void noBerths_resultsHaveNoBerthCauseAndNoPorts() {
        ReplicationResult result = Models.model()
                .junction("W").port("A").port("B").junction("E")
                .rail("W", "A", 10, 50)
                .ferry("A", "B", 4, 50, fixed(10 * HOUR), 0.8, 12 * HOUR)
                .rail("B", "E", 10, 50)
                .flow("f", "W", "E", every(DAY), fixed(20))
                .run(60 * DAY, 0).runOnce(0);

        assertThat(result.flows().get("f").timeBreakdownHours()).doesNotContainKey("berth");
        assertThat(result.ports()).isEmpty();
    }

    /**
     * A feeder's places are TEU: trains of 60–200 TEU plus empties on 150-TEU vessels; no
     * vessel carries more than 150, every TEU that entered is landed, aboard or waiting.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void feeder_teuCapacity_isRespectedAndTeuConserved(int replication) {
        RailModel model = Models.model()
                .junction("W").port("A").port("B", 2, new Distribution.LogNormal(10 * HOUR,
                        3 * HOUR), Long.MAX_VALUE).junction("E")
                .rail("W", "A", 10, 50)
                .feeder("A", "B", 6, 150, new Distribution.LogNormal(20 * HOUR, 4 * HOUR), 0.9,
                        36 * HOUR)
                .rail("B", "E", 10, 50)
                .flow("west", "W", "E", poissonPerDay(3), new Distribution.Uniform(60, 200))
                .flow("east", "E", "W", poissonPerDay(1), new Distribution.Uniform(60, 200))
                .run(365 * DAY, 30 * DAY).build();
        Replication run = model.newReplication(replication, new RandomStreams(5));
        ReplicationResult result = run.run();

        FerryCrossings ferries = run.ferries;
        assertThat(ferries.maxLoad(LINK)).isEqualTo(150);
        assertThat(ferries.wagonsIn(LINK))
                .isEqualTo(ferries.wagonsLanded(LINK) + ferries.wagonsInside(LINK));
        // 4 trains a day of 130 TEU on average: far more TEU than wagons (65 a train)
        assertThat(ferries.wagonsLanded(LINK)).isGreaterThan(150_000);
        ReplicationResult.Totals totals = result.totals();
        assertThat(totals.trainsGeneratedAll())
                .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
    }

    /** Same scenario and seed, same results: berths and feeders draw from their own streams. */
    @Test
    void berths_sameSeed_sameResults() {
        Models scenario = Models.model()
                .junction("W").port("A", 1, Models.exp(8 * HOUR), Long.MAX_VALUE)
                .port("B", 2, new Distribution.LogNormal(20 * HOUR, 6 * HOUR), 30 * HOUR)
                .junction("E")
                .rail("W", "A", 10, 50)
                .feeder("A", "B", 4, 200, new Distribution.LogNormal(22 * HOUR, 4 * HOUR), 0.8,
                        48 * HOUR)
                .rail("B", "E", 10, 50)
                .flow("west", "W", "E", poissonPerDay(2), new Distribution.Uniform(90, 110))
                .flow("east", "E", "W", poissonPerDay(1), new Distribution.Uniform(60, 100))
                .storm(new StormSpec("caspian", List.of("A-B"), 2.0 / (30 * DAY),
                        new Distribution.LogNormal(30 * HOUR, 24 * HOUR)))
                .run(200 * DAY, 20 * DAY);
        ReplicationResult a = scenario.runOnce(3);
        ReplicationResult b = scenario.runOnce(3);

        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.ports()).isEqualTo(b.ports());
        assertThat(a.flows().get("west").transitDays()).containsExactly(
                b.flows().get("west").transitDays());
        assertThat(a.flows().get("west").timeBreakdownHours())
                .isEqualTo(b.flows().get("west").timeBreakdownHours());
    }
}
