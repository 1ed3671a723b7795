package org.silkrail.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.InterfacesConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Hazelcast configuration of every silkrail member: one server socket for the member
 * protocol only (advanced network with no client, REST or memcache endpoint: a Hazelcast client
 * cannot connect at all), one bind address (never every interface), TCP-IP join on the listed
 * members only (no multicast, no auto-detection), the secret-derived cluster name, phone-home
 * off, logging through slf4j, silkrail's wire types registered, the shared secret in the
 * member's user context (never on the wire), a proof of the secret as a member attribute, every
 * membership change logged at WARN, and Java deserialization allowed only for JDK core classes
 * and Hazelcast's own (the exceptions members report to each other).
 *
 * <p>Hazelcast's community edition has no TLS and no member authentication: whoever reads the
 * cluster name off the network can join as a member (docs/cluster.md, "Security"). What such a
 * member still cannot do is make a plan, task or row that verifies: those carry HMACs.
 */
final class MemberConfigs {
    /** The durable executor that runs sweep tasks. */
    static final String EXECUTOR = "silkrail-sweep";
    /** Plan hash → plan bytes ({@link PlanCodec}): each sweep's content, shipped once. */
    static final String PLANS = "silkrail-plans";
    /**
     * Tasks and unread results the durable executor holds per partition. The coordinator keeps
     * far fewer in flight ({@link ClusterSweepBackend#inFlightLimit} over 271 partitions) and
     * disposes each result it reads; the slack absorbs results a dead coordinator never read.
     */
    static final int CAPACITY_PER_PARTITION = 1000;
    /** Member attribute: how many tasks a worker runs at once, for the coordinator's window. */
    static final String THREADS_ATTRIBUTE = "silkrail.threads";
    /**
     * Member attribute: hex HMAC of the cluster name and the member's address, so that members
     * can tell (and log) a member that joined with the name but without the secret.
     */
    static final String PROOF_ATTRIBUTE = "silkrail.proof";
    /** User-context key of the member's {@link ClusterSecret}. */
    static final String SECRET = ClusterSecret.class.getName();

    private MemberConfigs() {
    }

    /** A worker: runs tasks on {@code settings.threads()} threads and holds data. */
    static Config worker(MemberSettings settings) {
        Config config = common(settings, "worker");
        config.setLiteMember(false);
        config.getMemberAttributeConfig().setAttribute(THREADS_ATTRIBUTE,
                Integer.toString(settings.threads()));
        // the worker command's own shutdown hook leaves gracefully (partitions handed over)
        // and then reports; Hazelcast's hook would race it
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        return config;
    }

    /**
     * The coordinator: a lite member. It holds no partitions, so no task runs on it and none of
     * the sweep's state dies with it — its durable tasks, their backups and the plan live on the
     * workers — and it leaves without a partition migration. Its CPU stays free for journaling
     * rows.
     */
    static Config coordinator(MemberSettings settings) {
        Config config = common(settings, "coordinator");
        config.setLiteMember(true);
        // the sweep command stops the backend on Ctrl-C, then leaves; Hazelcast's own hook
        // would pull the member away while the last rows are being written
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        return config;
    }

    private static Config common(MemberSettings settings, String role) {
        // Hazelcast reads the logging type from a system property before it reads the config,
        // for the few messages it logs while starting
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "slf4j");
        }
        Config config = new Config();
        config.setInstanceName("silkrail-" + role + "-" + settings.address());
        config.setClusterName(settings.clusterName());
        ConcurrentHashMap<String, Object> context = new ConcurrentHashMap<>();
        context.put(SECRET, settings.secret());
        config.setUserContext(context);
        config.getMemberAttributeConfig().setAttribute(PROOF_ATTRIBUTE,
                proof(settings.secret(), settings.clusterName(), settings.address()));
        config.addListenerConfig(new ListenerConfig(new MembershipLog(settings)));
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getJetConfig().setEnabled(false);
        // Members that formed separate clusters (all workers died and new ones started while
        // the coordinator listens on an unlisted port, or two started at the same instant) find
        // each other by the split-brain merge check on the listed addresses; Hazelcast's
        // default of 300 s for the first check would stall a sweep for minutes.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");

        // Advanced network: one endpoint per protocol, and only the member protocol's is
        // configured, so the server socket refuses Hazelcast clients (and REST, memcache) at
        // the protocol handshake. The default (unified) network serves clients on the same port.
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
        // reuse: a worker restarted on its port must not wait for the old connections'
        // TIME_WAIT; Linux still refuses a port another process listens on
        network.setMemberEndpointConfig(new ServerSocketEndpointConfig()
                .setPort(settings.port()).setPortAutoIncrement(false).setReuseAddress(true)
                .setInterfaces(new InterfacesConfig().setEnabled(true)
                        .setInterfaces(List.of(settings.bindAddress().getHostAddress()))));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> members = new ArrayList<>();
        for (MemberList.HostPort m : settings.members().members()) {
            members.add(m.toString());
        }
        join.getTcpIpConfig().setEnabled(true).setMembers(members);

        config.getSerializationConfig().addDataSerializableFactory(WireTypes.FACTORY_ID,
                new WireTypes());
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig()
                .setDefaultsDisabled(true);
        // exceptions in members' error responses (retries after a member left depend on them)
        // and the JDK types inside them; arrays such as StackTraceElement[]
        filter.getWhitelist().addPrefixes("com.hazelcast.", "[")
                .addPackages("java.lang", "java.util", "java.util.concurrent", "java.io",
                        "java.net");
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);

        config.getDurableExecutorConfig(EXECUTOR).setPoolSize(settings.threads())
                .setDurability(1).setCapacity(CAPACITY_PER_PARTITION);
        config.getMapConfig(PLANS).setBackupCount(1).setAsyncBackupCount(0);
        return config;
    }

    /** The {@link #PROOF_ATTRIBUTE} of a member of {@code clusterName} at {@code address}. */
    static String proof(ClusterSecret secret, String clusterName, String address) {
        return HexFormat.of().formatHex(secret.mac("member", (clusterName + "\n" + address)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The secret of a member started with one of these configurations. */
    static ClusterSecret secret(com.hazelcast.core.HazelcastInstance member) {
        Object secret = member.getUserContext().get(SECRET);
        if (!(secret instanceof ClusterSecret s)) {
            throw new IllegalStateException("member has no cluster secret: name="
                    + member.getName());
        }
        return s;
    }
}
