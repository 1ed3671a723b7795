package org.silkrail.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The {@code --cluster HOST:PORT,…} list: where the members of a sweep cluster listen. Every
 * process of one sweep — workers and the coordinator — is given the same list; members find
 * each other only through it (TCP-IP join; no multicast, no discovery).
 *
 * <p>Invariants: at least one entry, no duplicates, ports in 1..65535. The order does not matter
 * for {@link #fingerprint()}, so two users who list the same members in another order still
 * meet. Immutable.
 *
 * @param members the entries in the order given
 */
public record MemberList(List<HostPort> members) {

    /** One entry of the list: a host name or IP literal, and a TCP port. */
    public record HostPort(String host, int port) {
        public HostPort {
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad member: host=" + host + " port=" + port);
            }
        }

        /** {@code host:port}, IPv6 literals in brackets, as Hazelcast's member list takes it. */
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public MemberList {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a member list needs at least one member");
        }
    }

    /**
     * Parses {@code HOST:PORT,HOST:PORT,…}; IPv6 literals go in brackets ({@code [::1]:5701}).
     *
     * @throws IllegalArgumentException with a message for people that names the bad entry
     */
    public static MemberList parse(String text) {
        List<HostPort> members = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (String raw : text.split(",", -1)) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("empty entry in \"" + text
                        + "\": expected HOST:PORT,HOST:PORT,…");
            }
            HostPort member = parseEntry(entry);
            if (!seen.add(member.toString().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("\"" + entry + "\" is listed twice");
            }
            members.add(member);
        }
        return new MemberList(members);
    }

    private static HostPort parseEntry(String entry) {
        String host;
        String port;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0 || close + 1 >= entry.length() || entry.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("\"" + entry
                        + "\": expected [IPV6]:PORT, e.g. [::1]:5701");
            }
            host = entry.substring(1, close);
            port = entry.substring(close + 2);
        } else {
            int colon = entry.lastIndexOf(':');
            if (colon < 0 || entry.indexOf(':') != colon) {
                throw new IllegalArgumentException("\"" + entry
                        + "\": expected HOST:PORT, e.g. 127.0.0.1:5701");
            }
            host = entry.substring(0, colon);
            port = entry.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("\"" + entry + "\": the host is missing");
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + entry + "\": the port must be a number, got \""
                    + port + "\"");
        }
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("\"" + entry + "\": the port must be in 1..65535, got "
                    + number);
        }
        return new HostPort(host, number);
    }

    /**
     * Eight hex digits of the SHA-256 of the sorted, lower-cased entries: the same for every
     * process given the same members in any order. Part of the cluster name, so that processes
     * given different lists never form one cluster.
     */
    public String fingerprint() {
        TreeSet<String> sorted = new TreeSet<>();
        for (HostPort m : members) {
            sorted.add(m.toString().toLowerCase(Locale.ROOT));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join(",", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The entries whose host is an address of this machine (a loopback address, or the address
     * of one of its network interfaces), in list order.
     *
     * @throws IllegalArgumentException if a host name does not resolve
     */
    public List<Local> onThisHost() {
        List<Local> local = new ArrayList<>();
        for (HostPort m : members) {
            InetAddress address;
            try {
                address = InetAddress.getByName(m.host());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("\"" + m + "\": unknown host " + m.host());
            }
            if (address.isAnyLocalAddress()) {
                throw new IllegalArgumentException("\"" + m + "\": " + m.host() + " is no address"
                        + " another member can connect to; list this host's own address");
            }
            if (isLocal(address)) {
                local.add(new Local(m, address));
            }
        }
        return local;
    }

    /** An entry on this machine and the address it resolves to. */
    public record Local(HostPort member, InetAddress address) {
    }

    /**
     * The first entry on this host whose port is free to listen on now, or null. A port taken
     * between this check and the member's start makes the start fail with a bind error, not a
     * wrong cluster.
     */
    public Local firstFreeOnThisHost() {
        for (Local l : onThisHost()) {
            if (isFree(l.address(), l.member().port())) {
                return l;
            }
        }
        return null;
    }

    /** Whether a TCP server socket can listen on {@code address:port} now. */
    static boolean isFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the member will bind: connections of a previous member in TIME_WAIT do not
            // block the port, another process listening on it does
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the system reports free on {@code address} now: for a member nobody needs to find. */
    static int anyFreePort(InetAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + address.getHostAddress()
                    + ": " + e.getMessage());
        }
    }

    private static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (HostPort m : members) {
            parts.add(m.toString());
        }
        return String.join(",", parts);
    }
}
