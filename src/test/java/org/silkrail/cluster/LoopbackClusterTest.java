package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test clusters' ports stay clear of the ports the kernel hands to outgoing connections. */
class LoopbackClusterTest {

    @Test
    void freePorts_distinctBindableAndBelowTheEphemeralRange() throws Exception {
        List<Integer> ports = LoopbackCluster.freePorts(6);

        assertThat(ports).hasSize(6).doesNotHaveDuplicates();
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.exists(range)) {
            int ephemeralLow = Integer.parseInt(
                    Files.readAllLines(range).get(0).trim().split("\\s+")[0]);
            assertThat(ports).allSatisfy(p -> assertThat(p).isLessThan(ephemeralLow));
        }
        assertThat(ports).allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(10000));
        for (int port : ports) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
