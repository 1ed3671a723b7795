package org.silkrail.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.silkrail.experiment.MetricPath;
import org.silkrail.experiment.SweepPlan;
import org.silkrail.scenario.ScenarioContent;

/**
 * A sweep plan as bytes for the cluster's plan map, and the SHA-256 of those bytes that names
 * the plan everywhere in the cluster. Plain strings and numbers in a fixed order — no Java
 * serialization, so a member never instantiates a class named by a peer.
 *
 * <p>Invariant: equal plans give equal bytes, hence equal hashes; a worker that evaluates a task
 * of plan {@code h} does so from exactly the content the coordinator hashed to {@code h}. The
 * plan map holds the bytes {@link #seal sealed}: after their HMAC, so that a member without the
 * secret cannot put a plan that a worker would run.
 * Strings are written as a length and UTF-8 bytes (no 64 KiB limit: a merged network is tens of
 * KiB).
 */
final class PlanCodec {
    /** "SRP1": silkrail plan, format 1. */
    private static final int MAGIC = 0x53525031;
    /** Refuses absurd lengths from corrupt bytes before allocating: 64 MiB per string. */
    private static final int MAX_STRING_BYTES = 64 << 20;

    private PlanCodec() {
    }

    static byte[] encode(SweepPlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            writeString(out, plan.name());
            writeString(out, plan.base().name());
            writeString(out, plan.base().text());
            writeStrings(out, plan.parameters());
            out.writeInt(plan.variants().size());
            for (SweepPlan.Variant v : plan.variants()) {
                out.writeInt(v.index());
                writeStrings(out, v.values());
                writeStrings(out, v.overrides());
            }
            out.writeInt(plan.replications());
            out.writeLong(plan.rootSeed());
            out.writeInt(plan.metrics().size());
            for (MetricPath m : plan.metrics()) {
                writeString(out, m.section());
                writeString(out, m.entity());
                writeString(out, m.metric());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The plan of {@link #encode}'s bytes.
     *
     * @throws IllegalArgumentException if the bytes are not a plan of this format
     */
    static SweepPlan decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException("not a silkrail plan: magic="
                        + Integer.toHexString(magic));
            }
            String name = readString(in);
            ScenarioContent base = ScenarioContent.of(readString(in), readString(in));
            List<String> parameters = readStrings(in);
            int variantCount = readCount(in);
            List<SweepPlan.Variant> variants = new ArrayList<>(variantCount);
            for (int i = 0; i < variantCount; i++) {
                variants.add(new SweepPlan.Variant(in.readInt(), readStrings(in),
                        readStrings(in)));
            }
            int replications = in.readInt();
            long rootSeed = in.readLong();
            int metricCount = readCount(in);
            List<MetricPath> metrics = new ArrayList<>(metricCount);
            for (int i = 0; i < metricCount; i++) {
                metrics.add(new MetricPath(readString(in), readString(in), readString(in)));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the plan");
            }
            return new SweepPlan(name, base, parameters, variants, replications, rootSeed,
                    metrics);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated plan: " + e, e);
        }
    }

    /** The plan map's value: the MAC of the plan's bytes (domain {@code "plan"}), then them. */
    static byte[] seal(ClusterSecret secret, byte[] plan) {
        byte[] mac = secret.mac("plan", plan);
        byte[] sealed = Arrays.copyOf(mac, mac.length + plan.length);
        System.arraycopy(plan, 0, sealed, mac.length, plan.length);
        return sealed;
    }

    /**
     * The plan bytes of a {@link #seal sealed} value, or null if its MAC does not verify with
     * this secret (a plan put by someone without it, or altered).
     */
    static byte[] open(ClusterSecret secret, byte[] sealed) {
        if (sealed.length < ClusterSecret.MAC_BYTES) {
            return null;
        }
        byte[] mac = Arrays.copyOf(sealed, ClusterSecret.MAC_BYTES);
        byte[] plan = Arrays.copyOfRange(sealed, ClusterSecret.MAC_BYTES, sealed.length);
        return secret.verifies("plan", plan, mac) ? plan : null;
    }

    /** Lower-case hex SHA-256 of the bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> strings)
            throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = readCount(in);
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(readString(in));
        }
        return strings;
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES || length > in.available()) {
            throw new IllegalArgumentException("bad string length in plan: length=" + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int readCount(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IllegalArgumentException("bad count in plan: count=" + n);
        }
        return n;
    }
}
