package org.silkrail.cluster;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one process takes part in a sweep cluster: the cluster it joins, the members it looks for,
 * and the address and port it listens on itself.
 *
 * <p>Defaults that keep a sweep to itself: a member listens on the address of its own entry in
 * the member list, or on 127.0.0.1 when it has none, never on every interface; the cluster name
 * is derived from a {@link #label(String, MemberList) label} — the sweep's id and the member
 * list — and the shared secret ({@link ClusterSecret#clusterName}), so processes of two sweeps,
 * given two lists, or without the secret never form one cluster.
 *
 * @param label what people see of the cluster name ({@link #label} or {@code --cluster-name}):
 *     the name without its secret-derived part, so that a log that others can read does not
 *     let them join
 * @param clusterName Hazelcast cluster name; only members with the same name join each other
 * @param secret the secret the cluster's members share: it made the name and keys every MAC
 * @param members where to look for the other members
 * @param bindAddress the one address this member listens on
 * @param port the TCP port this member listens on
 * @param threads tasks a worker runs at once (a coordinator runs none)
 */
public record MemberSettings(String label, String clusterName, ClusterSecret secret, MemberList members,
        InetAddress bindAddress, int port, int threads) {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    public MemberSettings {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 1 || port > 65535 || threads < 1) {
            throw new IllegalArgumentException("port=" + port + " threads=" + threads);
        }
    }

    /**
     * The default label of a sweep's cluster: {@code silkrail-<sweep id>-<member list
     * fingerprint>}, e.g. {@code silkrail-caspian-fleet-3f9a0c12}. Workers compute it from
     * {@code --sweep ID} and the coordinator from the sweep file's {@code sweep:} id, both with
     * the same {@code --cluster} list; the secret turns it into the cluster name.
     */
    public static String label(String sweepId, MemberList members) {
        String id = UNSAFE.matcher(sweepId.strip()).replaceAll("_");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("the sweep id is empty");
        }
        return "silkrail-" + id + "-" + members.fingerprint();
    }

    /**
     * A worker's settings. Without {@code port}, the worker takes the first entry of the list
     * that is on this host and whose port is free, and listens on that entry's address.
     *
     * @param label the cluster's label ({@link #label} or {@code --cluster-name}); with the
     *     secret it gives the cluster name
     * @param port the port to listen on, or null for the default
     * @throws IllegalArgumentException with a message for people when no port can be chosen
     */
    public static MemberSettings worker(MemberList members, ClusterSecret secret, String label,
            Integer port, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        String clusterName = secret.clusterName(label);
        if (port != null) {
            return new MemberSettings(label, clusterName, secret, members, addressFor(members),
                    checked(port), threads);
        }
        MemberList.Local free = members.firstFreeOnThisHost();
        if (free == null) {
            throw new IllegalArgumentException(noListedPort(members));
        }
        return new MemberSettings(label, clusterName, secret, members, free.address(),
                free.member().port(), threads);
    }

    /**
     * The coordinator's settings. It must listen where workers can reach it, so its host must be
     * in the list; it takes the first free listed port on this host, or any free port on the
     * listed address when the workers of this host hold every listed one (nobody needs to find
     * the coordinator: it joins them).
     *
     * @param label the cluster's label, as the workers were given it
     * @param port the port to listen on, or null for the default
     * @throws IllegalArgumentException with a message for people when this host is not listed
     */
    public static MemberSettings coordinator(MemberList members, ClusterSecret secret,
            String label, Integer port) {
        String clusterName = secret.clusterName(label);
        List<MemberList.Local> local = members.onThisHost();
        if (port != null) {
            return new MemberSettings(label, clusterName, secret, members, addressFor(members),
                    checked(port), 1);
        }
        MemberList.Local free = members.firstFreeOnThisHost();
        if (free != null) {
            return new MemberSettings(label, clusterName, secret, members, free.address(),
                    free.member().port(), 1);
        }
        if (local.isEmpty()) {
            throw new IllegalArgumentException("no member of --cluster " + members + " is on this"
                    + " host: the coordinator joins the cluster as a member too, so list an"
                    + " address of this host (e.g. add " + firstOtherHostHint(members) + ")");
        }
        InetAddress address = local.get(0).address();
        return new MemberSettings(label, clusterName, secret, members, address,
                MemberList.anyFreePort(address), 1);
    }

    /** {@code host:port} this member listens on. */
    public String address() {
        String host = bindAddress.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static InetAddress addressFor(MemberList members) {
        List<MemberList.Local> local = members.onThisHost();
        return local.isEmpty() ? InetAddress.getLoopbackAddress() : local.get(0).address();
    }

    private static int checked(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be in 1..65535, got " + port);
        }
        return port;
    }

    private static String noListedPort(MemberList members) {
        List<MemberList.Local> local = members.onThisHost();
        if (local.isEmpty()) {
            return "no member of --cluster " + members + " is on this host: list this host's"
                    + " HOST:PORT, or give --port";
        }
        StringBuilder ports = new StringBuilder();
        for (MemberList.Local l : local) {
            ports.append(ports.length() == 0 ? "" : ", ").append(l.member());
        }
        return "every member of --cluster on this host is taken (" + ports + "): another"
                + " process listens there; list one more HOST:PORT, or give --port";
    }

    private static String firstOtherHostHint(MemberList members) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "THIS-HOST";
        }
        return host + ":" + members.members().get(0).port();
    }
}
