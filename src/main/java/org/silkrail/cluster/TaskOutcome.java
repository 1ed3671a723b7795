package org.silkrail.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.experiment.SweepRow;
import org.silkrail.experiment.TaskKey;

/**
 * What a worker sends back for one task: its row, or word that the worker could not find the
 * sweep's plan (the coordinator ships it again) or did not see the coordinator (who is then
 * usually dead; if not, it submits the task again), or the message of the exception the evaluation
 * threw. A failure travels as text, not as an exception object, so that no exception class of a
 * peer is ever deserialized.
 */
final class TaskOutcome implements IdentifiedDataSerializable {
    enum Kind { ROW, MISSING_PLAN, FAILED, ABANDONED }

    private Kind kind;
    private int variant;
    private int replication;
    private long seed;
    private double[] values;
    private double wallSeconds;
    private String message;

    /** For {@link WireTypes} only. */
    TaskOutcome() {
    }

    static TaskOutcome row(SweepRow row) {
        TaskOutcome o = of(Kind.ROW, row.key(), "");
        o.seed = row.seed();
        o.values = new double[row.values().size()];
        for (int i = 0; i < o.values.length; i++) {
            o.values[i] = row.values().get(i);
        }
        o.wallSeconds = row.wallSeconds();
        return o;
    }

    static TaskOutcome missingPlan(TaskKey key) {
        return of(Kind.MISSING_PLAN, key, "");
    }

    /** Not run: the worker did not see the task's coordinator in the cluster. */
    static TaskOutcome abandoned(TaskKey key) {
        return of(Kind.ABANDONED, key, "");
    }

    static TaskOutcome failed(TaskKey key, String message) {
        return of(Kind.FAILED, key, message);
    }

    private static TaskOutcome of(Kind kind, TaskKey key, String message) {
        TaskOutcome o = new TaskOutcome();
        o.kind = kind;
        o.variant = key.variant();
        o.replication = key.replication();
        o.values = new double[0];
        o.message = message;
        return o;
    }

    Kind kind() {
        return kind;
    }

    TaskKey key() {
        return new TaskKey(variant, replication);
    }

    String message() {
        return message;
    }

    /** The row; only for {@link Kind#ROW}. */
    SweepRow toRow() {
        if (kind != Kind.ROW) {
            throw new IllegalStateException("no row in outcome: kind=" + kind + " key=" + key());
        }
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return new SweepRow(variant, replication, seed, list, wallSeconds);
    }

    @Override
    public int getFactoryId() {
        return WireTypes.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return WireTypes.TASK_OUTCOME;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByte(kind.ordinal());
        out.writeInt(variant);
        out.writeInt(replication);
        out.writeLong(seed);
        out.writeDoubleArray(values);
        out.writeDouble(wallSeconds);
        out.writeString(message);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int k = in.readByte();
        if (k < 0 || k >= Kind.values().length) {
            throw new IOException("bad task outcome kind=" + k);
        }
        kind = Kind.values()[k];
        variant = in.readInt();
        replication = in.readInt();
        seed = in.readLong();
        values = in.readDoubleArray();
        wallSeconds = in.readDouble();
        message = in.readString();
    }
}
