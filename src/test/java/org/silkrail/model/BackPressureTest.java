package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.exp;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Back-pressure: finite yards, acceptance bans, and what becomes of each flow's trains. */
class BackPressureTest {

    /**
     * O (origin, quick) → Q (one server, mean 2 h: 12 trains/day) over a 5-hour line, offered
     * {@code perDay} trains/day: above 12 the queue at Q would grow without bound.
     */
    private static Models overloaded(double perDay) {
        return Models.model()
                .station("O", 50, exp(0.5 * HOUR))
                .station("Q", 1, exp(2 * HOUR))
                .junction("D")
                .rail("O", "Q", 300, 60)
                .rail("Q", "D", 60, 60)
                .flow("f", "O", "D", poissonPerDay(perDay), fixed(100));
    }

    private static void assertOffersAddUp(ReplicationResult result) {
        for (ReplicationResult.FlowResult flow : result.flows().values()) {
            ReplicationResult.Offers o = flow.offers();
            assertThat(o.offered()).isEqualTo(o.accepted() + o.refused() + o.heldAtEnd());
        }
        ReplicationResult.Totals totals = result.totals();
        assertThat(totals.trainsGeneratedAll())
                .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void yard_demandAboveCapacity_queueNeverExceedsYard(long seed) {
        ReplicationResult result = overloaded(16).backPressure("Q", 8, 0, 0, false)
                .seed(seed).run(200 * DAY, 20 * DAY).runOnce(0);

        ReplicationResult.NodeResult q = result.nodes().get("Q");
        assertThat(q.queueMax()).isLessThanOrEqualTo(8);
        // the queue is full most of the time: the yard binds
        assertThat(q.queueMax()).isGreaterThanOrEqualTo(6);
        assertThat(q.utilization()).isGreaterThan(0.95);
        assertOffersAddUp(result);
    }

    @Test
    void yard_withoutBackPressure_theSameDemandQueuesFarBeyondIt() {
        ReplicationResult result = overloaded(16).seed(1).run(200 * DAY, 20 * DAY).runOnce(0);

        assertThat(result.nodes().get("Q").queueMax()).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void ban_holdPolicy_holdsTrainsAtOriginAndCountsAddUp(long seed) {
        ReplicationResult result = overloaded(16).backPressure("Q", 0, 10, 4, false)
                .seed(seed).run(200 * DAY, 20 * DAY).runOnce(0);

        ReplicationResult.Offers o = result.flows().get("f").offers();
        assertThat(o.held()).isGreaterThan(100);
        assertThat(o.refused()).isZero();
        assertThat(o.offered()).isGreaterThan(o.accepted());
        assertOffersAddUp(result);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void ban_refusePolicy_refusesTrainsAndDeliversAboutTheCapacity(long seed) {
        ReplicationResult result = overloaded(16).backPressure("Q", 0, 10, 4, true)
                .seed(seed).run(200 * DAY, 20 * DAY).runOnce(0);

        ReplicationResult.FlowResult f = result.flows().get("f");
        ReplicationResult.Offers o = f.offers();
        assertThat(o.refused()).isGreaterThan(200);
        assertThat(o.held()).isZero();
        assertThat(o.heldAtEnd()).isZero();
        // Q works at capacity, 12 trains/day over 180 days, give or take the variability
        assertThat(f.trainsDelivered()).isBetween(1900L, 2200L);
        assertThat(f.trainsGenerated()).isEqualTo(o.accepted());
        assertOffersAddUp(result);
    }

    @Test
    void ban_demandBelowLimit_acceptsEveryTrain() {
        ReplicationResult result = overloaded(6).backPressure("Q", 30, 20, 10, true)
                .seed(1).run(200 * DAY, 20 * DAY).runOnce(0);

        ReplicationResult.Offers o = result.flows().get("f").offers();
        assertThat(o.accepted()).isEqualTo(o.offered());
        assertThat(o.refused()).isZero();
        assertThat(o.held()).isZero();
    }

    /**
     * A and B joined by single track with one crossing loop, both processing both directions
     * on one server (24 trains/day) with yards of 3, each sending the other 11 trains/day: the
     * yards fill in both directions at once, yet trains keep moving both ways (no deadlock).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void yard_twoWaySingleTrackBothYardsFull_neverDeadlocks(long seed) {
        ReplicationResult result = Models.model()
                .station("A", 1, exp(HOUR))
                .station("B", 1, exp(HOUR))
                .rail("A", "B", 120, 1, 1, 60, 0)
                .flow("ab", "A", "B", poissonPerDay(11), fixed(100))
                .flow("ba", "B", "A", poissonPerDay(11), fixed(100))
                .backPressure("A", 3, 0, 0, false)
                .backPressure("B", 3, 0, 0, false)
                .seed(seed).run(300 * DAY, 0).runOnce(0);

        assertThat(result.nodes().get("A").queueMax()).isLessThanOrEqualTo(3);
        assertThat(result.nodes().get("B").queueMax()).isLessThanOrEqualTo(3);
        for (double[] teu : result.series().routeTeuMonthly().values()) {
            // every 30-day period delivers trains each way, the last one included
            assertThat(Arrays.stream(teu).min().orElse(0)).isGreaterThan(10 * 100);
        }
        assertOffersAddUp(result);
    }

    /** Holds at the origin and waits for a yard place count as acceptance_ban, and add up. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void timeBreakdown_bansAndYards_attributedToAcceptanceBanAndAddUp(long seed) {
        Replication replication = overloaded(16).backPressure("Q", 12, 10, 4, false)
                .seed(seed).run(200 * DAY, 20 * DAY).build()
                .newReplication(0, new org.silkrail.engine.RandomStreams(seed));
        ReplicationResult result = replication.run();

        assertThat(replication.delays.unbalancedTrains()).isZero();
        ReplicationResult.FlowResult f = result.flows().get("f");
        double sum = f.timeBreakdownHours().values().stream().mapToDouble(Double::doubleValue)
                .sum();
        double meanTransitHours = Arrays.stream(f.transitDays()).average().orElseThrow() * 24;
        assertThat(sum).isCloseTo(meanTransitHours, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(f.timeBreakdownHours().get("acceptance_ban")).isGreaterThan(1.0);
        // the hold is at the origin, where wait_by_place puts it
        assertThat(f.waitByPlaceHours().get("O")).isGreaterThanOrEqualTo(
                f.timeBreakdownHours().get("acceptance_ban") - 1e-9);
    }

    @Test
    void run_sameSeedTwice_givesIdenticalResults() {
        Models model = overloaded(16).backPressure("Q", 12, 8, 3, false)
                .flow("g", "O", "Q", every(5 * HOUR), fixed(90)).seed(7);
        ReplicationResult a = model.run(120 * DAY, 10 * DAY).runOnce(2);
        ReplicationResult b = model.runOnce(2);

        assertThat(b.flows().get("f").offers()).isEqualTo(a.flows().get("f").offers());
        assertThat(b.flows().get("g").offers()).isEqualTo(a.flows().get("g").offers());
        assertThat(Arrays.equals(a.totals().transitDays(), b.totals().transitDays())).isTrue();
        assertThat(b.events()).isEqualTo(a.events());
    }
}
