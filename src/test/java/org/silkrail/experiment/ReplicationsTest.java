package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.silkrail.model.ReplicationResult;

class ReplicationsTest {

    @Test
    void run_fourThreadsVersusOne_sameValuesInIndexOrder() {
        List<ReplicationResult> serial = Replications.run(new FakeModel(20), 42, 9, 1,
                Replications.Progress.NONE);
        List<ReplicationResult> parallel = Replications.run(new FakeModel(20), 42, 9, 4,
                Replications.Progress.NONE);
        assertThat(parallel).hasSize(9);
        for (int r = 0; r < 9; r++) {
            assertThat(parallel.get(r).replication()).isEqualTo(r);
            assertThat(parallel.get(r).events()).isEqualTo(serial.get(r).events());
            assertThat(parallel.get(r).totals().transitDays())
                    .containsExactly(serial.get(r).totals().transitDays());
            assertThat(parallel.get(r).nodes()).isEqualTo(serial.get(r).nodes());
        }
    }

    @Test
    void run_differentSeeds_differentResults() {
        ReplicationResult a = Replications.run(new FakeModel(20), 1, 1, 1,
                Replications.Progress.NONE).get(0);
        ReplicationResult b = Replications.run(new FakeModel(20), 2, 1, 1,
                Replications.Progress.NONE).get(0);
        assertThat(a.totals().transitDays()).isNotEqualTo(b.totals().transitDays());
    }

    @Test
    void run_slowEarlyReplications_resultsStillByIndex() {
        // replication 0 finishes last: results must still be ordered by index, not completion
        Replications.Model slowFirst = (r, streams) -> {
            if (r == 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new FakeModel(5).runReplication(r, streams);
        };
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<ReplicationResult> results = Replications.run(slowFirst, 7, 4, 2,
                (r, done, total) -> threads.add(Thread.currentThread().getName()));
        assertThat(results).extracting(ReplicationResult::replication).containsExactly(0, 1, 2, 3);
        assertThat(threads).allMatch(name -> name.startsWith("silkrail-replication-"));
    }

    @Test
    void run_progress_reportsEveryReplicationOnce() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Set<Integer> counts = ConcurrentHashMap.newKeySet();
        Replications.run(new FakeModel(5), 3, 6, 3, (r, done, total) -> {
            seen.add(r);
            counts.add(done);
            assertThat(total).isEqualTo(6);
        });
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void run_failingReplication_reportsItsIndex() {
        Replications.Model failsAtTwo = (r, streams) -> {
            if (r == 2) {
                throw new IllegalStateException("boom");
            }
            return new FakeModel(5).runReplication(r, streams);
        };
        assertThatThrownBy(() -> Replications.run(failsAtTwo, 1, 5, 2, Replications.Progress.NONE))
                .isInstanceOf(Replications.ReplicationFailedException.class)
                .hasMessageContaining("replication 2")
                .hasRootCauseMessage("boom");
    }

    @Test
    void run_badArguments_failFast() {
        assertThatThrownBy(() -> Replications.run(new FakeModel(5), 1, 0, 1,
                Replications.Progress.NONE)).hasMessageContaining("replications=0");
        assertThatThrownBy(() -> Replications.run(new FakeModel(5), 1, 2, 0,
                Replications.Progress.NONE)).hasMessageContaining("threads=0");
    }
}
