package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioLoader;

/** What the experiment layer makes of background flows: overload signs and sweep columns. */
class BackgroundExperimentTest {
    private static final Path STARVED = Path.of("src/test/resources/model/background-starved.yaml");

    @Test
    void check_backgroundPilingUpBehindPriorityTraffic_isABacklog() throws Exception {
        ModelSpec spec = ScenarioLoader.load(STARVED).model();
        ReplicationResult r = new RailModel(spec, Network.build(spec.network()).compile())
                .runReplication(0, new RandomStreams(spec.run().seed()));

        // the corridor's own totals are those of a stable line ...
        ReplicationResult.Totals corridor = r.totals();
        assertThat(corridor.trainsGenerated() - corridor.trainsDelivered()).isLessThan(20);
        // ... the background's are not, and the check names the line
        ReplicationResult.Totals background = r.backgroundTotals();
        assertThat(background.trainsGenerated() - background.trainsDelivered())
                .isGreaterThan(100);
        assertThat(OverloadCheck.check(spec, r)).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(OverloadCheck.BACKLOG);
            assertThat(f.id()).isEqualTo("A-B");
        });
    }

    @Test
    void forSweep_baseWithBackgroundFlow_addsBackgroundColumnsAfterTheTotals()
            throws Exception {
        ModelSpec with = ScenarioLoader.load(STARVED).model();
        ModelSpec without = ScenarioLoader.load(STARVED, List.of(
                "demand.west-bulk.background=false", "demand.east-bulk.background=false"))
                .model();

        List<String> paths = MainMetrics.forSweep(with, List.of()).stream()
                .map(MetricPath::path).toList();
        assertThat(paths.subList(0, 6)).containsExactly("totals.teu_per_year",
                "totals.trains_delivered", "totals.transit_days",
                "totals.trains_in_system_at_end", "background_totals.trains_delivered",
                "background_totals.transit_days");
        assertThat(MainMetrics.forSweep(without, List.of()).stream().map(MetricPath::path))
                .noneMatch(p -> p.startsWith("background"));
    }
}
