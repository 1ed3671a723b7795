package org.silkrail.cluster;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs at WARN every member that joins or leaves the cluster, as seen by one member, and whether
 * the newcomer proved that it holds the secret ({@link MemberConfigs#PROOF_ATTRIBUTE}). A member
 * without the proof knows the cluster name — read off the network, which Hazelcast does not
 * encrypt — but not the secret: it can disturb the cluster, not forge plans, tasks or rows.
 *
 * <p>WARN, not INFO: who is in a cluster that runs tasks is a security record, and silkrail's
 * log shows WARN by default.
 */
final class MembershipLog implements InitialMembershipListener {
    private static final Logger log = LoggerFactory.getLogger(MembershipLog.class);

    private final ClusterSecret secret;
    private final String clusterName;
    /** The name as logged: without its secret-derived part. */
    private final String label;

    MembershipLog(MemberSettings settings) {
        this.secret = settings.secret();
        this.clusterName = settings.clusterName();
        this.label = settings.label();
    }

    @Override
    public void init(InitialMembershipEvent event) {
        for (Member m : event.getMembers()) {
            if (!m.localMember()) {
                joined(m, "is in");
            }
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        // a member that forms a cluster is told of itself
        if (!event.getMember().localMember()) {
            joined(event.getMember(), "joined");
        }
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        Member m = event.getMember();
        if (m.isLiteMember()) {
            log.warn("coordinator {} left cluster {}", address(m), label);
        } else {
            log.warn("worker {} left cluster {}: its unfinished tasks run again on the others",
                    address(m), label);
        }
    }

    /** Logs a member that joined, or was there when this one joined ({@code verb}). */
    private void joined(Member m, String verb) {
        String role = m.isLiteMember() ? "coordinator" : "worker";
        if (proven(m)) {
            log.warn("{} {} {} cluster {}", role, address(m), verb, label);
        } else {
            log.warn("{} {} {} cluster {} WITHOUT proof of the secret: it knows the cluster"
                    + " name but not the secret; its plans, tasks and rows are refused",
                    role, address(m), verb, label);
        }
    }

    /** Whether the member's proof attribute is the MAC of this cluster's name and its address. */
    boolean proven(Member m) {
        String proof = m.getAttribute(MemberConfigs.PROOF_ATTRIBUTE);
        return proof != null && MessageDigest.isEqual(proof.getBytes(StandardCharsets.US_ASCII),
                MemberConfigs.proof(secret, clusterName, address(m))
                        .getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code host:port} as {@link MemberSettings#address()} writes it. */
    static String address(Member m) {
        Address a = m.getAddress();
        String host;
        try {
            host = a.getInetAddress().getHostAddress();
        } catch (UnknownHostException e) {
            host = a.getHost();
        }
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
