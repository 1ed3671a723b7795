package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.silkrail.model.ReplicationResult;

/** Metric paths, including those naming one part of a {@link Parts}. */
class MetricPathTest {
    static final RunResults RUN = FakeModel.results(4, 7, 1);

    @Test
    void ofPart_cause_readsThatPartOfEveryReplication() {
        MetricPath p = MetricPath.ofPart(ResultSchema.FLOWS, "xian-europe",
                "time_breakdown_hours", "server_queue");

        assertThat(p.path()).isEqualTo("flows.xian-europe.time_breakdown_hours.server_queue");
        for (ReplicationResult r : RUN.replications()) {
            assertThat(p.valueIn(r)).isPositive().isEqualTo(
                    r.flows().get("xian-europe").timeBreakdownHours().get("server_queue"));
        }
    }

    @Test
    void ofPart_placeWithDotsInItsName_keepsTheWholeName() {
        MetricPath p = new MetricPath("flows", "xian-europe", "wait_by_place_hours.D.O.S");

        assertThat(p.path()).isEqualTo("flows.xian-europe.wait_by_place_hours.D.O.S");
        // a place the flow's routes do not have reads as NaN, as an absent entity does
        assertThat(p.valueIn(RUN.replications().get(0))).isNaN();
        assertThat(MetricPath.ofPart(ResultSchema.FLOWS, "xian-europe", "wait_by_place_hours",
                "MAL").valueIn(RUN.replications().get(0))).isEqualTo(10.0);
    }

    @Test
    void ofPart_entityNotInTheReplication_readsNaN() {
        assertThat(MetricPath.ofPart(ResultSchema.FLOWS, "no-such-flow",
                "time_breakdown_hours", "running").valueIn(RUN.replications().get(0))).isNaN();
    }

    @Test
    void new_unknownPartsKeyOrEmptyPart_rejectedLikeAnUnknownMetric() {
        for (String metric : new String[] {"time_breakdown_hours", "time_breakdown_hours.",
            ".running", "no_such_parts.running", "transit_days.p50"}) {
            assertThatThrownBy(() -> new MetricPath("flows", "xian-europe", metric))
                    .as(metric).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no such metric");
        }
        // nodes have no parts
        assertThatThrownBy(() -> new MetricPath("nodes", "DOS", "time_breakdown_hours.running"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharedMetrics_partsBothRunsReport_pairedLikeMetrics() {
        // other draws under the base's header: Comparison pairs by the header's seed
        RunResults drawn = FakeModel.results(4, 8, 1);
        RunResults other = new RunResults(RUN.info(), drawn.sections(), drawn.series(),
                drawn.replications(), drawn.warnings());

        Map<String, PairedDifference> d = Comparison.of(RUN, Map.of("o", other)).differences()
                .get("o");

        String cause = "flows.xian-europe.time_breakdown_hours.running";
        assertThat(d).containsKeys(cause, "flows.xian-europe.wait_by_place_hours.DOS",
                "flows.xian-europe.wait_by_place_hours.MAL",
                "flows.xian-europe.cost_parts_usd_per_teu.tariff");
        // the other flow reports no wait at MAL: no pairing for it
        assertThat(d).containsKey("flows.chongqing, \"duisburg\".wait_by_place_hours.DOS")
                .doesNotContainKey("flows.chongqing, \"duisburg\".wait_by_place_hours.MAL");
        MetricPath path = MetricPath.ofPart(ResultSchema.FLOWS, "xian-europe",
                "time_breakdown_hours", "running");
        assertThat(d.get(cause)).isEqualTo(PairedDifference.of(Comparison.values(RUN, path),
                Comparison.values(other, path)));
        assertThat(d.get(cause).diffMean()).isNotZero();
        assertThat(d.get(cause).n()).isEqualTo(4);
        // metrics of an entity come before its parts, as in results.json
        assertThat(d.keySet().stream().toList().indexOf("flows.xian-europe.transit_days"))
                .isLessThan(d.keySet().stream().toList().indexOf(cause));
    }
}
