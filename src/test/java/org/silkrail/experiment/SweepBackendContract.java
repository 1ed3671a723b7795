package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.silkrail.scenario.ScenarioContent;
import org.silkrail.scenario.ScenarioException;

/**
 * The contract of {@link SweepBackend}, run against every implementation: each missing task
 * once, none of the done ones, rows equal to a serial evaluation. A backend's test extends this
 * class and supplies {@link #backend()} (the cluster backend's test does the same).
 */
public abstract class SweepBackendContract {

    /** A fresh backend for one sweep. */
    protected abstract SweepBackend backend();

    /**
     * The teaching corridor, 20 days of which 5 warm-up, Dostyk at 2 and 3 servers, 3
     * replications: 6 tasks that each run in milliseconds.
     */
    public static SweepPlan smallPlan() throws ScenarioException {
        ScenarioContent base = ScenarioContent.read(Path.of("scenarios/tiny-corridor.yaml"));
        List<SweepPlan.Variant> variants = new ArrayList<>();
        for (String servers : List.of("2", "3")) {
            variants.add(new SweepPlan.Variant(variants.size(), List.of(servers), List.of(
                    "horizon=20d", "warmup=5d", "network.nodes.DOS.servers=" + servers)));
        }
        var spec = base.load(List.of()).model();
        return new SweepPlan("small", base, List.of("network.nodes.DOS.servers"), variants, 3,
                42, MainMetrics.forSweep(spec, MainMetrics.keyNodes(spec)));
    }

    /** Rows of a plan evaluated one after another on this thread, by key. */
    static TreeMap<TaskKey, SweepRow> serialRows(SweepPlan plan) {
        SweepEvaluator evaluator = new SweepEvaluator(plan);
        TreeMap<TaskKey, SweepRow> rows = new TreeMap<>();
        for (SweepTask task : plan.tasks()) {
            rows.put(task.key(), evaluator.evaluate(task).withoutTiming());
        }
        return rows;
    }

    @Test
    void run_nothingDone_everyTaskOnceWithSerialRows() throws Exception {
        SweepPlan plan = smallPlan();
        List<SweepRow> rows = Collections.synchronizedList(new ArrayList<>());
        backend().run(plan, Set.of(), rows::add);

        TreeMap<TaskKey, SweepRow> byKey = new TreeMap<>();
        for (SweepRow row : rows) {
            assertThat(byKey.put(row.key(), row.withoutTiming())).as("duplicate %s", row.key())
                    .isNull();
        }
        assertThat(byKey).isEqualTo(serialRows(plan));
    }

    @Test
    void run_someDone_onlyTheMissingTasks() throws Exception {
        SweepPlan plan = smallPlan();
        Set<TaskKey> done = new HashSet<>(List.of(new TaskKey(0, 0), new TaskKey(1, 2)));
        List<TaskKey> ran = Collections.synchronizedList(new ArrayList<>());
        backend().run(plan, done, row -> ran.add(row.key()));

        Set<TaskKey> expected = new HashSet<>();
        plan.tasks().forEach(t -> expected.add(t.key()));
        expected.removeAll(done);
        assertThat(ran).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void run_allDone_runsNothing() throws Exception {
        SweepPlan plan = smallPlan();
        Set<TaskKey> done = new HashSet<>();
        plan.tasks().forEach(t -> done.add(t.key()));
        List<SweepRow> rows = new ArrayList<>();
        backend().run(plan, done, rows::add);
        assertThat(rows).isEmpty();
    }
}
