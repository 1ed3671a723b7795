package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;

class RailModelTest {

    /**
     * A small Trans-Caspian corridor with every feature: processing, a quota, double and single
     * track, a ferry with storms, a scheduled and a stochastic closure, traffic both ways.
     */
    static Models corridor() {
        return Models.model()
                .station("XIA", 3, new Distribution.LogNormal(4 * HOUR, 2 * HOUR))
                .station("DOS", 4, new Distribution.LogNormal(6 * HOUR, 3 * HOUR), 6)
                .port("AKU")
                .port("ALAT")
                .station("TBS", 2, new Distribution.Exponential(3 * HOUR))
                .rail("XIA", "DOS", 900, 2, 0, 60, 30)
                .rail("DOS", "AKU", 600, 1, 5, 45, 0)
                .ferry("AKU", "ALAT", 10, 54, new Distribution.LogNormal(22 * HOUR, 4 * HOUR),
                        0.8, 48 * HOUR)
                .rail("ALAT", "TBS", 500, 2, 0, 50, 0)
                .flow("west", "XIA", "TBS", poissonPerDay(4),
                        new Distribution.Uniform(80, 110))
                .flow("east", "TBS", "XIA", poissonPerDay(1), fixed(60))
                .closure(new ClosureSpec("dos-works", "DOS", null, 100 * DAY, fixed(5 * DAY),
                        null, 0))
                .closure(new ClosureSpec("dos-jam", "DOS", null, 0, fixed(3 * DAY),
                        Models.exp(60 * DAY), 0.5))
                .storm(new StormSpec("caspian", List.of("AKU-ALAT"), 2.0 / (30 * DAY),
                        new Distribution.LogNormal(30 * HOUR, 24 * HOUR)))
                .run(365 * DAY, 30 * DAY);
    }

    @Test
    void runReplication_corridor_deliversTrainsBothWays() {
        ReplicationResult result = corridor().runOnce(0);

        assertThat(result.flows().get("west").trainsDelivered()).isGreaterThan(1000);
        assertThat(result.flows().get("east").trainsDelivered()).isGreaterThan(250);
        assertThat(result.totals().trainsDelivered())
                .isEqualTo(result.totals().transitDays().length);
        assertThat(result.links().get("AKU-ALAT").trains()).isGreaterThan(1200);
        assertThat(result.nodes().get("DOS").arrivals()).isGreaterThan(1200);
        assertThat(result.events()).isPositive();
        assertThat(result.measuredDays()).isEqualTo(335.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void runReplication_anyReplication_conservesTrains(int replication) {
        ReplicationResult.Totals totals = corridor().runOnce(replication).totals();

        assertThat(totals.trainsGeneratedAll())
                .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
        assertThat(totals.trainsGeneratedAll()).isGreaterThan(totals.trainsGenerated());
    }

    @Test
    void runReplication_sameSeedAndReplication_identicalResult() {
        RailModel model = corridor().build();

        ReplicationResult a = model.runReplication(3, new RandomStreams(7));
        ReplicationResult b = model.runReplication(3, new RandomStreams(7));

        assertThat(a).usingRecursiveComparison().ignoringFields("wallSeconds")
                .withEqualsForType(RailModelTest::sameBits, Double.class).isEqualTo(b);
    }

    @Test
    void runReplication_unrelatedNodesAndFlowAdded_otherProcessesDrawTheSameNumbers() {
        ReplicationResult base = corridor().runOnce(2);
        ReplicationResult extended = corridor()
                .station("AAA", 2, new Distribution.Exponential(5 * HOUR))
                .junction("ZZZ")
                .rail("AAA", "ZZZ", 100, 50)
                .flow("local", "AAA", "ZZZ", poissonPerDay(3), fixed(40))
                .closure(new ClosureSpec("aaa-jam", "AAA", null, 0, fixed(2 * DAY),
                        Models.exp(20 * DAY), 0))
                .runOnce(2);

        // streams are keyed by process, not by position: the corridor sees the same numbers
        assertThat(extended.flows().get("west")).usingRecursiveComparison()
                .isEqualTo(base.flows().get("west"));
        assertThat(extended.flows().get("east")).usingRecursiveComparison()
                .isEqualTo(base.flows().get("east"));
        assertThat(extended.nodes().get("DOS")).isEqualTo(base.nodes().get("DOS"));
        assertThat(extended.links().get("AKU-ALAT")).isEqualTo(base.links().get("AKU-ALAT"));
        assertThat(extended.flows().get("local").trainsDelivered()).isPositive();
    }

    @Test
    void runReplication_sharedModelOnTwoThreads_sameResultsAsSerial() throws Exception {
        RailModel model = corridor().build();
        RandomStreams streams = new RandomStreams(11);
        ReplicationResult serial0 = model.runReplication(0, streams);
        ReplicationResult serial1 = model.runReplication(1, streams);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ReplicationResult> parallel0 =
                    pool.submit(() -> model.runReplication(0, streams));
            Future<ReplicationResult> parallel1 =
                    pool.submit(() -> model.runReplication(1, streams));
            assertThat(parallel0.get()).usingRecursiveComparison().ignoringFields("wallSeconds")
                    .withEqualsForType(RailModelTest::sameBits, Double.class).isEqualTo(serial0);
            assertThat(parallel1.get()).usingRecursiveComparison().ignoringFields("wallSeconds")
                    .withEqualsForType(RailModelTest::sameBits, Double.class).isEqualTo(serial1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runReplication_otherReplication_differentResult() {
        RailModel model = corridor().build();

        ReplicationResult a = model.runReplication(0, new RandomStreams(7));
        ReplicationResult b = model.runReplication(1, new RandomStreams(7));

        assertThat(a.totals().transitDays()).isNotEqualTo(b.totals().transitDays());
        assertThat(a.seed()).isNotEqualTo(b.seed());
    }

    /** Identical results: the same double bits (NaN equals NaN; AssertJ's default does not). */
    private static boolean sameBits(Double a, Double b) {
        return Double.compare(a, b) == 0;
    }
}
