package org.silkrail.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
 */
final class RemoteTask implements Callable<TaskOutcome>, IdentifiedDataSerializable,
        HazelcastInstanceAware {
    private String planHash;
    private SweepTask task;
    private transient HazelcastInstance member;

    /** For {@link WireTypes} only. */
    RemoteTask() {
    }

    RemoteTask(String planHash, SweepTask task) {
        this.planHash = planHash;
        this.task = task;
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
        out.writeInt(task.variant());
        out.writeStringArray(task.overrides().toArray(new String[0]));
        out.writeInt(task.replication());
        out.writeLong(task.rootSeed());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        planHash = in.readString();
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
