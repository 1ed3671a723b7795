package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.silkrail.experiment.LocalSweepBackend;
import org.silkrail.experiment.SweepBackend;
import org.silkrail.experiment.SweepBackendContract;
import org.silkrail.experiment.SweepPlan;
import org.silkrail.experiment.SweepRow;
import org.silkrail.experiment.TaskKey;

/**
 * The backend contract and the local sweep's rows, on three workers and a coordinator in this
 * JVM on loopback. One cluster serves every test of the class; the coordinator serves sweep
 * after sweep, as a long-lived one would.
 */
class ClusterSweepBackendTest extends SweepBackendContract {
    private static LoopbackCluster cluster;
    private static ClusterSweepBackend coordinator;

    @BeforeAll
    static void startCluster() {
        cluster = LoopbackCluster.start("cluster-backend-test", 3, 2);
        coordinator = cluster.coordinator();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Override
    protected SweepBackend backend() {
        return coordinator;
    }

    @Test
    void run_threeWorkers_rowsOfTheLocalSweepEachOnce() throws Exception {
        SweepPlan plan = TestPlans.corridor("three-workers", 60, 4);
        List<SweepRow> local = new ArrayList<>();
        new LocalSweepBackend(2).run(plan, Set.of(), local::add);
        List<SweepRow> remote = Collections.synchronizedList(new ArrayList<>());
        coordinator.run(plan, Set.of(), remote::add);

        assertThat(remote).hasSize(plan.taskCount());
        assertThat(byKey(remote)).isEqualTo(byKey(local));
        long ran = 0;
        int busy = 0;
        for (SweepWorker w : cluster.workers) {
            ran += w.tasksFinished();
            busy += w.tasksFinished() > 0 ? 1 : 0;
        }
        assertThat(busy).as("workers that ran tasks").isGreaterThan(1);
        assertThat(ran).as("tasks run, this sweep's included").isGreaterThanOrEqualTo(
                plan.taskCount());
    }

    @Test
    void run_taskThrowsOnAWorker_failsNamingTheTask() throws Exception {
        SweepPlan good = TestPlans.corridor("bad", 20, 1);
        // a variant the sweep command would have refused: the worker cannot build its model
        SweepPlan bad = new SweepPlan("bad", good.base(), good.parameters(), List.of(
                new SweepPlan.Variant(0, List.of("x"), List.of("network.nodes.DOS.servers=x"))),
                1, 1, good.metrics());
        assertThatThrownBy(() -> coordinator.run(bad, Set.of(), r -> { }))
                .isInstanceOf(SweepBackend.SweepFailedException.class)
                .hasMessageContaining("variant 0 replication 0")
                .hasMessageContaining("servers");
    }

    @Test
    void inFlightLimit_fourPerAnnouncedWorkerThread() {
        var members = cluster.workers.get(0).member().getCluster().getMembers();
        // three workers of two threads; the coordinator, a lite member, runs none
        assertThat(ClusterSweepBackend.inFlightLimit(members)).isEqualTo(4 * 3 * 2);
    }

    @Test
    void javaDeserialization_classOutsideTheAllowList_refused() {
        HazelcastInstance a = cluster.workers.get(0).member();
        HazelcastInstance b = cluster.workers.get(1).member();
        a.getMap("filter-test").set("k", new Gadget("payload"));
        assertThatThrownBy(() -> b.getMap("filter-test").get("k"))
                .isInstanceOf(HazelcastSerializationException.class)
                .rootCause().hasMessageContaining(Gadget.class.getName())
                .hasMessageContaining("not allowed");
    }

    /** Stands for any Serializable class a peer could name: not on the allow-list. */
    record Gadget(String value) implements Serializable {
    }

    static TreeMap<TaskKey, SweepRow> byKey(List<SweepRow> rows) {
        TreeMap<TaskKey, SweepRow> map = new TreeMap<>();
        for (SweepRow r : rows) {
            assertThat(map.put(r.key(), r.withoutTiming())).as("duplicate %s", r.key()).isNull();
        }
        return map;
    }
}
