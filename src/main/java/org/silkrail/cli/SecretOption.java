package org.silkrail.cli;

import java.nio.file.Path;
import org.silkrail.cluster.ClusterSecret;
import picocli.CommandLine.Option;

/**
 * {@code --secret-file FILE}, or the environment variable {@code SILKRAIL_CLUSTER_SECRET}: the
 * secret that every member of a sweep cluster shares (docs/cluster.md, "The shared secret").
 * The file wins over the variable; without either, no cluster starts.
 */
final class SecretOption {
    @Option(names = "--secret-file", paramLabel = "FILE", description = "With --cluster: the"
            + " file holding the cluster's shared secret (only its owner may read it); default:"
            + " the environment variable " + ClusterSecret.ENVIRONMENT_VARIABLE + ".")
    Path secretFile;

    /**
     * The secret from the file, or else from the environment.
     *
     * @throws IllegalArgumentException with a message for people when there is none, or it is
     *     unusable (too short, a file others can read)
     */
    ClusterSecret secret() {
        if (secretFile != null) {
            return ClusterSecret.fromFile(secretFile);
        }
        String text = System.getenv(ClusterSecret.ENVIRONMENT_VARIABLE);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cluster needs the shared secret of its"
                    + " members: give --secret-file FILE or set "
                    + ClusterSecret.ENVIRONMENT_VARIABLE + " (make one with `openssl rand"
                    + " -base64 32 > FILE && chmod 600 FILE`; see docs/cluster.md)");
        }
        try {
            return ClusterSecret.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ClusterSecret.ENVIRONMENT_VARIABLE + ": "
                    + e.getMessage(), e);
        }
    }
}
