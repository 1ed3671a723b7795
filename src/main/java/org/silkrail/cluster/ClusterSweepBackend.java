package org.silkrail.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.durableexecutor.DurableExecutorServiceFuture;
import com.hazelcast.map.IMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.silkrail.experiment.SweepBackend;
import org.silkrail.experiment.SweepPlan;
import org.silkrail.experiment.SweepRow;
import org.silkrail.experiment.SweepTask;
import org.silkrail.experiment.TaskKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's tasks on the workers of a Hazelcast cluster: this process joins the cluster as
 * a lite member (holds no data, runs no task), ships the plan once into the cluster's plan map
 * under the SHA-256 of its bytes, and submits each missing (variant, replication) to the
 * durable executor, keyed by (plan hash, variant, replication) so tasks spread over the
 * partitions and hence over the workers.
 *
 * <p>Authentication. The plan goes into the map sealed with its HMAC ({@link PlanCodec#seal}),
 * each task carries its HMAC ({@link RemoteTask}), and an outcome is taken only if its HMAC
 * verifies with this coordinator's secret and the plan's hash: a row that does not verify is
 * refused and the sweep fails at once, since only a member without the secret, which knows the
 * cluster name, can have made it (and would answer a retry the same way).
 *
 * <p>Failover. The durable executor keeps each task on its partition's owner and one backup; if
 * the owner dies, the backup's member runs the task again and the coordinator's future follows
 * it there. A future that fails anyway (its member left before the backup had the task, the last
 * worker died, a plan died with its members) is retried: the task is submitted again, after
 * waiting for a worker and shipping the plan again if needed. A task may therefore run twice;
 * rows are a pure function of the task, and the coordinator hands each key to {@code onRow}
 * once, the first time it arrives, so no row is lost or duplicated.
 *
 * <p>Threading: rows are handed to {@code onRow} on the thread that called {@link #run}, in the
 * order they arrive. At most {@link #inFlightLimit four tasks per worker thread} are submitted
 * and not yet answered, so a sweep of any size holds little in the cluster and a stopped sweep
 * abandons little work.
 * One instance serves one sweep at a time; {@link #close} leaves the cluster.
 */
public final class ClusterSweepBackend implements SweepBackend, AutoCloseable {
    /**
     * Tasks submitted and not yet answered, per worker thread in the cluster: enough to keep
     * every thread busy although tasks go to workers by partition, not by free thread.
     */
    static final int IN_FLIGHT_PER_THREAD = 4;
    /** The least in flight, whatever the workers announce. */
    static final int MIN_IN_FLIGHT = 16;
    /** Failed attempts of one task (member failures, not task errors) before the sweep fails. */
    static final int MAX_ATTEMPTS = 10;
    private static final long POLL_MILLIS = 100;
    /** How long the coordinator waits for a first worker before it warns, once. */
    private static final long WARN_NO_WORKER_MILLIS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ClusterSweepBackend.class);

    private final MemberSettings settings;
    private volatile boolean stopped;
    private HazelcastInstance member;
    private final AtomicInteger retries = new AtomicInteger();

    /** A backend that joins the cluster of {@code settings} when it first runs. */
    public ClusterSweepBackend(MemberSettings settings) {
        this.settings = settings;
    }

    /** The coordinator's settings (cluster name, its address). */
    public MemberSettings settings() {
        return settings;
    }

    @Override
    public void run(SweepPlan plan, Set<TaskKey> done, Consumer<SweepRow> onRow)
            throws InterruptedException {
        Deque<SweepTask> queue = new ArrayDeque<>();
        for (SweepTask task : plan.tasks()) {
            if (!done.contains(task.key())) {
                queue.add(task);
            }
        }
        int needed = queue.size();
        if (needed == 0 || stopped) {
            return;
        }
        HazelcastInstance hz = join();
        if (!awaitWorker(hz)) {
            return;
        }
        ClusterSecret secret = settings.secret();
        byte[] encoded = PlanCodec.encode(plan);
        String hash = PlanCodec.sha256(encoded);
        byte[] bytes = PlanCodec.seal(secret, encoded);
        IMap<String, byte[]> plans = hz.getMap(MemberConfigs.PLANS);
        plans.set(hash, bytes);
        DurableExecutorService executor = hz.getDurableExecutorService(MemberConfigs.EXECUTOR);

        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        PriorityQueue<Retry> retryQueue = new PriorityQueue<>();
        Set<TaskKey> delivered = new HashSet<>();
        Map<TaskKey, Integer> failures = new HashMap<>();
        int inFlight = 0;
        while (delivered.size() < needed && !stopped) {
            UUID self = hz.getCluster().getLocalMember().getUuid();
            long now = System.nanoTime();
            while (!retryQueue.isEmpty() && retryQueue.peek().dueNanos() <= now) {
                SweepTask again = retryQueue.poll().task();
                if (!delivered.contains(again.key())) {
                    queue.addFirst(again);
                }
            }
            int limit = inFlightLimit(hz.getCluster().getMembers());
            while (inFlight < limit && !queue.isEmpty() && !stopped) {
                submit(executor, secret, hash, self, queue.poll(), arrivals);
                inFlight++;
            }
            Arrival a = arrivals.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (a == null) {
                continue;
            }
            inFlight--;
            TaskKey key = a.task().key();
            if (a.error() == null && !a.outcome().verifies(secret, hash)) {
                log.warn("refused the result of {}: its MAC does not verify with this sweep's"
                        + " secret; a member without the secret is in cluster {}", key,
                        settings.label());
                throw new SweepFailedException(key, new ForgedResultException("its result was"
                        + " refused: the MAC does not verify with this sweep's secret (a member"
                        + " that knows the cluster name but not the secret is in the cluster)"));
            }
            if (a.error() != null || a.outcome().kind() == TaskOutcome.Kind.MISSING_PLAN
                    || a.outcome().kind() == TaskOutcome.Kind.ABANDONED) {
                if (stopped || delivered.contains(key)) {
                    continue;
                }
                Throwable why = a.error() != null ? a.error()
                        : new IllegalStateException(a.outcome().kind()
                                == TaskOutcome.Kind.ABANDONED ? "the worker did not see this"
                                + " coordinator in the cluster" : "no worker holds the plan"
                                + " any more");
                if (!hz.getLifecycleService().isRunning()) {
                    throw new ClusterException("the coordinator's cluster member stopped", why);
                }
                int n = failures.merge(key, 1, Integer::sum);
                if (n >= MAX_ATTEMPTS) {
                    throw new SweepFailedException(key, why);
                }
                retries.incrementAndGet();
                log.info("{}: attempt {} failed, submitting it again: {}", key, n, why.toString());
                if (!awaitWorker(hz)) {
                    break;
                }
                if (a.error() == null && a.outcome().kind() == TaskOutcome.Kind.MISSING_PLAN) {
                    ship(plans, hash, bytes);
                }
                retryQueue.add(new Retry(System.nanoTime() + backoffNanos(n), a.task()));
                continue;
            }
            if (a.outcome().kind() == TaskOutcome.Kind.FAILED) {
                throw new SweepFailedException(key, new RemoteTaskException(a.outcome().message()));
            }
            if (delivered.add(key) && !stopped) {
                onRow.accept(a.outcome().toRow());
            }
            dispose(executor, a.taskId());
        }
        if (!stopped) {
            try {
                plans.delete(hash);
            } catch (RuntimeException e) {
                log.debug("plan {} not deleted: {}", hash, e.toString());
            }
        }
    }

    /**
     * How many tasks to keep submitted: {@link #IN_FLIGHT_PER_THREAD} per thread the workers
     * announce, at least {@link #MIN_IN_FLIGHT}.
     */
    static int inFlightLimit(Set<Member> members) {
        int threads = 0;
        for (Member m : members) {
            if (!m.isLiteMember()) {
                String announced = m.getAttribute(MemberConfigs.THREADS_ATTRIBUTE);
                try {
                    threads += announced == null ? 1 : Math.max(1, Integer.parseInt(announced));
                } catch (NumberFormatException e) {
                    threads += 1;
                }
            }
        }
        return Math.max(MIN_IN_FLIGHT, IN_FLIGHT_PER_THREAD * threads);
    }

    /**
     * Pause before attempt {@code failures + 1}: 0.5 s, 1 s, … up to 5 s, so that a task does
     * not use up its attempts while the cluster is still taking in a member's departure.
     */
    static long backoffNanos(int failures) {
        return Math.min(failures * 500L, 5_000L) * 1_000_000L;
    }

    /** Puts the plan again; a failure here shows again as the retried task's failure. */
    private static void ship(IMap<String, byte[]> plans, String hash, byte[] bytes) {
        try {
            plans.set(hash, bytes);
        } catch (RuntimeException e) {
            log.info("plan not shipped again yet: {}", e.toString());
        }
    }

    private static void submit(DurableExecutorService executor, ClusterSecret secret,
            String hash, UUID self, SweepTask task, BlockingQueue<Arrival> arrivals) {
        // the UUID of the moment: a split-brain merge gives the coordinator a new one
        RemoteTask remote = new RemoteTask(secret, hash, task, self);
        DurableExecutorServiceFuture<TaskOutcome> future;
        try {
            future = executor.submitToKeyOwner(remote, remote.partitionKey());
        } catch (RuntimeException e) {
            arrivals.add(new Arrival(task, -1, null, e));
            return;
        }
        long taskId = future.getTaskId();
        future.whenComplete((outcome, error) -> arrivals.add(
                new Arrival(task, taskId, outcome, error == null ? null : unwrap(error))));
    }

    /** Frees the result's slot in the durable executor; a lost result needs no freeing. */
    private static void dispose(DurableExecutorService executor, long taskId) {
        try {
            executor.disposeResult(taskId);
        } catch (RuntimeException e) {
            log.debug("result of task {} not disposed: {}", taskId, e.toString());
        }
    }

    /** Waits until a member that runs tasks is in the cluster; false if stopped meanwhile. */
    private boolean awaitWorker(HazelcastInstance hz) throws InterruptedException {
        long start = System.nanoTime();
        boolean warned = false;
        while (!stopped) {
            if (!hz.getLifecycleService().isRunning()) {
                throw new ClusterException("the coordinator's cluster member stopped", null);
            }
            for (Member m : hz.getCluster().getMembers()) {
                if (!m.isLiteMember()) {
                    return true;
                }
            }
            if (!warned && System.nanoTime() - start > WARN_NO_WORKER_MILLIS * 1_000_000) {
                log.warn("no worker in cluster {} yet: start `silkrail worker --cluster {}`"
                        + " on the workers' hosts, with this sweep's id (or --cluster-name) and"
                        + " the same secret (a worker with another secret forms a cluster of"
                        + " its own)", settings.label(), settings.members());
                warned = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    private synchronized HazelcastInstance join() {
        if (member == null) {
            try {
                member = Hazelcast.newHazelcastInstance(MemberConfigs.coordinator(settings));
            } catch (RuntimeException e) {
                throw new ClusterException("cannot join cluster " + settings.label()
                        + " as " + settings.address() + ": " + e.getMessage(), e);
            }
        }
        return member;
    }

    /** Tasks submitted again after a failed attempt, over every run of this backend. */
    int retries() {
        return retries.get();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    /** Leaves the cluster. Tasks in flight keep running on the workers; their rows are lost. */
    @Override
    public synchronized void close() {
        stopped = true;
        if (member != null) {
            member.shutdown();
            member = null;
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private record Arrival(SweepTask task, long taskId, TaskOutcome outcome, Throwable error) {
    }

    private record Retry(long dueNanos, SweepTask task) implements Comparable<Retry> {
        @Override
        public int compareTo(Retry o) {
            return Long.compare(dueNanos, o.dueNanos);
        }
    }

    /** A task's result did not verify: forged or altered, and refused. */
    public static final class ForgedResultException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForgedResultException(String message) {
            super(message);
        }
    }

    /** A task threw on a worker; the worker's exception as text. */
    public static final class RemoteTaskException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteTaskException(String message) {
            super(message);
        }
    }
}
