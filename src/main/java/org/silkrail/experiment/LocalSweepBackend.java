package org.silkrail.experiment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a sweep's tasks on a fixed pool of threads of this process, one replication per task.
 *
 * <p>Threads are daemons named {@code silkrail-sweep-N}, so runs in flight never keep the JVM
 * alive after Ctrl-C. Rows are handed to {@code onRow} on the thread that called {@link #run},
 * in finishing order; {@link SweepPlan} order decides only the start order. One instance runs one
 * sweep at a time.
 */
public final class LocalSweepBackend implements SweepBackend {
    /** How often a waiting {@link #run} looks whether {@link #stop} was called. */
    private static final long POLL_MILLIS = 100;

    private final int threads;
    private volatile boolean stopped;
    private volatile ExecutorService pool;

    /** @param threads worker threads, at least 1 */
    public LocalSweepBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need threads >= 1: threads=" + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    @Override
    public void run(SweepPlan plan, Set<TaskKey> done, Consumer<SweepRow> onRow)
            throws InterruptedException {
        SweepEvaluator evaluator = new SweepEvaluator(plan);
        ExecutorService executor = Executors.newFixedThreadPool(threads, new Daemons());
        pool = executor;
        try {
            CompletionService<SweepRow> completions = new ExecutorCompletionService<>(executor);
            Map<Future<SweepRow>, TaskKey> keys = new HashMap<>();
            for (SweepTask task : plan.tasks()) {
                if (stopped) {
                    return;
                }
                if (!done.contains(task.key())) {
                    keys.put(completions.submit(() -> evaluator.evaluate(task)), task.key());
                }
            }
            for (int remaining = keys.size(); remaining > 0 && !stopped; ) {
                Future<SweepRow> f = completions.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (f == null) {
                    continue;
                }
                remaining--;
                SweepRow row;
                try {
                    row = f.get();
                } catch (ExecutionException e) {
                    throw new SweepFailedException(keys.get(f), e.getCause());
                }
                if (!stopped) {
                    onRow.accept(row);
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Override
    public void stop() {
        stopped = true;
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(task, "silkrail-sweep-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}
