package org.silkrail.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that the members of one sweep cluster share and nobody else knows: it derives the
 * cluster name (so that the name cannot be guessed from the sweep id and the member list) and
 * keys the HMAC-SHA256 that authenticates plans, tasks and result rows between members.
 *
 * <p>Every MAC is over a domain tag ({@code "plan"}, {@code "task"}, {@code "row"}, …) and the
 * message, so a MAC made for one kind of message never verifies as another. Verification
 * compares in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>Invariants: the key is at least {@link #MIN_BYTES} bytes; it never appears in
 * {@link #toString()} or a message. Immutable and thread-safe ({@link #mac} makes a new
 * {@link Mac} per call: about a microsecond, next to a task of milliseconds).
 */
public final class ClusterSecret {
    /** The environment variable the CLI reads the secret from when no file is given. */
    public static final String ENVIRONMENT_VARIABLE = "SILKRAIL_CLUSTER_SECRET";
    /** 16 bytes = 128 bits: the least key that brute force cannot find. */
    public static final int MIN_BYTES = 16;
    /** A key file is a line of text; anything much longer is not one. */
    private static final long MAX_FILE_BYTES = 4096;
    private static final String ALGORITHM = "HmacSHA256";
    /** Bytes of an HMAC-SHA256 tag. */
    static final int MAC_BYTES = 32;

    private final byte[] key;

    private ClusterSecret(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("the cluster secret is too short: " + key.length
                    + " bytes, at least " + MIN_BYTES + " needed (e.g. the output of"
                    + " `openssl rand -base64 32`)");
        }
        this.key = key.clone();
    }

    /**
     * The secret as text (e.g. of {@link #ENVIRONMENT_VARIABLE}): its UTF-8 bytes, surrounding
     * white space (a trailing newline) removed.
     *
     * @throws IllegalArgumentException if it is shorter than {@link #MIN_BYTES} bytes
     */
    public static ClusterSecret of(String text) {
        return new ClusterSecret(text.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The secret in a key file: its text, as {@link #of(String)}. The file must be a regular
     * file of at most 4 KiB that only its owner can read (on file systems with POSIX
     * permissions), as ssh demands of a private key.
     *
     * @throws IllegalArgumentException with a message for people naming the file and the fix
     */
    public static ClusterSecret fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": " + (Files.exists(file)
                    ? "not a regular file" : "no such file") + "; the secret file is a line of"
                    + " text, e.g. made with `openssl rand -base64 32 > " + file + " && chmod 600 "
                    + file + "`");
        }
        String text;
        try {
            if (readableByOthers(file)) {
                throw new IllegalArgumentException(file + ": others can read the cluster"
                        + " secret; allow only its owner: chmod 600 " + file);
            }
            long bytes = Files.size(file);
            if (bytes > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(file + ": " + bytes + " bytes is not a"
                        + " secret file (at most " + MAX_FILE_BYTES + " bytes)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the cluster secret: "
                    + e.getMessage(), e);
        }
        try {
            return of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Whether group or others may read the file; false where there are no POSIX permissions. */
    private static boolean readableByOthers(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file,
                PosixFileAttributeView.class);
        if (posix == null) {
            return false;
        }
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        return permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
    }

    /**
     * The cluster name for a label (e.g. {@code silkrail-caspian-fleet-3f9a0c12}): the label,
     * a dash and 16 hex digits (64 bits) of the label's MAC. Who lacks the secret cannot compute
     * it, hence cannot join; it still travels in clear text in Hazelcast's join messages.
     */
    public String clusterName(String label) {
        return label + "-" + HexFormat.of().formatHex(mac("cluster-name", bytes(label)), 0, 8);
    }

    /** HMAC-SHA256 of {@code domain} and {@code message}; 32 bytes. */
    byte[] mac(String domain, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(bytes(domain));
            // a zero byte ends the tag: no tag is a prefix of a tag plus message
            mac.update((byte) 0);
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** Whether {@code mac} is the MAC of {@code domain} and {@code message}; constant time. */
    boolean verifies(String domain, byte[] message, byte[] mac) {
        return mac != null && MessageDigest.isEqual(mac(domain, message), mac);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "ClusterSecret[" + key.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterSecret other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mac("hash-code", new byte[0]));
    }
}
