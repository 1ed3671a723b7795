package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.experiment.SweepRow;

/** The shared secret, its MACs, and the signatures of plans and rows made with it. */
class ClusterSecretTest {
    private static final ClusterSecret SECRET = ClusterSecret.of("cluster-secret-test-key-1");
    private static final ClusterSecret OTHER = ClusterSecret.of("cluster-secret-test-key-2");

    @TempDir
    Path dir;

    @Test
    void verifies_sameDomainAndMessage_onlyThen() {
        byte[] message = "variant 3".getBytes(StandardCharsets.UTF_8);
        byte[] mac = SECRET.mac("row", message);
        assertThat(mac).hasSize(ClusterSecret.MAC_BYTES);
        assertThat(SECRET.verifies("row", message, mac)).isTrue();
        assertThat(SECRET.verifies("task", message, mac)).as("another domain").isFalse();
        assertThat(OTHER.verifies("row", message, mac)).as("another secret").isFalse();
        byte[] altered = message.clone();
        altered[8] ^= 1;
        assertThat(SECRET.verifies("row", altered, mac)).as("altered message").isFalse();
        assertThat(SECRET.verifies("row", message, Arrays.copyOf(mac, 31))).isFalse();
        assertThat(SECRET.verifies("row", message, null)).isFalse();
    }

    @Test
    void clusterName_needsTheSecret() {
        assertThat(SECRET.clusterName("silkrail-x-12345678"))
                .matches("silkrail-x-12345678-[0-9a-f]{16}")
                .isEqualTo(ClusterSecret.of("cluster-secret-test-key-1\n")
                        .clusterName("silkrail-x-12345678"))
                .isNotEqualTo(OTHER.clusterName("silkrail-x-12345678"));
    }

    @Test
    void of_shortSecret_refusedWithTheMinimum() {
        assertThatThrownBy(() -> ClusterSecret.of("fifteen-bytes!!"))
                .hasMessageContaining("too short: 15 bytes, at least 16");
    }

    @Test
    void toString_neverTheKey() {
        assertThat(SECRET.toString()).doesNotContain("cluster-secret").contains("25 bytes");
    }

    @Test
    void fromFile_ownerOnly_readOthersReadable_refused() throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, "cluster-secret-test-key-1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ClusterSecret.fromFile(file)).isEqualTo(SECRET);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThatThrownBy(() -> ClusterSecret.fromFile(file))
                .hasMessage(file + ": others can read the cluster secret; allow only its owner:"
                        + " chmod 600 " + file);
        assertThatThrownBy(() -> ClusterSecret.fromFile(dir))
                .hasMessageStartingWith(dir + ": not a regular file");
    }

    @Test
    void planSeal_otherSecretOrAlteredByte_notOpened() {
        byte[] plan = "plan bytes".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = PlanCodec.seal(SECRET, plan);
        assertThat(PlanCodec.open(SECRET, sealed)).isEqualTo(plan);
        assertThat(PlanCodec.open(OTHER, sealed)).isNull();
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x40;
            assertThat(PlanCodec.open(SECRET, altered)).as("byte %d altered", i).isNull();
        }
        assertThat(PlanCodec.open(SECRET, PlanCodec.seal(OTHER, plan))).isNull();
        assertThat(PlanCodec.open(SECRET, new byte[3])).isNull();
    }

    @Test
    void outcomeSignature_alteredValueOtherPlanOrOtherSecret_doesNotVerify() {
        String plan = "a".repeat(64);
        TaskOutcome signed = TaskOutcome.row(new SweepRow(1, 2, 99L,
                List.of(877229.0, 7.2), 0.08)).sign(SECRET, plan);
        assertThat(signed.verifies(SECRET, plan)).isTrue();
        assertThat(signed.withValue(0, 877230.0).verifies(SECRET, plan)).as("altered row")
                .isFalse();
        assertThat(signed.verifies(SECRET, "b".repeat(64))).as("another plan's").isFalse();
        assertThat(signed.verifies(OTHER, plan)).as("checked with another secret").isFalse();
        assertThat(TaskOutcome.row(new SweepRow(1, 2, 99L, List.of(1.0), 0.0))
                .verifies(SECRET, plan)).as("unsigned").isFalse();
    }
}
