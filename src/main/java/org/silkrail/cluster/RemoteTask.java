package org.silkrail.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.silkrail.experiment.SweepEvaluator;
import org.silkrail.experiment.SweepTask;

/**
 * One (variant, replication) of a sweep as the durable executor carries it: the
 * {@link SweepTask} and the hash of the plan it belongs to. Runs on a worker, which reads the
 * plan from the cluster's plan map once and evaluates the task from that content alone.
 *
 * <p>Idempotent: the outcome is a pure function of (plan hash, task), so running it twice — the
 * durable executor re-runs a task whose member died before its result was backed up, and the
 * coordinator resubmits a task whose future failed — yields the same row twice, of which the
 * coordinator keeps the first.
 *
 * <p>A worker skips a task whose coordinator has left the cluster (killed, or stopped with
 * Ctrl-C): the durable executor would otherwise run every queued task of a dead coordinator,
 * delaying the tasks of the coordinator restarted with {@code --resume}.
 */
final class RemoteTask implements Callable<TaskOutcome>, IdentifiedDataSerializable,
        HazelcastInstanceAware {
    private String planHash;
    private SweepTask task;
    /** The coordinator member's UUID: a task whose coordinator left is not worth running. */
    private UUID coordinator;
    private transient HazelcastInstance member;

    /** For {@link WireTypes} only. */
    RemoteTask() {
    }

    RemoteTask(String planHash, SweepTask task, UUID coordinator) {
        this.planHash = planHash;
        this.task = task;
        this.coordinator = coordinator;
    }

    /** Where the durable executor runs the task: a key spreading tasks over the partitions. */
    String partitionKey() {
        return planHash + "/" + task.variant() + "/" + task.replication();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.member = hazelcastInstance;
    }

    @Override
    public TaskOutcome call() {
        WorkerPlans plans = WorkerPlans.of(member);
        if (!coordinatorPresent()) {
            // its coordinator died or was stopped: nobody would read the row, and a restarted
            // coordinator (--resume) submits the task again itself
            plans.abandoned();
            return TaskOutcome.abandoned(task.key());
        }
        // a failure to read the plan (members leaving) propagates: the coordinator retries
        SweepEvaluator evaluator = plans.evaluator(planHash);
        if (evaluator == null) {
            return TaskOutcome.missingPlan(task.key());
        }
        plans.started();
        try {
            return TaskOutcome.row(evaluator.evaluate(task));
        } catch (RuntimeException e) {
            return TaskOutcome.failed(task.key(), e.toString());
        } finally {
            plans.finished();
        }
    }

    private boolean coordinatorPresent() {
        for (Member m : member.getCluster().getMembers()) {
            if (m.getUuid().equals(coordinator)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getFactoryId() {
        return WireTypes.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return WireTypes.REMOTE_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(planHash);
        out.writeLong(coordinator.getMostSignificantBits());
        out.writeLong(coordinator.getLeastSignificantBits());
        out.writeInt(task.variant());
        out.writeStringArray(task.overrides().toArray(new String[0]));
        out.writeInt(task.replication());
        out.writeLong(task.rootSeed());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        planHash = in.readString();
        coordinator = new UUID(in.readLong(), in.readLong());
        int variant = in.readInt();
        List<String> overrides = Arrays.asList(in.readStringArray());
        int replication = in.readInt();
        long rootSeed = in.readLong();
        try {
            task = new SweepTask(variant, overrides, replication, rootSeed);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("bad task: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RemoteTask[plan=" + planHash.substring(0, Math.min(12, planHash.length()))
                + ", " + task.key() + "]";
    }
}
