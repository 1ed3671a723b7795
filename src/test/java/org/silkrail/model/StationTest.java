package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.fixed;
import static org.silkrail.model.Models.poissonPerDay;

import org.junit.jupiter.api.Test;

/** Node stations: quotas and closures, observed through what the model delivers. */
class StationTest {
    private static final double TEU = 100;

    /** O → Q over a one-hour link; Q is the destination and processes in no time. */
    private static Models toStation(ArrivalSpec trains, int servers, double processSeconds,
            double quotaPerDay) {
        return Models.model()
                .junction("O")
                .station("Q", servers, fixed(processSeconds), quotaPerDay)
                .rail("O", "Q", 60, 60)
                .flow("f", "O", "Q", trains, fixed(TEU));
    }

    private static double[] trainsPerPeriod(ReplicationResult result) {
        double[] teu = result.series().routeTeuMonthly().values().iterator().next();
        double[] trains = new double[teu.length];
        for (int i = 0; i < teu.length; i++) {
            trains[i] = teu[i] / TEU;
        }
        return trains;
    }

    @Test
    void quota_demandAboveQuota_capsDeliveriesAtQuotaEveryPeriod() {
        ReplicationResult result = toStation(poissonPerDay(14), 4, 0, 10)
                .run(390 * DAY, 30 * DAY).runOnce(0);

        // a backlog builds at 4 trains/day, so every calendar day hands over exactly 10
        assertThat(trainsPerPeriod(result)).hasSize(12).containsOnly(300.0);
        assertThat(result.nodes().get("Q").quotaHits()).isGreaterThan(1000);
        assertThat(result.nodes().get("Q").waitHours()).isGreaterThan(24);
    }

    @Test
    void quota_fractionalQuota_capsAtItsMeanRate() {
        ReplicationResult result = toStation(poissonPerDay(14), 4, 0, 7.5)
                .run(390 * DAY, 30 * DAY).runOnce(0);

        assertThat(trainsPerPeriod(result)).containsOnly(225.0);
    }

    @Test
    void quota_regularDemandBelowQuota_neverHoldsATrain() {
        ReplicationResult result = toStation(every(3 * HOUR), 4, HOUR, 10)
                .run(100 * DAY, 10 * DAY).runOnce(0);

        ReplicationResult.NodeResult q = result.nodes().get("Q");
        assertThat(q.quotaHits()).isZero();
        assertThat(q.waitHours()).isZero();
        assertThat(q.arrivals()).isEqualTo(90 * 8);
    }

    @Test
    void closure_nodeClosedForThirtyDays_deliversNothingInExactlyThatWindow() {
        ReplicationResult result = toStation(every(HOUR), 1, 0, 0)
                .closure(new ClosureSpec("works", "Q", null, 60 * DAY, fixed(30 * DAY), null, 0))
                .run(150 * DAY, 0).runOnce(0);

        // trains born at 0, 1 h, … reach Q one hour later; the one born at 30 d − 1 h arrives
        // at 30 d; the 720 trains held from 60 d are all handed over at 90 d
        assertThat(trainsPerPeriod(result)).containsExactly(719, 720, 0, 1440, 720);
    }

    @Test
    void closure_linkClosedForThirtyDays_letsNoTrainEnterInExactlyThatWindow() {
        ReplicationResult result = toStation(every(HOUR), 1, 0, 0)
                .closure(new ClosureSpec("works", null, "O-Q", 60 * DAY - HOUR,
                        fixed(30 * DAY), null, 0))
                .run(150 * DAY, 0).runOnce(0);

        assertThat(trainsPerPeriod(result)).containsExactly(719, 720, 0, 1440, 720);
        // every train enters at last, the one born at the horizon included
        assertThat(result.links().get("O-Q").trains()).isEqualTo(150 * 24 + 1);
    }

    @Test
    void closure_halfTheServers_halvesThroughputForTheWindow() {
        // 4 servers of one hour each at exactly 4 trains per hour: full until the closure
        ReplicationResult result = toStation(every(15 * 60), 4, HOUR, 0)
                .closure(new ClosureSpec("half", "Q", null, 30 * DAY, fixed(30 * DAY), null, 0.5))
                .run(60 * DAY, 0).runOnce(0);

        double[] trains = trainsPerPeriod(result);
        assertThat(trains[0]).isBetween(2870.0, 2880.0);
        // the 4 services running at 30 d finish; from then on 2 per hour
        assertThat(trains[1]).isBetween(1438.0, 1444.0);
    }

    @Test
    void closure_stochasticEpisodes_reduceThroughputAndKeepTrainsConserved() {
        Models base = toStation(every(15 * 60), 4, HOUR, 0).run(400 * DAY, 40 * DAY);
        ReplicationResult open = base.runOnce(0);
        ReplicationResult jammed = base.closure(new ClosureSpec("jam", "Q", null, 0,
                fixed(10 * DAY), Models.exp(40 * DAY), 0)).runOnce(0);

        assertThat(jammed.nodes().get("Q").waitHours())
                .isGreaterThan(open.nodes().get("Q").waitHours() + 24);
        ReplicationResult.Totals totals = jammed.totals();
        assertThat(totals.trainsGeneratedAll())
                .isEqualTo(totals.trainsDeliveredAll() + totals.trainsInSystemAtEnd());
    }
}
