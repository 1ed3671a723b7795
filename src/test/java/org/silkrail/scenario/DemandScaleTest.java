package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.Network;

/** {@code demand_scale}: what it multiplies, from a file, {@code --set} and a sweep. */
class DemandScaleTest {
    static final Path BASE = OverridesTest.BASE;

    @Test
    void set_demandScale_multipliesPoissonRateAndEveryFrequency() throws ScenarioException {
        ModelSpec model = OverridesTest.load(BASE, "demand_scale=1.5");

        // base.yaml: a-d poisson(4/day), a-c every(1d)
        assertThat(model.demand().get("a-d").trains()).isEqualTo(
                new ArrivalSpec.Poisson(4 * 1.5 / SimTime.DAY));
        assertThat(model.demand().get("a-c").trains()).isEqualTo(
                new ArrivalSpec.Every(16 * SimTime.HOUR));
    }

    @Test
    void set_demandScale_leavesBackgroundFlowsAsWritten() throws ScenarioException {
        ModelSpec model = OverridesTest.load(BASE, "demand_scale=1.5",
                "demand.a-c.background=true", "demand.a-c.priority=-1");

        // the corridor's a-d grows, the background a-c keeps every(1d), priority and flag
        assertThat(model.demand().get("a-d").trains()).isEqualTo(
                new ArrivalSpec.Poisson(4 * 1.5 / SimTime.DAY));
        assertThat(model.demand().get("a-c").trains()).isEqualTo(
                new ArrivalSpec.Every(SimTime.DAY));
        assertThat(model.demand().get("a-c").background()).isTrue();
        assertThat(model.demand().get("a-c").priority()).isEqualTo(-1);
    }

    @Test
    void set_demandScale_keepsEveryOtherFieldOfTheFlows() throws ScenarioException {
        ModelSpec base = ScenarioLoader.load(Path.of("scenarios/baseline-2025.yaml")).model();
        ModelSpec scaled = ScenarioLoader.load(Path.of("scenarios/baseline-2025.yaml"),
                List.of("demand_scale=2")).model();

        assertThat(base.demand().values()).anySatisfy(f -> assertThat(f.emptyTeu()).isNotNull());
        base.demand().forEach((id, f) -> {
            var s = scaled.demand().get(id);
            assertThat(s.emptyTeu()).as(id).isEqualTo(f.emptyTeu());
            assertThat(s.direction()).as(id).isEqualTo(f.direction());
            assertThat(s.teu()).as(id).isEqualTo(f.teu());
            assertThat(s.route()).as(id).isEqualTo(f.route());
            assertThat(s.priority()).as(id).isEqualTo(f.priority());
            assertThat(s.background()).as(id).isEqualTo(f.background());
        });
    }

    @Test
    void load_withoutDemandScale_sameModelAsScaleOne() throws ScenarioException {
        assertThat(OverridesTest.load(BASE, "demand_scale=1"))
                .isEqualTo(OverridesTest.load(BASE));
    }

    @Test
    void scale_repeatingSchedule_runsFasterKeepingItsShape() {
        ArrivalSpec weekly = new ArrivalSpec.Schedule(new long[] {0, 30 * SimTime.HOUR,
            2 * SimTime.DAY}, 7 * SimTime.DAY);

        ArrivalSpec scaled = DemandScale.scale(weekly, 2);

        assertThat(scaled).isEqualTo(new ArrivalSpec.Schedule(new long[] {0, 15 * SimTime.HOUR,
            SimTime.DAY}, 84 * SimTime.HOUR));
        assertThat(scaled.meanRatePerSecond()).isEqualTo(2 * weekly.meanRatePerSecond());
    }

    @Test
    void scale_oneOffSchedule_unchanged() {
        ArrivalSpec once = new ArrivalSpec.Schedule(new long[] {0, SimTime.DAY}, 0);

        assertThat(DemandScale.scale(once, 3)).isEqualTo(once);
    }

    @Test
    void scale_timeAtTheEndOfTheCycle_staysInsideTheCycle() {
        ArrivalSpec schedule = new ArrivalSpec.Schedule(new long[] {0, 99}, 100);

        ArrivalSpec.Schedule scaled = (ArrivalSpec.Schedule) DemandScale.scale(schedule, 3);

        assertThat(scaled.cycleSeconds()).isEqualTo(33);
        assertThat(scaled.timesSeconds()).containsExactly(0, 32);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void apply_nonPositiveOrNonFinite_throws(double scale) throws ScenarioException {
        ModelSpec model = OverridesTest.load(BASE);

        assertThatThrownBy(() -> DemandScale.apply(model, scale))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale=");
    }

    @Test
    void set_demandScaleNotPositive_reportedAtTheSetOption() {
        assertThat(OverridesTest.problems(BASE, "demand_scale=-2"))
                .containsExactly("--set:1:14: demand_scale: must be above 0, got -2");
    }

    @Test
    void runReplication_doubleScale_sameTrainsInHalfTheTime() throws ScenarioException {
        // common random numbers: scale 2 draws the same gaps from the same stream and halves
        // each, so by day 100 it has generated exactly the trains scale 1 generates by day 200
        // (a-c, every 1d, removed so that the count is the Poisson flow's alone)
        ModelSpec one = OverridesTest.load(BASE, "demand.a-c=null", "horizon=200d");
        ModelSpec two = OverridesTest.load(BASE, "demand.a-c=null", "horizon=100d",
                "demand_scale=2");

        for (int replication = 0; replication < 3; replication++) {
            assertThat(run(two, replication).totals().trainsGeneratedAll())
                    .as("replication %d", replication)
                    .isEqualTo(run(one, replication).totals().trainsGeneratedAll());
        }
    }

    private static ReplicationResult run(ModelSpec spec, int replication) {
        return new RailModel(spec, Network.build(spec.network()).compile())
                .runReplication(replication, new RandomStreams(spec.run().seed()));
    }

    @Test
    void sweep_varyingDemandScale_loadsEveryVariant() throws ScenarioException {
        SweepFile sweep = SweepLoader.load(Path.of("src/test/resources/sweep/demand-scale.yaml"));

        assertThat(sweep.variants()).extracting(SweepFile.Variant::values).containsExactly(
                List.of("0.5"), List.of("1"), List.of("1.5"));
        assertThat(sweep.variants().get(2).overrides()).containsExactly("demand_scale=1.5");
    }
}
