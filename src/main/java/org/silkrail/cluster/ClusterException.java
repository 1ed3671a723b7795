package org.silkrail.cluster;

/**
 * The sweep cluster could not do what was asked: a member could not start (its port is taken,
 * its address is not this host's), or the coordinator's own member stopped. The message is for
 * people.
 */
public final class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
