package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The member list, ports and cluster names: what `--cluster` means on every host. */
class MemberSettingsTest {
    private static final ClusterSecret SECRET = ClusterSecret.of("member-settings-test-secret");

    @Test
    void parse_hostsPortsAndIpv6_inOrder() {
        MemberList list = MemberList.parse("node1:5701, 10.0.0.7:5702,[::1]:5703");
        assertThat(list.members()).containsExactly(new MemberList.HostPort("node1", 5701),
                new MemberList.HostPort("10.0.0.7", 5702), new MemberList.HostPort("::1", 5703));
        assertThat(list).hasToString("node1:5701,10.0.0.7:5702,[::1]:5703");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1|\"127.0.0.1\": expected HOST:PORT, e.g. 127.0.0.1:5701",
        "127.0.0.1:x|the port must be a number, got \"x\"",
        "127.0.0.1:0|the port must be in 1..65535, got 0",
        "127.0.0.1:70000|the port must be in 1..65535, got 70000",
        ":5701|the host is missing",
        "a:1,,b:2|empty entry",
        "a:1,A:1|\"A:1\" is listed twice",
        "::1:5701|expected HOST:PORT",
        "[::1]5701|expected [IPV6]:PORT"})
    void parse_badList_refusedNamingTheEntry(String text, String message) {
        assertThatThrownBy(() -> MemberList.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void fingerprint_sameMembersInAnyOrder_same() {
        String a = MemberList.parse("n1:5701,n2:5701,n3:5701").fingerprint();
        assertThat(MemberList.parse("n3:5701,N1:5701,n2:5701").fingerprint()).isEqualTo(a);
        assertThat(MemberList.parse("n1:5701,n2:5701").fingerprint()).isNotEqualTo(a);
        assertThat(a).matches("[0-9a-f]{8}");
    }

    @Test
    void label_fromSweepIdAndMembers() {
        MemberList list = MemberList.parse("127.0.0.1:5701");
        assertThat(MemberSettings.label("caspian-fleet", list))
                .isEqualTo("silkrail-caspian-fleet-" + list.fingerprint());
        assertThat(MemberSettings.label("a b/c", list)).startsWith("silkrail-a_b_c-");
        assertThat(MemberSettings.label("caspian-fleet", list)).isNotEqualTo(
                MemberSettings.label("bakhty-quota", list));
    }

    @Test
    void clusterName_sameLabelOtherSecret_otherName() {
        MemberList list = MemberList.parse("127.0.0.1:5701");
        String label = MemberSettings.label("caspian-fleet", list);
        String name = MemberSettings.worker(list, SECRET, label, 5701, 1).clusterName();
        assertThat(name).matches(label + "-[0-9a-f]{16}");
        assertThat(MemberSettings.coordinator(list, SECRET, label, 5702).clusterName())
                .isEqualTo(name);
        assertThat(MemberSettings.worker(list, ClusterSecret.of("another secret, 16+ bytes"),
                label, 5701, 1).clusterName()).isNotEqualTo(name);
    }

    @Test
    void onThisHost_loopbackYesDocumentationAddressNo() {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never a real machine's address
        MemberList list = MemberList.parse("192.0.2.10:5701,127.0.0.1:5702,localhost:5703");
        assertThat(list.onThisHost()).extracting(l -> l.member().port())
                .containsExactly(5702, 5703);
    }

    @Test
    void worker_firstListedPortTaken_takesTheNextFreeOne() throws Exception {
        List<Integer> ports = LoopbackCluster.freePorts(3);
        MemberList list = list(ports);
        try (ServerSocket taken = listen(ports.get(0))) {
            assertThat(taken.isBound()).isTrue();
            MemberSettings s = MemberSettings.worker(list, SECRET, "c", null, 2);
            assertThat(s.port()).isEqualTo(ports.get(1));
            assertThat(s.bindAddress().isLoopbackAddress()).isTrue();
            assertThat(s.threads()).isEqualTo(2);
            assertThat(s.address()).isEqualTo("127.0.0.1:" + ports.get(1));
        }
    }

    @Test
    void worker_everyListedPortTaken_refusedAskingForPort() throws Exception {
        List<Integer> ports = LoopbackCluster.freePorts(1);
        try (ServerSocket taken = listen(ports.get(0))) {
            assertThat(taken.isBound()).isTrue();
            assertThatThrownBy(() -> MemberSettings.worker(list(ports), SECRET, "c", null, 1))
                    .hasMessageContaining("every member of --cluster on this host is taken")
                    .hasMessageContaining("--port");
            assertThat(MemberSettings.worker(list(ports), SECRET, "c", 6000, 1).port()).isEqualTo(6000);
        }
    }

    @Test
    void worker_noListedMemberHere_refusedUnlessPortGivenThenLoopback() {
        MemberList remote = MemberList.parse("192.0.2.10:5701");
        assertThatThrownBy(() -> MemberSettings.worker(remote, SECRET, "c", null, 1))
                .hasMessageContaining("no member of --cluster 192.0.2.10:5701 is on this host");
        MemberSettings s = MemberSettings.worker(remote, SECRET, "c", 5701, 1);
        assertThat(s.bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void coordinator_listedPortsAllTaken_anyFreePortOnTheListedAddress() throws Exception {
        List<Integer> ports = LoopbackCluster.freePorts(1);
        try (ServerSocket taken = listen(ports.get(0))) {
            assertThat(taken.isBound()).isTrue();
            MemberSettings s = MemberSettings.coordinator(list(ports), SECRET, "c", null);
            assertThat(s.port()).isNotEqualTo(ports.get(0));
            assertThat(s.bindAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void coordinator_hostNotListed_refusedAskingToListIt() {
        assertThatThrownBy(() -> MemberSettings.coordinator(
                MemberList.parse("192.0.2.10:5701"), SECRET, "c", null))
                .hasMessageContaining("the coordinator joins the cluster as a member too");
    }

    @Test
    void anyAddress_refused() {
        assertThatThrownBy(() -> MemberList.parse("0.0.0.0:5701").onThisHost())
                .hasMessageContaining("no address another member can connect to");
    }

    private static MemberList list(List<Integer> ports) {
        StringBuilder sb = new StringBuilder();
        for (int p : ports) {
            sb.append(sb.length() == 0 ? "" : ",").append("127.0.0.1:").append(p);
        }
        return MemberList.parse(sb.toString());
    }

    private static ServerSocket listen(int port) throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }
}
