package org.silkrail.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Signed: the worker {@link #sign signs} every outcome with the HMAC (domain {@code "row"}) of
 * its fields and the plan hash of its task, and the coordinator takes only outcomes that
 * {@link #verifies verify} with its own secret and the hash of the plan it submitted — a row
 * forged by a member without the secret, altered on the way, or made for another plan is
 * refused.
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
    /** HMAC of {@link #signedBytes} with the worker's secret; empty until signed. */
    private byte[] mac = new byte[0];

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

    /** This outcome with its MAC for the task's plan; returns this. */
    TaskOutcome sign(ClusterSecret secret, String planHash) {
        mac = secret.mac("row", signedBytes(planHash));
        return this;
    }

    /** Whether the MAC is this outcome's for the plan {@code planHash}; constant time. */
    boolean verifies(ClusterSecret secret, String planHash) {
        return secret.verifies("row", signedBytes(planHash), mac);
    }

    private byte[] signedBytes(String planHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(planHash);
            out.writeByte(kind.ordinal());
            out.writeInt(variant);
            out.writeInt(replication);
            out.writeLong(seed);
            out.writeInt(values.length);
            for (double v : values) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
            out.writeLong(Double.doubleToRawLongBits(wallSeconds));
            byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    /** A copy with value {@code index} replaced, keeping the MAC: for tests of forgery. */
    TaskOutcome withValue(int index, double value) {
        TaskOutcome o = new TaskOutcome();
        o.kind = kind;
        o.variant = variant;
        o.replication = replication;
        o.seed = seed;
        o.values = values.clone();
        o.values[index] = value;
        o.wallSeconds = wallSeconds;
        o.message = message;
        o.mac = mac.clone();
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
        out.writeByteArray(mac);
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
        mac = in.readByteArray();
        if (values == null || message == null || mac == null) {
            throw new IOException("bad task outcome: missing values, message or MAC");
        }
    }
}
