package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.exp;
import static org.silkrail.model.Models.fixed;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.RandomStreams;
import org.silkrail.network.Direction;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioLoader;

/**
 * Priority classes in the model's queues against the theory of non-preemptive priority
 * queues. Cobham (1954): in an M/G/1 queue whose classes k = 1 (highest) .. K arrive at rates
 * λ_k with service S_k, a class-k customer waits on average
 * {@code W_k = W0 / ((1 − σ_{k−1})(1 − σ_k))}, with {@code W0 = Σ λ_i E[S_i²] / 2} and
 * {@code σ_k = Σ_{i ≤ k} λ_i E[S_i]}. Conservation (Kleinrock): in a work-conserving queue the
 * load-weighted mean wait {@code Σ ρ_k W_k} does not depend on the order of service, so with
 * equal service times the overall mean wait equals the FIFO wait.
 */
class PriorityTest {
    /**
     * About 84 000 trains per replication at 0.7 per hour; four replications put three standard
     * errors of the low class's mean wait near 4 % (QueueingTheoryTest measures 3.4 % per
     * replication for M/M/1 at 0.7 overall).
     */
    private static final long HORIZON = 5_000 * DAY;
    private static final long WARMUP = 20 * DAY;
    private static final long SEED = 20240520L;
    private static final int REPLICATIONS = 4;

    private static ArrivalSpec poissonPerHour(double rate) {
        return new ArrivalSpec.Poisson(rate / HOUR);
    }

    @Test
    void station_twoPoissonClassesExponentialService_waitsMatchCobham() throws Exception {
        ModelSpec spec = ScenarioLoader.load(
                Path.of("src/test/resources/model/priority-mm1.yaml")).model();
        assertThat(spec.demand().get("urgent").priority()).isEqualTo(1);
        assertThat(spec.demand().get("bulk").priority()).isZero();
        assertThat(spec.demand().get("bulk").background()).isTrue();
        ReplicationResult[] results = runAll(new RailModel(spec,
                Network.build(spec.network()).compile()));

        double l1 = 0.3;
        double l2 = 0.4;
        double w0 = (l1 + l2) * 2.0 / 2; // E[S^2] = 2 h^2 for exp(1h)
        double cobham1 = w0 / (1 - l1);
        double cobham2 = w0 / ((1 - l1) * (1 - l1 - l2));
        double urgent = meanWait(results, "urgent", "S");
        double bulk = meanWait(results, "bulk", "S");
        assertThat(urgent).isCloseTo(cobham1, withPercentage(4));
        assertThat(bulk).isCloseTo(cobham2, withPercentage(5));
        // conservation: equal service, so the overall mean wait is the FIFO M/M/1 wait
        double fifo = (l1 + l2) / (1 - l1 - l2);
        double overall = meanNodeWait(results, "S");
        assertThat(overall).isCloseTo(fifo, withPercentage(4));
        assertThat((l1 * urgent + l2 * bulk) / (l1 + l2)).isCloseTo(fifo, withPercentage(4));
    }

    @Test
    void doubleTrackHeadway_twoPoissonClasses_waitsMatchCobhamForDeterministicService() {
        // the headway of 24 trains/day is a deterministic 1 h "service" of the entry slot:
        // M/D/1 with E[S^2] = 1 h^2
        double l1 = 0.3;
        double l2 = 0.4;
        ReplicationResult[] results = runAll(Models.model()
                .junction("A")
                .junction("B")
                .rail("A", "B", 100, 2, 0, 50, 24)
                .flow("urgent", "A", "B", poissonPerHour(l1), fixed(100))
                .flow("bulk", "A", "B", poissonPerHour(l2), fixed(100))
                .classed("urgent", 5, false)
                .classed("bulk", -1, false)
                .run(HORIZON, WARMUP).build());

        double w0 = (l1 + l2) * 1.0 / 2;
        assertThat(meanWait(results, "urgent", "A-B")).isCloseTo(w0 / (1 - l1),
                withPercentage(4));
        assertThat(meanWait(results, "bulk", "A-B")).isCloseTo(
                w0 / ((1 - l1) * (1 - l1 - l2)), withPercentage(5));
        // Pollaczek–Khinchine M/D/1 for the FIFO mean, which conservation keeps overall
        double fifo = (l1 + l2) / (2 * (1 - l1 - l2));
        double overall = Arrays.stream(results).mapToDouble(r -> r.links().get("A-B")
                .waitHours()).average().orElseThrow();
        assertThat(overall).isCloseTo(fifo, withPercentage(4));
    }

    @Test
    void station_sameScenarioWithoutPriorities_bothClassesWaitTheFifoWait() {
        // the oracle's other half: equal priorities are served first come first served
        ReplicationResult[] results = runAll(Models.model()
                .station("S", 1, exp(HOUR))
                .junction("OUT")
                .rail("S", "OUT", 10, 50)
                .flow("urgent", "S", "OUT", poissonPerHour(0.3), fixed(100))
                .flow("bulk", "S", "OUT", poissonPerHour(0.4), fixed(100))
                .classed("urgent", 3, false)
                .classed("bulk", 3, false)
                .run(HORIZON, WARMUP).build());

        double fifo = 0.7 / 0.3;
        assertThat(meanWait(results, "urgent", "S")).isCloseTo(fifo, withPercentage(6));
        assertThat(meanWait(results, "bulk", "S")).isCloseTo(fifo, withPercentage(6));
    }

    @Test
    void station_scheduledTrains_higherClassFirstAndFifoWithinClass() {
        // one server, 1 h each. Low-priority trains at 0, 1 and 2 min, high-priority ones at 3
        // and 4 min: the first low one starts at once; then high 3, high 4, low 1, low 2
        long min = 60;
        ReplicationResult r = Models.model()
                .station("S", 1, fixed(HOUR))
                .junction("OUT")
                .rail("S", "OUT", 50, 50)
                .flow("low", "S", "OUT", new ArrivalSpec.Schedule(
                        new long[] {0, min, 2 * min}, 0), fixed(100))
                .flow("high", "S", "OUT", new ArrivalSpec.Schedule(
                        new long[] {3 * min, 4 * min}, 0), fixed(100))
                .classed("high", 1, false)
                .run(2 * DAY, 0).runOnce(0);

        double[] high = r.flows().get("high").transitDays();
        double[] low = r.flows().get("low").transitDays();
        // transit = wait + 60 min processing + 60 min running, in days, in delivery order
        assertThat(high).containsExactly(new double[] {hours(60 - 3 + 120),
                hours(120 - 4 + 120)}, within(1e-9));
        assertThat(low).containsExactly(new double[] {hours(0 + 120), hours(180 - 1 + 120),
                hours(240 - 2 + 120)}, within(1e-9));
    }

    @Test
    void quota_higherClassQueuesAheadOfAHeldTrain_eachHeldTrainCountedOnce() {
        // quota 1/day, servers to spare. Day 0: low A (0:00) goes; low B (0:10) is held by the
        // quota; high C (0:20) queues ahead of B and is held too. Day 1: C goes; day 2: B.
        // A shared quota counts each held train once, in its own direction: B west, C east
        long min = 60;
        ReplicationResult r = Models.model()
                .station("S", 5, fixed(HOUR), 1)
                .junction("OUT")
                .rail("S", "OUT", 50, 50)
                .flow("low", "S", "OUT", new ArrivalSpec.Schedule(new long[] {0, 10 * min}, 0),
                        fixed(100))
                .flow("high", "S", "OUT", new ArrivalSpec.Schedule(new long[] {20 * min}, 0),
                        fixed(100))
                .classed("high", 1, false)
                .direction("low", Direction.WEST)
                .direction("high", Direction.EAST)
                .run(5 * DAY, 0).runOnce(0);

        ReplicationResult.NodeResult s = r.nodes().get("S");
        assertThat(s.quotaHits()).isEqualTo(2);
        assertThat(s.directions().get("west").quotaHits()).isEqualTo(1);
        assertThat(s.directions().get("east").quotaHits()).isEqualTo(1);
        // C waited from 0:20 to midnight, B from 0:10 to the second midnight
        assertThat(r.flows().get("high").waitByPlaceHours().get("S"))
                .isCloseTo(24 - 20.0 / 60, within(1e-9));
        assertThat(r.flows().get("low").waitByPlaceHours().get("S"))
                .isCloseTo((0 + 48 - 10.0 / 60) / 2, within(1e-9));
    }

    @Test
    void singleTrack_heavyTwoWayTrafficTwoClasses_completesAndHigherClassWaitsLess() {
        ReplicationResult r = Models.model()
                .junction("A")
                .junction("B")
                .rail("A", "B", 400, 1, 3, 50, 0)
                .flow("east-urgent", "A", "B", Models.poissonPerDay(2.5), fixed(100))
                .flow("east-bulk", "A", "B", Models.poissonPerDay(2.5), fixed(100))
                .flow("west-urgent", "B", "A", Models.poissonPerDay(2.5), fixed(100))
                .flow("west-bulk", "B", "A", Models.poissonPerDay(2.5), fixed(100))
                .classed("east-urgent", 1, false)
                .classed("west-urgent", 1, false)
                .run(2000 * DAY, 20 * DAY).runOnce(0);

        // 10 trains a day over four 2-hour sections: FIFO waits would be equal for both
        // classes; with priority the urgent ones wait about a quarter as long (3.9 h against
        // 16.9 h when this test was written)
        for (String dir : new String[] {"east", "west"}) {
            double urgent = r.flows().get(dir + "-urgent").waitByPlaceHours().get("A-B");
            double bulk = r.flows().get(dir + "-bulk").waitByPlaceHours().get("A-B");
            assertThat(urgent).as(dir).isLessThan(0.5 * bulk);
            assertThat(r.flows().get(dir + "-bulk").trainsDelivered())
                    .isGreaterThan(4000);
        }
        // no deadlock: the trains left on the line at the end are a few hours' arrivals
        assertThat(r.totals().trainsInSystemAtEnd()).isLessThan(40);
    }

    @Test
    void ferry_twoClassesOnOneVessel_higherClassBoardsFirst() {
        // one vessel of 40 places on a 10-hour round trip sailing when full: 4 wagons an hour;
        // each class brings 1.5 an hour (trains of 10 wagons), a load of 0.75
        ReplicationResult r = Models.model()
                .junction("W")
                .port("A")
                .port("B")
                .junction("E")
                .rail("W", "A", 10, 50)
                .ferry("A", "B", 1, 40, fixed(5 * HOUR), 1.0, 48 * HOUR)
                .rail("B", "E", 10, 50)
                .flow("urgent", "W", "E", poissonPerHour(0.15), fixed(20))
                .flow("bulk", "W", "E", poissonPerHour(0.15), fixed(20))
                .classed("urgent", 1, false)
                .run(2000 * DAY, 20 * DAY).runOnce(0);

        double urgent = r.flows().get("urgent").waitByPlaceHours().get("A-B");
        double bulk = r.flows().get("bulk").waitByPlaceHours().get("A-B");
        assertThat(urgent).isLessThan(0.8 * bulk);
        assertThat(r.flows().get("bulk").trainsDelivered()).isGreaterThan(6000);
    }

    @Test
    void background_flowOnSharedStation_leftOutOfTotalsAndCountedInBackgroundTotals() {
        Models m = Models.model()
                .station("S", 2, exp(HOUR))
                .junction("OUT")
                .rail("S", "OUT", 10, 50)
                .flow("corridor", "S", "OUT", poissonPerHour(0.5), fixed(100))
                .flow("domestic", "S", "OUT", poissonPerHour(0.4), fixed(60))
                .classed("domestic", 0, true)
                .run(200 * DAY, 10 * DAY);
        ReplicationResult r = m.runOnce(0);

        ReplicationResult.FlowResult corridor = r.flows().get("corridor");
        ReplicationResult.FlowResult domestic = r.flows().get("domestic");
        ReplicationResult.Totals totals = r.totals();
        ReplicationResult.Totals background = r.backgroundTotals();
        assertThat(corridor.background()).isFalse();
        assertThat(domestic.background()).isTrue();
        assertThat(totals.trainsDelivered()).isEqualTo(corridor.trainsDelivered());
        assertThat(totals.trainsGenerated()).isEqualTo(corridor.trainsGenerated());
        assertThat(totals.teuDelivered()).isEqualTo(corridor.teuDelivered());
        assertThat(totals.transitDays()).hasSize((int) corridor.trainsDelivered());
        assertThat(background.trainsDelivered()).isEqualTo(domestic.trainsDelivered());
        assertThat(background.teuDelivered()).isEqualTo(domestic.teuDelivered());
        assertThat(background.teuDelivered()).isEqualTo(60.0 * domestic.trainsDelivered());
        assertThat(background.transitDays()).hasSize((int) domestic.trainsDelivered());
        // every train is either the corridor's or the background's, both at the start and the
        // end: the census of trains in the network splits between them
        assertThat(totals.trainsInSystemAtEnd())
                .isEqualTo(totals.trainsGeneratedAll() - totals.trainsDeliveredAll());
        assertThat(background.trainsInSystemAtEnd())
                .isEqualTo(background.trainsGeneratedAll() - background.trainsDeliveredAll());
        // the background trains take the station's capacity: 0.9 trains/h on 2 servers
        assertThat(r.nodes().get("S").utilization()).isCloseTo(0.45, withPercentage(5));
        assertThat(r.nodes().get("S").arrivals()).isGreaterThan(
                totals.trainsDelivered() + background.trainsDelivered() - 10);
    }

    @Test
    void scenarioWithoutBackground_hasNoBackgroundTotals() {
        ReplicationResult r = Models.model()
                .station("S", 1, exp(HOUR))
                .junction("OUT")
                .rail("S", "OUT", 10, 50)
                .flow("f", "S", "OUT", poissonPerHour(0.5), fixed(100))
                .run(20 * DAY, 0).runOnce(0);

        assertThat(r.backgroundTotals()).isNull();
        assertThat(r.flows().get("f").background()).isNull();
    }

    @Test
    void priorities_sameSeed_identicalResults() {
        Models m = Models.model()
                .station("S", 2, exp(HOUR), 22)
                .junction("B")
                .rail("S", "B", 100, 1, 3, 50, 0)
                .flow("hi", "S", "B", poissonPerHour(0.3), fixed(100))
                .flow("lo", "S", "B", poissonPerHour(0.4), fixed(100))
                .flow("back", "B", "S", Models.poissonPerDay(4), fixed(100))
                .classed("hi", 2, false)
                .classed("back", -3, true)
                .run(120 * DAY, 10 * DAY);
        ReplicationResult a = m.runOnce(1);
        ReplicationResult b = m.runOnce(1);

        assertThat(a).usingRecursiveComparison().ignoringFields("wallSeconds").isEqualTo(b);
    }

    private static ReplicationResult[] runAll(RailModel model) {
        ReplicationResult[] results = new ReplicationResult[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            results[r] = model.runReplication(r, new RandomStreams(SEED));
        }
        return results;
    }

    /** Mean over replications of flow {@code flow}'s mean wait at {@code place}, hours. */
    private static double meanWait(ReplicationResult[] results, String flow, String place) {
        return Arrays.stream(results).mapToDouble(r -> r.flows().get(flow).waitByPlaceHours()
                .get(place)).average().orElseThrow();
    }

    private static double meanNodeWait(ReplicationResult[] results, String node) {
        return Arrays.stream(results).mapToDouble(r -> r.nodes().get(node).waitHours())
                .average().orElseThrow();
    }

    private static double hours(double minutes) {
        return minutes / 60 / 24;
    }
}
