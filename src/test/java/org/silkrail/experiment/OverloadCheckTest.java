package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.scenario.Scenario;
import org.silkrail.scenario.ScenarioException;
import org.silkrail.scenario.ScenarioLoader;

/** Overload warnings of {@code silkrail run}: none when stable, the bottleneck when not. */
class OverloadCheckTest {
    static final Path MMC = CapacitySearchTest.MMC;
    static final Path SERIES = CapacitySearchTest.SERIES;
    static final Path QUOTA = Path.of("src/test/resources/capacity/quota.yaml");

    static RunResults run(Path file, String... sets) throws ScenarioException {
        Scenario s = ScenarioLoader.load(file, List.of(sets));
        return ScenarioRun.run(new ScenarioRun.Request(s.id(), s.title(), s.inputSha256(),
                s.model(), s.model().run().replications(), s.model().run().seed(), 2), "test",
                Replications.Progress.NONE);
    }

    @Test
    void run_stableMmc_noWarning() throws ScenarioException {
        // load 20/24 = 0.83
        assertThat(run(MMC).warnings()).isEmpty();
    }

    @Test
    void run_stableSeriesNearCapacity_noWarning() throws ScenarioException {
        // S2 at load 0.9 (demand_scale 1.44 of 1.6)
        assertThat(run(SERIES, "demand_scale=1.44").warnings()).isEmpty();
    }

    @Test
    void run_overloadedMmc_warnsOfTheStationOnly() throws ScenarioException {
        // demand_scale 1.3: 26 trains/day offered to 24/day of service
        List<Warning> warnings = run(MMC, "demand_scale=1.3").warnings();

        assertThat(warnings).isNotEmpty();
        assertThat(warnings).extracting(Warning::id).containsOnly("S");
        assertThat(warnings).extracting(Warning::kind).contains(OverloadCheck.UTILIZATION,
                OverloadCheck.QUEUE_GROWTH);
        assertThat(warnings.get(0).message()).startsWith("node S (Station): ")
                .contains("of 6 replications");
    }

    @Test
    void run_overloadedSeries_namesTheSlowerStation() throws ScenarioException {
        List<Warning> warnings = run(SERIES, "demand_scale=1.8").warnings();

        assertThat(warnings).extracting(Warning::id).containsOnly("S2");
    }

    @Test
    void run_quotaBelowDemand_queueGrowthAtTheBorder() throws ScenarioException {
        List<Warning> warnings = run(QUOTA).warnings();

        // 12 offered, 10 handed over a day: the queue gains about 2 trains a day
        assertThat(warnings).extracting(Warning::kind, Warning::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OverloadCheck.QUEUE_GROWTH,
                        "B"));
    }

    @Test
    void run_quotaAboveDemand_noWarning() throws ScenarioException {
        assertThat(run(QUOTA, "network.nodes.B.quota=14/day").warnings()).isEmpty();
    }
}
