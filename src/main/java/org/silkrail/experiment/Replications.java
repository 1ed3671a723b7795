package org.silkrail.experiment;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.ReplicationResult;

/**
 * Runs the independent replications of one model, in parallel on a fixed pool of threads, with
 * results identical to a serial run.
 *
 * <p>Why identical: replication {@code r} draws only from the streams keyed by {@code r} of its
 * own {@code new RandomStreams(seed)}, shares nothing mutable with other replications (the model
 * is immutable), and its result is stored at index {@code r} — never in finishing order. So the
 * list returned for 1 thread and for 8 threads is the same, value for value; only
 * {@code wallSeconds} differs.
 *
 * <p>Parallelism lies across replications, never inside one (STYLE.md: no threads or locks in a
 * run). Threads are daemons named {@code silkrail-replication-N}; the pool is shut down before
 * {@link #run} returns. With one thread the replications run on the caller's thread.
 */
public final class Replications {
    private Replications() {
    }

    /** One replication of a model; {@code RailModel::runReplication} fits. */
    @FunctionalInterface
    public interface Model {
        /**
         * Simulates replication {@code replication} with random numbers only from
         * {@code streams} keyed by that replication. Must be safe to call from several threads.
         */
        ReplicationResult runReplication(int replication, RandomStreams streams);
    }

    /** Told of each finished replication; may be called from several threads at once. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (replication, done, total) -> { };

        /**
         * @param replication index of the replication that finished
         * @param done replications finished so far, this one included
         * @param total replications in the run
         */
        void finished(int replication, int done, int total);
    }

    /** A replication threw: which one, and why. */
    public static final class ReplicationFailedException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        private final int replication;

        ReplicationFailedException(int replication, Throwable cause) {
            super("replication " + replication + " failed: " + cause, cause);
            this.replication = replication;
        }

        public int replication() {
            return replication;
        }
    }

    /** The threads to use by default: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs replications {@code 0 … replications-1} and returns their results in index order.
     *
     * @param seed root seed; replication r uses {@code new RandomStreams(seed)} keyed by r
     * @param threads worker threads, at least 1 (no more than the replications are started)
     * @throws ReplicationFailedException if a replication throws; the lowest failed index is
     *     reported and the replications not yet started are cancelled
     */
    public static List<ReplicationResult> run(Model model, long seed, int replications,
            int threads, Progress progress) {
        if (replications < 1) {
            throw new IllegalArgumentException("need replications >= 1: replications="
                    + replications);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("need threads >= 1: threads=" + threads);
        }
        AtomicInteger done = new AtomicInteger();
        int poolSize = Math.min(threads, replications);
        if (poolSize == 1) {
            List<ReplicationResult> results = new ArrayList<>(replications);
            for (int r = 0; r < replications; r++) {
                results.add(runOne(model, seed, r, replications, done, progress));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, new Daemons());
        try {
            List<Future<ReplicationResult>> futures = new ArrayList<>(replications);
            for (int r = 0; r < replications; r++) {
                int replication = r;
                futures.add(pool.submit(
                        () -> runOne(model, seed, replication, replications, done, progress)));
            }
            List<ReplicationResult> results = new ArrayList<>(replications);
            for (int r = 0; r < replications; r++) {
                try {
                    results.add(futures.get(r).get());
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    Throwable cause = e.getCause();
                    throw cause instanceof ReplicationFailedException rfe ? rfe
                            : new ReplicationFailedException(r, cause);
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for replications", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ReplicationResult runOne(Model model, long seed, int replication, int total,
            AtomicInteger done, Progress progress) {
        ReplicationResult result;
        try {
            result = model.runReplication(replication, new RandomStreams(seed));
        } catch (RuntimeException | Error e) {
            throw new ReplicationFailedException(replication, e);
        }
        if (result == null || result.replication() != replication) {
            throw new IllegalStateException("model returned the wrong replication: expected="
                    + replication + " got=" + (result == null ? null : result.replication()));
        }
        progress.finished(replication, done.incrementAndGet(), total);
        return result;
    }

    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "silkrail-replication-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
