package org.silkrail.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.util.concurrent.CountDownLatch;

/**
 * A cluster member that runs sweep tasks: {@code silkrail worker}. It holds a share of the
 * cluster's partitions — durable tasks, their backups and the plans — and runs the tasks of its
 * partitions on {@link MemberSettings#threads()} threads. It serves any sweep whose coordinator
 * joins its cluster, one after another, until it is shut down.
 *
 * <p>Stopping: {@link #shutdown()} leaves gracefully, handing its partitions to the other
 * members first (the worker command calls it on SIGTERM and Ctrl-C); a killed worker loses
 * nothing either, since every task and plan has a backup on another member (when there is one).
 */
public final class SweepWorker implements AutoCloseable {
    private final HazelcastInstance member;
    private final MemberSettings settings;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final WorkerPlans plans;

    private SweepWorker(HazelcastInstance member, MemberSettings settings) {
        this.member = member;
        this.settings = settings;
        this.plans = WorkerPlans.of(member);
        member.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        if (!member.getLifecycleService().isRunning()) {
            stopped.countDown();
        }
    }

    /**
     * Starts a worker and returns once it has joined (or formed) its cluster.
     *
     * @throws ClusterException if the member cannot start, e.g. its port is taken
     */
    public static SweepWorker start(MemberSettings settings) {
        try {
            return new SweepWorker(Hazelcast.newHazelcastInstance(MemberConfigs.worker(settings)),
                    settings);
        } catch (RuntimeException e) {
            throw new ClusterException("cannot start a worker of cluster " + settings.label()
                    + " on " + settings.address() + ": " + e.getMessage(), e);
        }
    }

    public MemberSettings settings() {
        return settings;
    }

    /** Members of the cluster now, this one and the coordinator included. */
    public int clusterSize() {
        return member.getCluster().getMembers().size();
    }

    /** Tasks this worker has begun, and finished, since it started. */
    public long tasksStarted() {
        return plans.tasksStarted();
    }

    public long tasksFinished() {
        return plans.tasksFinished();
    }

    /** Tasks this worker skipped because their coordinator had left the cluster. */
    public long tasksAbandoned() {
        return plans.tasksAbandoned();
    }

    /** Blocks until this worker has stopped. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Leaves gracefully: partitions move to the other members first. */
    public void shutdown() {
        member.shutdown();
    }

    /** Dies at once, as a killed process would, for failover tests. */
    void terminate() {
        member.getLifecycleService().terminate();
    }

    /** The Hazelcast member, for tests in this package. */
    HazelcastInstance member() {
        return member;
    }

    @Override
    public void close() {
        if (member.getLifecycleService().isRunning()) {
            shutdown();
        }
    }
}
