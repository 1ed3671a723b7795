package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.exp;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Route choice by logit on the current cost: parallel borders, closures, determinism. */
class RouteChoiceTest {

    /**
     * O → two parallel borders B1, B2 (2 servers, mean 3 h each: 16 trains/day) → D, 12
     * trains/day choosing between them; B1 closed from day 100 for 30 days.
     */
    private static Models parallelBorders(RoutePolicy policy, long seed) {
        return Models.model()
                .junction("O")
                .station("B1", 2, exp(3 * HOUR))
                .station("B2", 2, exp(3 * HOUR))
                .junction("D")
                .rail("O", "B1", 300, 60)
                .rail("O", "B2", 300, 60)
                .rail("B1", "D", 300, 60)
                .rail("B2", "D", 300, 60)
                .route("r1", "O", "B1", "D")
                .route("r2", "O", "B2", "D")
                .flow("f", "O", "D", poissonPerDay(12), fixed(100), policy)
                .closure(new ClosureSpec("works", "B1", null, 100 * DAY, fixed(30 * DAY), null,
                        0))
                .seed(seed)
                .run(250 * DAY, 10 * DAY);
    }

    /** Share of r2 among the trains delivered in each 30-day period after the warm-up. */
    private static double[] shareOfR2(ReplicationResult result) {
        Map<String, double[]> teu = result.series().routeTeuMonthly();
        double[] r1 = teu.get("r1");
        double[] r2 = teu.get("r2");
        double[] share = new double[r1.length];
        for (int i = 0; i < share.length; i++) {
            share[i] = r2[i] / (r1[i] + r2[i]);
        }
        return share;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void choose_closureOfOneOfTwoBorders_shiftsTrainsToTheOtherAndBack(long seed) {
        ReplicationResult result = parallelBorders(
                new RoutePolicy.Choose(List.of("r1", "r2"), 0, 6 * HOUR), seed).runOnce(0);

        // periods from day 10: [10, 40), [40, 70), [70, 100) open; [100, 130) B1 closed;
        // [130, 160) the backlog at B1 clears; [160, 190), [190, 220) open again
        double[] share = shareOfR2(result);
        for (int period : new int[] {0, 1, 2, 5, 6}) {
            assertThat(share[period]).as("share of B2 in period " + period)
                    .isBetween(0.3, 0.7);
        }
        assertThat(share[3]).as("share of B2 while B1 is closed").isGreaterThan(0.95);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shares_fixedSplit_doesNotRespondToTheClosure(long seed) {
        ReplicationResult result = parallelBorders(
                new RoutePolicy.Shares(Map.of("r1", 0.5, "r2", 0.5)), seed).runOnce(0);

        // trains keep going to the closed border; half the deliveries stop for the month
        assertThat(shareOfR2(result)[3]).isGreaterThan(0.8);
        assertThat(result.nodes().get("B1").queueMax()).isGreaterThan(100);
    }

    @Test
    void choose_oneRoute_identicalToThatRouteAsShares() {
        ReplicationResult chosen = parallelBorders(
                new RoutePolicy.Choose(List.of("r2"), 0, 6 * HOUR), 3).runOnce(1);
        ReplicationResult fixedRoute = parallelBorders(
                new RoutePolicy.Shares(Map.of("r2", 1.0)), 3).runOnce(1);

        assertThat(chosen.events()).isEqualTo(fixedRoute.events());
        assertThat(Arrays.equals(chosen.totals().transitDays(),
                fixedRoute.totals().transitDays())).isTrue();
        assertThat(chosen.nodes()).isEqualTo(fixedRoute.nodes());
    }

    @Test
    void choose_sameSeedTwice_sameChoices() {
        Models model = parallelBorders(new RoutePolicy.Choose(List.of(), 2, 6 * HOUR), 9);
        ReplicationResult a = model.runOnce(0);
        ReplicationResult b = model.runOnce(0);

        assertThat(b.flows().get("f").routeTrains()).isEqualTo(a.flows().get("f").routeTrains());
        assertThat(Arrays.equals(a.totals().transitDays(), b.totals().transitDays())).isTrue();
        // best: 2 found both borders, named as the network's routes
        assertThat(a.flows().get("f").routeTrains()).containsOnlyKeys("r1", "r2");
    }

    @Test
    void choose_smallScale_picksTheCheaperRouteNearlyAlways() {
        // B2's line is 120 km (2 h) longer: at a 15-minute scale e^-8 of the trains take it
        ReplicationResult result = Models.model()
                .junction("O")
                .station("B1", 4, exp(HOUR))
                .station("B2", 4, exp(HOUR))
                .junction("D")
                .rail("O", "B1", 300, 60)
                .rail("O", "B2", 420, 60)
                .rail("B1", "D", 300, 60)
                .rail("B2", "D", 300, 60)
                .route("r1", "O", "B1", "D")
                .route("r2", "O", "B2", "D")
                .flow("f", "O", "D", poissonPerDay(4), fixed(100),
                        new RoutePolicy.Choose(List.of("r1", "r2"), 0, 0.25 * HOUR))
                .seed(4).run(200 * DAY, 0).runOnce(0);

        Map<String, Long> byRoute = result.flows().get("f").routeTrains();
        assertThat(byRoute.get("r2")).isLessThan(byRoute.get("r1") / 100);
    }
}
