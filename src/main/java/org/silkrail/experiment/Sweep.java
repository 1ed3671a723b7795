package org.silkrail.experiment;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The coordinator of a sweep: hands the runs its journal lacks to a backend and journals each
 * row as it arrives. The same for every backend — local threads or a cluster.
 *
 * <p>Rows are journalled one at a time (the journal is synchronized), whatever thread the backend
 * delivers them on; {@code afterWrite} (progress) is told of each after it is on disk.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * What a sweep did.
     *
     * @param kept rows found on resume
     * @param ran rows added by this run
     * @param total runs in the plan
     */
    public record Outcome(int kept, int ran, int total) {
        public boolean complete() {
            return kept + ran == total;
        }
    }

    /**
     * Runs every (variant, replication) of {@code plan} that {@code journal} has no row for.
     *
     * @throws SweepBackend.SweepFailedException if a run failed (the rows before it are kept)
     * @throws InterruptedException if interrupted while waiting for the backend
     */
    public static Outcome run(SweepPlan plan, SweepJournal journal, SweepBackend backend,
            Consumer<SweepRow> afterWrite) throws InterruptedException {
        Objects.requireNonNull(afterWrite, "afterWrite");
        AtomicInteger ran = new AtomicInteger();
        backend.run(plan, journal.done(), row -> {
            journal.append(row);
            ran.incrementAndGet();
            afterWrite.accept(row);
        });
        return new Outcome(journal.kept(), ran.get(), plan.taskCount());
    }
}
