package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.instance.EndpointQualifier;
import org.junit.jupiter.api.Test;

/** The safe defaults of issue 7, as the configuration every member starts with. */
class MemberConfigsTest {
    private final MemberSettings settings = MemberSettings.worker(
            MemberList.parse("127.0.0.1:5701,192.0.2.10:5701"),
            ClusterSecret.of("member-configs-test-secret"), "silkrail-x-12345678", 5701, 3);

    @Test
    void worker_joinsOnlyTheListedMembersOverTcp() {
        JoinConfig join = MemberConfigs.worker(settings).getAdvancedNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers())
                .containsExactly("127.0.0.1:5701", "192.0.2.10:5701");
    }

    @Test
    void worker_bindsTheOneAddressAndPortOfTheMemberProtocolOnly() {
        Config c = MemberConfigs.worker(settings);
        assertThat(c.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
        AdvancedNetworkConfig network = c.getAdvancedNetworkConfig();
        assertThat(network.isEnabled()).isTrue();
        assertThat(network.getEndpointConfigs()).containsOnlyKeys(EndpointQualifier.MEMBER);
        ServerSocketEndpointConfig member = (ServerSocketEndpointConfig) network
                .getEndpointConfigs().get(EndpointQualifier.MEMBER);
        assertThat(member.getInterfaces().isEnabled()).isTrue();
        assertThat(member.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(member.getPort()).isEqualTo(5701);
        assertThat(member.isPortAutoIncrement()).isFalse();
    }

    @Test
    void worker_nameLoggingPhoneHomeAndDeserialization() {
        Config c = MemberConfigs.worker(settings);
        assertThat(c.getClusterName()).isEqualTo(settings.clusterName())
                .startsWith("silkrail-x-12345678-");
        assertThat(c.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(c.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
        var filter = c.getSerializationConfig().getJavaSerializationFilterConfig();
        assertThat(filter.isDefaultsDisabled()).isTrue();
        assertThat(filter.getWhitelist().isListed("org.silkrail.experiment.SweepPlan")).isFalse();
        assertThat(filter.getWhitelist().isListed("java.lang.IllegalStateException")).isTrue();
        assertThat(filter.getWhitelist().isListed("java.lang.invoke.SerializedLambda")).isFalse();
        assertThat(filter.getWhitelist().isListed("javax.management.BadAttributeValueExpException"))
                .isFalse();
    }

    @Test
    void workerAndCoordinator_tasksRunOnlyOnWorkers() {
        assertThat(MemberConfigs.worker(settings).isLiteMember()).isFalse();
        assertThat(MemberConfigs.worker(settings).getDurableExecutorConfig(MemberConfigs.EXECUTOR)
                .getPoolSize()).isEqualTo(3);
        assertThat(MemberConfigs.worker(settings).getDurableExecutorConfig(MemberConfigs.EXECUTOR)
                .getDurability()).isEqualTo(1);
        assertThat(MemberConfigs.coordinator(settings).isLiteMember()).isTrue();
    }
}
