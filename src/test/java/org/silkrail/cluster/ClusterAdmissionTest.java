package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.experiment.LocalSweepBackend;
import org.silkrail.experiment.SweepBackend.SweepFailedException;
import org.silkrail.experiment.SweepPlan;
import org.silkrail.experiment.SweepRow;
import org.silkrail.experiment.SweepTask;
import org.silkrail.scenario.ScenarioContent;
import org.slf4j.LoggerFactory;

/**
 * Who gets into a sweep cluster, on real members on loopback: no Hazelcast client at all, no
 * member without the secret; and what a member that learnt the cluster name (it travels in
 * clear text) but not the secret can do — neither have a task run nor slip a forged row into
 * the sweep. Content that names a file is refused by the worker without reading the file.
 */
class ClusterAdmissionTest {
    /** Not the secret of any test cluster. */
    private static final ClusterSecret WRONG = ClusterSecret.of("an outsider's guess at it");
    /** A value no real row of the corridor has: the mark of a forged row. */
    private static final double FORGED = -123456.0;
    private static final String MARKER = "LEAKED-CONTENT-7f3a";

    @TempDir
    Path dir;

    @Test
    void client_rightClusterNameAndAddress_cannotConnect() {
        try (LoopbackCluster cluster = LoopbackCluster.start("admission-client", 1, 1)) {
            String address = cluster.workers.get(0).settings().address();
            assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(
                    client(cluster.clusterName(), address)).shutdown())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Unable to connect to any cluster");
        }
        // the same client does reach a member of Hazelcast's default (unified) network: what
        // refused it above is silkrail's configuration, not the client's
        int port = LoopbackCluster.freePorts(1).get(0);
        HazelcastInstance plain = Hazelcast.newHazelcastInstance(plainMember(port));
        try {
            HazelcastInstance client = HazelcastClient.newHazelcastClient(
                    client("admission-control", "127.0.0.1:" + port));
            assertThat(client.getCluster().getMembers()).hasSize(1);
            client.shutdown();
        } finally {
            plain.getLifecycleService().terminate();
        }
    }

    @Test
    void worker_withoutTheSecret_cannotJoin() {
        try (LoopbackCluster cluster = LoopbackCluster.start("admission-join", 1, 1, 3)) {
            SweepWorker member = cluster.workers.get(0);
            MemberSettings outsiderSettings = MemberSettings.worker(cluster.members, WRONG,
                    cluster.label, null, 1);
            SweepWorker outsider = SweepWorker.start(outsiderSettings);
            cluster.workers.add(outsider);
            assertThat(outsider.clusterSize()).as("the outsider's cluster").isEqualTo(1);
            assertThat(member.clusterSize()).as("the sweep's cluster").isEqualTo(1);

            // a worker with the secret, the same list and sweep joins at once
            SweepWorker insider = SweepWorker.start(cluster.workerSettings(1));
            cluster.workers.add(insider);
            assertThat(insider.clusterSize()).isEqualTo(2);
            assertThat(member.clusterSize()).isEqualTo(2);
            assertThat(outsider.clusterSize()).isEqualTo(1);
        }
    }

    /**
     * A member that joined with the cluster name but not the secret — as someone who read the
     * name off the network would — runs the tasks of its partitions and answers with forged
     * rows: the coordinator refuses the first, writes none, and stops the sweep. Tasks it
     * submits are refused by the worker, unrun; both workers log the newcomer at WARN.
     */
    @Test
    void memberWithTheNameButNotTheSecret_forgedRowsAndTasksRefused() throws Exception {
        SweepPlan plan = TestPlans.corridor("forged", 20, 8);
        List<SweepRow> local = new ArrayList<>();
        new LocalSweepBackend(2).run(plan, Set.of(), local::add);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        ch.qos.logback.classic.Logger membershipLog = (ch.qos.logback.classic.Logger)
                LoggerFactory.getLogger(MembershipLog.class);
        ch.qos.logback.classic.Level level = membershipLog.getLevel();
        membershipLog.setLevel(ch.qos.logback.classic.Level.WARN);
        warnings.start();
        membershipLog.addAppender(warnings);
        try (LoopbackCluster cluster = LoopbackCluster.start("admission-forgery", 1, 1, 3)) {
            SweepWorker worker = cluster.workers.get(0);
            int roguePort = cluster.members.members().get(1).port();
            MemberSettings rogueSettings = new MemberSettings(cluster.label, cluster.clusterName(), WRONG,
                    cluster.members, InetAddress.getLoopbackAddress(), roguePort, 1);
            Config config = MemberConfigs.worker(rogueSettings);
            config.getSerializationConfig().getDataSerializableFactories()
                    .put(WireTypes.FACTORY_ID, new ForgingWireTypes());
            HazelcastInstance rogue = Hazelcast.newHazelcastInstance(config);
            try {
                assertThat(worker.clusterSize()).as("the rogue joined").isEqualTo(2);
                // the membership listener logs on a Hazelcast event thread, after the join
                assertThat(awaitLogged(warnings, m -> m.contains("worker 127.0.0.1:" + roguePort
                        + " joined") && m.contains("WITHOUT proof of the secret"),
                        Duration.ofSeconds(30)))
                        .as("a WARN that the rogue joined without proof of the secret; logged: %s",
                                logged(warnings)).isTrue();

                // its task, submitted to a partition of the real worker, is refused unrun
                DurableExecutorService executor = rogue.getDurableExecutorService(
                        MemberConfigs.EXECUTOR);
                String key = keyOwnedBy(rogue, worker.member());
                TaskOutcome outcome = executor.submitToKeyOwner(new RemoteTask(WRONG,
                        "0".repeat(64), new SweepTask(0, List.of(), 0, 1L),
                        rogue.getCluster().getLocalMember().getUuid()), key)
                        .get(60, TimeUnit.SECONDS);
                assertThat(outcome.kind()).isEqualTo(TaskOutcome.Kind.FAILED);
                assertThat(outcome.message()).contains("task refused: its MAC does not verify");
                assertThat(worker.tasksStarted()).isZero();

                List<SweepRow> rows = Collections.synchronizedList(new ArrayList<>());
                assertThatThrownBy(() -> cluster.coordinator().run(plan, Set.of(), rows::add))
                        .isInstanceOf(SweepFailedException.class)
                        .hasMessageContaining("its result was refused: the MAC does not verify");
                assertThat(rows).allSatisfy(r -> assertThat(r.values()).doesNotContain(FORGED));
                assertThat(ClusterSweepBackendTest.byKey(local))
                        .containsAllEntriesOf(ClusterSweepBackendTest.byKey(rows));
            } finally {
                rogue.getLifecycleService().terminate();
            }
        } finally {
            membershipLog.detachAppender(warnings);
            membershipLog.setLevel(level);
        }
    }

    /**
     * A plan whose scenario names a file — sealed with the right secret, so it passes every
     * MAC — fails on the worker with a refusal that does not hold the file's content.
     */
    @Test
    void run_planNamingAFile_refusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("passwd");
        Files.writeString(file, MARKER + "\n");
        SweepPlan good = TestPlans.corridor("file", 20, 1);
        SweepPlan evil = new SweepPlan("file", ScenarioContent.of("evil.yaml",
                "{\"scenario\": \"evil\", \"network\": \"" + file + "\"}\n"), good.parameters(),
                good.variants(), 1, 1, good.metrics());
        try (LoopbackCluster cluster = LoopbackCluster.start("admission-file", 1, 1, 2)) {
            assertThatThrownBy(() -> cluster.coordinator().run(evil, Set.of(), r -> { }))
                    .isInstanceOf(SweepFailedException.class)
                    .hasMessageContaining("evil.yaml:1:")
                    .hasMessageContaining("cannot name a network file")
                    .message().doesNotContain(MARKER);
        }
    }

    private static ClientConfig client(String clusterName, String address) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().addAddress(address);
        config.getConnectionStrategyConfig()
                .setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.OFF)
                .getConnectionRetryConfig().setClusterConnectTimeoutMillis(5_000)
                .setInitialBackoffMillis(200).setMaxBackoffMillis(1_000);
        return config;
    }

    /** A member with Hazelcast's default network on loopback: it serves clients. */
    private static Config plainMember(int port) {
        Config config = new Config();
        config.setClusterName("admission-control");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getJetConfig().setEnabled(false);
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false).getInterfaces()
                .setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true)
                .addMember("127.0.0.1:" + port);
        return config;
    }

    /** A partition key whose partition {@code owner} holds. */
    private static String keyOwnedBy(HazelcastInstance from, HazelcastInstance owner) {
        for (int i = 0; ; i++) {
            String key = "k" + i;
            if (owner.getCluster().getLocalMember().equals(
                    from.getPartitionService().getPartition(key).getOwner())) {
                return key;
            }
        }
    }

    /** The rogue's wire types: tasks it receives are read as {@link ForgingTask}s. */
    static final class ForgingWireTypes implements DataSerializableFactory {
        @Override
        public IdentifiedDataSerializable create(int typeId) {
            return typeId == WireTypes.REMOTE_TASK ? new ForgingTask()
                    : new WireTypes().create(typeId);
        }
    }

    /**
     * What a member without the secret does with a task: answers a row of its own making,
     * signed with the key it has.
     */
    static final class ForgingTask implements Callable<TaskOutcome>, IdentifiedDataSerializable {
        private final RemoteTask received = new RemoteTask();

        @Override
        public TaskOutcome call() {
            SweepTask task = received.task();
            return TaskOutcome.row(new SweepRow(task.variant(), task.replication(), 1L,
                    List.of(FORGED, FORGED, FORGED), 0.0)).sign(WRONG, received.planHash());
        }

        @Override
        public int getFactoryId() {
            return WireTypes.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return WireTypes.REMOTE_TASK;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            received.writeData(out);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            received.readData(in);
        }
    }

    /**
     * A copy of what {@code appender} holds: Hazelcast's threads append while the test reads, and
     * logback appends under the appender's lock, so the copy is taken under it.
     */
    private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /**
     * Whether a message matching {@code wanted} reaches {@code appender} within {@code timeout},
     * looking every 20 ms: logging happens on other threads, so one look could come too early.
     */
    private static boolean awaitLogged(ListAppender<ILoggingEvent> appender,
            Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (logged(appender).stream().map(ILoggingEvent::getFormattedMessage)
                    .anyMatch(wanted)) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
    }
}
