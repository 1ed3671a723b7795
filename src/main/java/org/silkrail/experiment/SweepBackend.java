package org.silkrail.experiment;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the tasks of a sweep somewhere — threads of this process ({@link LocalSweepBackend}) or
 * the members of a cluster — and hands each finished row back. The coordinator that journals
 * rows is the same for every backend.
 *
 * <p>Contract, shared by every implementation: each task of {@code plan} whose key is not in
 * {@code done} is evaluated by a {@link SweepEvaluator} of the plan (so its row depends only on
 * the task) and passed to {@code onRow} exactly once; tasks in {@code done} are never run.
 * {@code onRow} may be called from several threads, also at once. A backend never writes files.
 */
public interface SweepBackend {

    /**
     * Runs the missing tasks and returns when every one of them has been passed to
     * {@code onRow}, or after {@link #stop()}.
     *
     * @throws SweepFailedException if a task failed; tasks not yet started are not started
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    void run(SweepPlan plan, Set<TaskKey> done, Consumer<SweepRow> onRow)
            throws InterruptedException;

    /**
     * Stops scheduling: no new task starts, tasks in flight are abandoned (their rows may or may
     * not still arrive), and {@link #run} returns soon. Safe to call from any thread, e.g. a
     * shutdown hook, and more than once.
     */
    void stop();

    /** A task threw: which one, and why. */
    final class SweepFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final TaskKey key;

        public SweepFailedException(TaskKey key, Throwable cause) {
            super(key + " failed: " + cause, cause);
            this.key = key;
        }

        public TaskKey key() {
            return key;
        }
    }
}
