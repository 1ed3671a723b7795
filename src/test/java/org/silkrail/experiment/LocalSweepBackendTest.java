package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioLoader;

class LocalSweepBackendTest extends SweepBackendContract {

    @Override
    protected SweepBackend backend() {
        return new LocalSweepBackend(2);
    }

    @Test
    void run_oneAndTwoThreads_sameRows() throws Exception {
        SweepPlan plan = smallPlan();
        List<SweepRow> one = new ArrayList<>();
        List<SweepRow> two = new ArrayList<>();
        new LocalSweepBackend(1).run(plan, Set.of(), one::add);
        new LocalSweepBackend(2).run(plan, Set.of(), two::add);
        assertThat(two.stream().map(SweepRow::withoutTiming))
                .containsExactlyInAnyOrderElementsOf(
                        one.stream().map(SweepRow::withoutTiming).toList());
    }

    @Test
    void evaluate_fromContent_sameAsTheFilesWithSetOverrides() throws Exception {
        SweepPlan plan = smallPlan();
        SweepTask task = plan.task(new TaskKey(1, 2));
        SweepRow row = new SweepEvaluator(plan).evaluate(task);

        ModelSpec spec = ScenarioLoader.load(Path.of("scenarios/tiny-corridor.yaml"),
                task.overrides()).model();
        ReplicationResult direct = new RailModel(spec, Network.build(spec.network()).compile())
                .runReplication(2, new RandomStreams(42));
        assertThat(row.seed()).isEqualTo(direct.seed());
        for (int i = 0; i < plan.metrics().size(); i++) {
            assertThat(row.values().get(i)).as(plan.metrics().get(i).path())
                    .isEqualTo(plan.metrics().get(i).valueIn(direct));
        }
        assertThat(row.values().get(0)).as("teu_per_year").isPositive();
    }

    @Test
    void planAndRow_javaSerialization_roundTripEqual() throws Exception {
        SweepPlan plan = smallPlan();
        SweepRow row = new SweepEvaluator(plan).evaluate(plan.task(new TaskKey(0, 1)));
        assertThat(roundTrip(plan)).isEqualTo(plan);
        assertThat(roundTrip(row)).isEqualTo(row);
        assertThat(roundTrip(plan.task(new TaskKey(1, 0)))).isEqualTo(plan.task(new TaskKey(1, 0)));
    }

    @Test
    void run_taskFails_reportsItsKey() throws Exception {
        SweepPlan good = smallPlan();
        // a variant the coordinator would have refused: the evaluator cannot build its model
        SweepPlan bad = new SweepPlan("bad", good.base(), good.parameters(), List.of(
                new SweepPlan.Variant(0, List.of("x"), List.of("network.nodes.DOS.servers=x"))),
                1, 1, good.metrics());
        assertThatThrownBy(() -> new LocalSweepBackend(1).run(bad, Set.of(), r -> { }))
                .isInstanceOf(SweepBackend.SweepFailedException.class)
                .hasMessageContaining("variant 0 replication 0");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
