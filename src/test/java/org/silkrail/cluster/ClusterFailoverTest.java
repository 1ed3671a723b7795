package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.silkrail.experiment.LocalSweepBackend;
import org.silkrail.experiment.SweepPlan;
import org.silkrail.experiment.SweepRow;

/**
 * Workers that die mid-sweep lose nothing: the rows are those of the local sweep, each once.
 * Workers die as a killed process would ({@code terminate()}: no goodbye to the cluster).
 */
class ClusterFailoverTest {

    @Test
    void run_workerTerminatedInsideATask_rowsOfTheLocalSweepEachOnce() throws Exception {
        SweepPlan plan = TestPlans.corridor("failover", 400, 8);
        List<SweepRow> local = new ArrayList<>();
        new LocalSweepBackend(2).run(plan, Set.of(), local::add);

        try (LoopbackCluster cluster = LoopbackCluster.start("failover-test", 3, 1)) {
            List<SweepRow> rows = Collections.synchronizedList(new ArrayList<>());
            List<SweepWorker> killed = new ArrayList<>();
            cluster.coordinator().run(plan, Set.of(), row -> {
                rows.add(row);
                // at the first row, kill a worker that is inside a task (the others are too)
                for (SweepWorker w : cluster.workers) {
                    if (killed.isEmpty() && w.tasksStarted() > w.tasksFinished()) {
                        w.terminate();
                        killed.add(w);
                    }
                }
            });

            assertThat(killed).as("a worker was killed inside a task").hasSize(1);
            assertThat(rows).hasSize(plan.taskCount());
            assertThat(ClusterSweepBackendTest.byKey(rows))
                    .isEqualTo(ClusterSweepBackendTest.byKey(local));
        }
    }

    /**
     * With no backup to take over — the only worker dies — the coordinator waits, a new worker
     * starts on the dead one's port and finds the coordinator at its listed port, and the
     * coordinator ships the plan again and resubmits what was lost.
     */
    @Test
    void run_onlyWorkerKilledAndAnotherStarted_rowsEachOnce() throws Exception {
        SweepPlan plan = TestPlans.corridor("sole-worker", 200, 4);
        List<SweepRow> local = new ArrayList<>();
        new LocalSweepBackend(2).run(plan, Set.of(), local::add);

        // the worker takes the first listed port, the coordinator the second
        try (LoopbackCluster cluster = LoopbackCluster.start("sole-worker-test", 1, 1, 2)) {
            SweepWorker first = cluster.workers.get(0);
            ClusterSweepBackend coordinator = cluster.coordinator();
            assertThat(coordinator.settings().port())
                    .isEqualTo(cluster.members.members().get(1).port());
            List<SweepRow> rows = Collections.synchronizedList(new ArrayList<>());
            coordinator.run(plan, Set.of(), row -> {
                rows.add(row);
                if (first.member().getLifecycleService().isRunning()) {
                    first.terminate();
                    cluster.workers.add(SweepWorker.start(cluster.workerSettings(1)));
                }
            });

            assertThat(cluster.workers.get(1).settings().port()).as("the dead worker's port")
                    .isEqualTo(first.settings().port());
            assertThat(coordinator.retries()).as("tasks submitted again").isPositive();
            assertThat(rows).hasSize(plan.taskCount());
            assertThat(ClusterSweepBackendTest.byKey(rows))
                    .isEqualTo(ClusterSweepBackendTest.byKey(local));
        }
    }
}
