package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;

/** Demand: arrival processes, TEU per train, and the three route policies. */
class DemandTest {

    /**
     * A — M1 — B (fast, 100 km) and A — M2 — B (slow, 200 km), with both paths named.
     */
    private static Models diamond() {
        return Models.model()
                .junction("A")
                .junction("M1")
                .junction("M2")
                .junction("B")
                .rail("A", "M1", 50, 50)
                .rail("M1", "B", 50, 50)
                .rail("A", "M2", 100, 50)
                .rail("M2", "B", 100, 50)
                .route("short", "A", "M1", "B")
                .route("long", "A", "M2", "B");
    }

    @Test
    void every_fourHours_oneTrainPerIntervalFromTimeZero() {
        ReplicationResult result = diamond()
                .flow("f", "A", "B", every(4 * HOUR), fixed(100))
                .run(10 * DAY, 0).runOnce(0);

        // at 0, 4 h, …, 240 h: the horizon is inclusive
        assertThat(result.totals().trainsGeneratedAll()).isEqualTo(61);
    }

    @Test
    void schedule_weeklyTimetable_repeatsEveryCycle() {
        long[] times = {0, 30 * HOUR, 3 * DAY};
        ReplicationResult result = diamond()
                .flow("f", "A", "B", new ArrivalSpec.Schedule(times, 7 * DAY), fixed(100))
                .run(69 * DAY, 0).runOnce(0);

        assertThat(result.totals().trainsGeneratedAll()).isEqualTo(30);
    }

    @Test
    void schedule_once_generatesEachListedTrainOnly() {
        long[] times = {HOUR, 2 * HOUR, 5 * DAY};
        ReplicationResult result = diamond()
                .flow("f", "A", "B", new ArrivalSpec.Schedule(times, 0), fixed(100))
                .run(30 * DAY, 0).runOnce(0);

        assertThat(result.totals().trainsGeneratedAll()).isEqualTo(3);
        assertThat(result.totals().trainsDeliveredAll()).isEqualTo(3);
    }

    @Test
    void poisson_tenPerDay_countWithinThreeStandardDeviations() {
        ReplicationResult result = diamond()
                .flow("f", "A", "B", poissonPerDay(10), fixed(100))
                .run(1000 * DAY, 0).runOnce(0);

        // Poisson count over 1000 days: mean 10 000, sd 100
        assertThat((double) result.totals().trainsGeneratedAll()).isCloseTo(10_000, within(300.0));
    }

    @Test
    void teu_uniform_meanPerTrainAndIntegerLoads() {
        ReplicationResult result = diamond()
                .flow("f", "A", "B", poissonPerDay(20), new Distribution.Uniform(90, 110))
                .run(365 * DAY, 0).runOnce(0);

        ReplicationResult.Totals totals = result.totals();
        double teuPerTrain = totals.teuDelivered() / totals.trainsDelivered();
        assertThat(teuPerTrain).isCloseTo(100, within(0.3));
        assertThat(totals.teuDelivered()).isEqualTo(Math.rint(totals.teuDelivered()));
    }

    @Test
    void fastest_diamond_takesTheShortBranch() {
        ReplicationResult result = diamond()
                .flow("f", "A", "B", poissonPerDay(5), fixed(100))
                .run(100 * DAY, 0).runOnce(0);

        // the fastest path is the named route "short", so it takes that name
        assertThat(result.flows().get("f").routeTrains()).containsOnlyKeys("short");
        assertThat(result.nodes().get("M2").arrivals()).isZero();
        assertThat(result.flows().get("f").transitDays()[0]).isCloseTo(2.0 / 24, within(1e-9));
    }

    @Test
    void via_waypointOnTheLongBranch_passesIt() {
        ReplicationResult result = diamond()
                .flow("f", "A", "B", poissonPerDay(5), fixed(100),
                        new RoutePolicy.Via(List.of("M2")))
                .run(100 * DAY, 0).runOnce(0);

        assertThat(result.flows().get("f").routeTrains()).containsOnlyKeys("long");
        assertThat(result.nodes().get("M2").arrivals())
                .isEqualTo(result.totals().trainsGeneratedAll());
        assertThat(result.flows().get("f").transitDays()[0]).isCloseTo(4.0 / 24, within(1e-9));
    }

    @Test
    void shares_quarterAndThreeQuarters_drawnPerTrain() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("short", 0.25);
        shares.put("long", 0.75);
        ReplicationResult result = diamond()
                .flow("f", "A", "B", poissonPerDay(20), fixed(100), new RoutePolicy.Shares(shares))
                .run(400 * DAY, 0).runOnce(0);

        Map<String, Long> byRoute = result.flows().get("f").routeTrains();
        double total = byRoute.values().stream().mapToLong(Long::longValue).sum();
        // binomial with n ≈ 8000: sd of the share ≈ 0.005
        assertThat(byRoute.get("short") / total).isCloseTo(0.25, within(0.02));
        assertThat(result.routes().get("long").trains()).isEqualTo(byRoute.get("long"));
        assertThat(result.routes()).containsOnlyKeys("short", "long");
    }
}
