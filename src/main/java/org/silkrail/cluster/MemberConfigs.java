package org.silkrail.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hazelcast configuration of every silkrail member, with the safe defaults of issue 7: one
 * bind address (never every interface), TCP-IP join on the listed members only (no multicast,
 * no auto-detection), phone-home off, logging through slf4j, silkrail's wire types registered,
 * and Java deserialization allowed only for JDK core classes and Hazelcast's own (the exceptions
 * members report to each other) — never for silkrail's or any other library's classes.
 *
 * <p>Hazelcast's community edition has no TLS and no authentication: anyone who reaches a
 * member's port and knows the cluster name can join. The cluster belongs on a trusted network.
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

        NetworkConfig network = config.getNetworkConfig();
        // reuse: a worker restarted on its port must not wait for the old connections'
        // TIME_WAIT; Linux still refuses a port another process listens on
        network.setPort(settings.port()).setPortAutoIncrement(false).setReuseAddress(true);
        network.getInterfaces().setEnabled(true)
                .setInterfaces(List.of(settings.bindAddress().getHostAddress()));
        // the REST endpoint is off by default in 5.x (and its config deprecated)
        network.getMemcacheProtocolConfig().setEnabled(false);
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
}
