package org.silkrail.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Workers on 127.0.0.1 ports the system reports free, under a cluster label and a secret of
 * their own, so that tests never meet each other or a developer's cluster.
 */
final class LoopbackCluster implements AutoCloseable {
    final MemberList members;
    /** The cluster's label; with {@link #secret} it gives the cluster name. */
    final String label;
    final ClusterSecret secret;
    /** Workers started, in start order; a test may add more. */
    final List<SweepWorker> workers = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<ClusterSweepBackend> coordinators = new ArrayList<>();

    static {
        // members terminated on purpose make Hazelcast warn at length; the assertions say
        // what matters
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.hazelcast"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        // every member of every test logs every other joining: a test that checks it listens
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(MembershipLog.class))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    private LoopbackCluster(MemberList members, String label, ClusterSecret secret) {
        this.members = members;
        this.label = label;
        this.secret = secret;
    }

    /** A test's secret: fixed per sweep id, so that a failing run can be repeated. */
    static ClusterSecret secret(String sweepId) {
        return ClusterSecret.of("loopback-test-secret/" + sweepId);
    }

    /** {@code workers} workers of {@code threads} threads each, started and joined. */
    static LoopbackCluster start(String sweepId, int workers, int threads) {
        return start(sweepId, workers, threads, workers);
    }

    /** The same, with {@code ports} listed ({@code ports - workers} left for coordinators). */
    static LoopbackCluster start(String sweepId, int workers, int threads, int ports) {
        LoopbackCluster cluster = withFreePorts(sweepId, ports);
        for (int i = 0; i < workers; i++) {
            cluster.workers.add(SweepWorker.start(cluster.workerSettings(threads)));
        }
        return cluster;
    }

    /** A member list of {@code n} free loopback ports, nothing started. */
    static LoopbackCluster withFreePorts(String sweepId, int n) {
        List<MemberList.HostPort> list = new ArrayList<>();
        for (int port : freePorts(n)) {
            list.add(new MemberList.HostPort("127.0.0.1", port));
        }
        MemberList members = new MemberList(list);
        return new LoopbackCluster(members, MemberSettings.label(sweepId, members),
                secret(sweepId));
    }

    /** A worker of this cluster on its first free listed port. */
    MemberSettings workerSettings(int threads) {
        return MemberSettings.worker(members, secret, label, null, threads);
    }

    /** This cluster's name. */
    String clusterName() {
        return secret.clusterName(label);
    }

    /** A coordinator backend joining these workers; closed with the cluster. */
    ClusterSweepBackend coordinator() {
        ClusterSweepBackend backend = new ClusterSweepBackend(
                MemberSettings.coordinator(members, secret, label, null));
        coordinators.add(backend);
        return backend;
    }

    /**
     * Distinct ports free on 127.0.0.1 now, held open together so that none repeats. They are
     * drawn below the kernel's ephemeral range: a port in that range can be handed, between
     * this check and the member's bind, to an outgoing connection (another member's join
     * attempt, or a connect to the not-yet-listening port itself, which loopback turns into a
     * self-connection), and the member then fails to start with its port taken.
     */
    static List<Integer> freePorts(int n) {
        int[] range = listenRange();
        List<ServerSocket> sockets = new ArrayList<>();
        Set<Integer> ports = new TreeSet<>();
        int span = range[1] - range[0];
        int offset = ThreadLocalRandom.current().nextInt(span);
        try {
            for (int i = 0; i < span && ports.size() < n; i++) {
                int port = range[0] + (offset + i) % span;
                ServerSocket s = new ServerSocket();
                try {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                } catch (IOException taken) {
                    s.close();
                    continue;
                }
                sockets.add(s);
                ports.add(port);
            }
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e, e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used
                }
            }
        }
        if (ports.size() < n) {
            throw new IllegalStateException("only " + ports.size() + " free loopback ports in "
                    + range[0] + "-" + (range[1] - 1) + ", " + n + " needed");
        }
        return new ArrayList<>(ports);
    }

    /**
     * Ports {@code [from, to)} to listen on in tests: from 10000 up to the start of Linux's
     * ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range}, 32768 by default).
     */
    static int[] listenRange() {
        int ephemeralLow = 32768;
        try {
            // readAllLines, not readString: /proc files report size 0, and readString then
            // returns only the first byte
            String[] parts = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0).trim().split("\\s+");
            ephemeralLow = Integer.parseInt(parts[0]);
        } catch (IOException | RuntimeException notLinux) {
            // elsewhere the IANA dynamic range (49152 up) and Linux's default both start higher
        }
        int from = 10000;
        int to = Math.max(from + 1000, ephemeralLow);
        return new int[] {from, to};
    }

    @Override
    public void close() {
        for (ClusterSweepBackend c : coordinators) {
            c.close();
        }
        for (SweepWorker w : List.copyOf(workers)) {
            if (w.member().getLifecycleService().isRunning()) {
                w.terminate();
            }
        }
    }
}
