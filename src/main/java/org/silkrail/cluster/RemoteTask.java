package org.silkrail.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.silkrail.experiment.SweepEvaluator;
import org.silkrail.experiment.SweepTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Authenticated: the task carries the HMAC of its fields (domain {@code "task"}), made with the
 * coordinator's secret; a worker runs nothing whose MAC does not verify with its own, and signs
 * every outcome it sends back ({@link TaskOutcome#sign}). A member that joined with the cluster
 * name but without the secret can therefore neither have tasks run nor forge their rows.
 *
 * <p>A worker skips a task whose coordinator has left the cluster (killed, or stopped with
 * Ctrl-C): the durable executor would otherwise run every queued task of a dead coordinator,
 * delaying the tasks of the coordinator restarted with {@code --resume}.
 */
final class RemoteTask implements Callable<TaskOutcome>, IdentifiedDataSerializable,
        HazelcastInstanceAware {
    private static final Logger log = LoggerFactory.getLogger(RemoteTask.class);
    /** Longest MAC accepted from the wire; an HMAC-SHA256 tag has 32 bytes. */
    private static final int MAX_MAC_BYTES = 64;

    private String planHash;
    private SweepTask task;
    /** The coordinator member's UUID: a task whose coordinator left is not worth running. */
    private UUID coordinator;
    /** HMAC of {@link #signedBytes()} with the coordinator's secret. */
    private byte[] mac;
    private transient HazelcastInstance member;

    /** For {@link WireTypes} only. */
    RemoteTask() {
    }

    RemoteTask(ClusterSecret secret, String planHash, SweepTask task, UUID coordinator) {
        this.planHash = planHash;
        this.task = task;
        this.coordinator = coordinator;
        this.mac = secret.mac("task", signedBytes());
    }

    /** Every field but the MAC, in a fixed order: what the MAC authenticates. */
    private byte[] signedBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(planHash);
            out.writeLong(coordinator.getMostSignificantBits());
            out.writeLong(coordinator.getLeastSignificantBits());
            out.writeInt(task.variant());
            out.writeInt(task.overrides().size());
            for (String o : task.overrides()) {
                byte[] utf8 = o.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeInt(task.replication());
            out.writeLong(task.rootSeed());
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    String planHash() {
        return planHash;
    }

    SweepTask task() {
        return task;
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
        ClusterSecret secret = plans.secret();
        if (!secret.verifies("task", signedBytes(), mac)) {
            log.warn("refused {}: its MAC does not verify with this worker's secret (submitted"
                    + " by a member without the secret, or altered)", this);
            return TaskOutcome.failed(task.key(), "task refused: its MAC does not verify with"
                    + " the worker's secret").sign(secret, planHash);
        }
        if (!coordinatorPresent()) {
            // its coordinator died or was stopped: nobody would read the row, and a restarted
            // coordinator (--resume) submits the task again itself
            plans.abandoned();
            return TaskOutcome.abandoned(task.key()).sign(secret, planHash);
        }
        SweepEvaluator evaluator;
        try {
            // a failure to read the plan (members leaving) propagates: the coordinator retries
            evaluator = plans.evaluator(planHash);
        } catch (WorkerPlans.PlanRefusedException e) {
            log.warn("refused {}: {}", this, e.getMessage());
            return TaskOutcome.failed(task.key(), e.getMessage()).sign(secret, planHash);
        }
        if (evaluator == null) {
            return TaskOutcome.missingPlan(task.key()).sign(secret, planHash);
        }
        plans.started();
        TaskOutcome outcome;
        try {
            outcome = TaskOutcome.row(evaluator.evaluate(task));
        } catch (RuntimeException e) {
            outcome = TaskOutcome.failed(task.key(), e.toString());
        } finally {
            plans.finished();
        }
        return outcome.sign(secret, planHash);
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
        out.writeByteArray(mac);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        planHash = in.readString();
        coordinator = new UUID(in.readLong(), in.readLong());
        int variant = in.readInt();
        List<String> overrides = Arrays.asList(in.readStringArray());
        int replication = in.readInt();
        long rootSeed = in.readLong();
        mac = in.readByteArray();
        if (planHash == null || mac == null || mac.length > MAX_MAC_BYTES) {
            throw new IOException("bad task: no plan hash or MAC");
        }
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
