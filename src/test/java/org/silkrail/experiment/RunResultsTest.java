package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.model.ReplicationResult;

class RunResultsTest {

    @Test
    void aggregate_nodeWait_isStatOfReplicationValues() {
        RunResults results = FakeModel.results(5, 11, 1);
        double[] waits = results.replications().stream()
                .mapToDouble(r -> r.nodes().get("DOS").waitHours()).toArray();
        Stat expected = Stat.of(waits);
        assertThat(results.nodes().get("DOS").get("wait_hours")).isEqualTo(expected);
        assertThat(results.nodes().keySet()).containsExactly("XIA", "DOS", "MAL", "BAK");
    }

    @Test
    void aggregate_nodeWithoutTrains_hasNoWaitStatistic() {
        Stat wait = FakeModel.results(3, 11, 1).nodes().get("BAK").get("wait_hours");
        assertThat(wait.n()).isZero();
        assertThat(wait.mean()).isNaN();
    }

    @Test
    void aggregate_transitDays_poolsAllTrainsOfAllReplications() {
        RunResults results = FakeModel.results(4, 5, 1);
        Stat transit = results.totals().get("transit_days");
        long trains = results.replications().stream()
                .mapToLong(r -> r.totals().transitDays().length).sum();
        double max = results.replications().stream()
                .flatMapToDouble(r -> java.util.Arrays.stream(r.totals().transitDays()))
                .max().orElseThrow();
        assertThat(transit.pooled().count()).isEqualTo(trains);
        assertThat(transit.pooled().max()).isEqualTo(max);
        assertThat(transit.n()).isEqualTo(4);
        assertThat(transit.pooled().p50()).isLessThanOrEqualTo(transit.pooled().p90());
        assertThat(transit.pooled().p90()).isLessThanOrEqualTo(transit.pooled().p95());
    }

    @Test
    void aggregate_routeShares_sumToOneAndMatchCounts() {
        RunResults results = FakeModel.results(3, 9, 1);
        var shares = results.flows().get("xian-europe").share("route_share");
        assertThat(shares.keySet()).containsExactly("northern", "titr");
        assertThat(shares.get("northern").mean() + shares.get("titr").mean())
                .isCloseTo(1.0, within(1e-12));
        ReplicationResult first = results.replications().get(0);
        long north = first.flows().get("xian-europe").routeTrains().get("northern");
        long delivered = first.flows().get("xian-europe").trainsDelivered();
        assertThat(shares.get("northern").sd()).isGreaterThan(0);
        assertThat(north).isLessThan(delivered);
    }

    @Test
    void aggregate_series_bandsPointByPoint() {
        RunResults results = FakeModel.results(3, 9, 1);
        Band band = results.series().get("node_queue_daily").get("DOS");
        assertThat(band.length()).isEqualTo(30);
        double[] day7 = results.replications().stream()
                .mapToDouble(r -> r.series().nodeQueueDaily().get("DOS")[7]).toArray();
        assertThat(band.mean()[7]).isEqualTo(Stat.of(day7).mean());
        assertThat(band.ci95Low()[7]).isEqualTo(Stat.of(day7).ci95Low());
    }

    @Test
    void aggregate_replicationsOutOfOrder_failsFast() {
        List<ReplicationResult> reps = FakeModel.results(2, 1, 1).replications();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunResults.aggregate(
                FakeModel.results(1, 1, 1).info(), List.of(reps.get(1), reps.get(0))))
                .hasMessageContaining("index=0 replication=1");
    }
}
