package org.silkrail.experiment;

import java.io.Serial;
import java.io.Serializable;

/**
 * Names one run of a sweep: replication {@code replication} of variant {@code variant}. A sweep
 * row is identified by its key; a resumed sweep runs the keys it has no row for.
 */
public record TaskKey(int variant, int replication) implements Serializable, Comparable<TaskKey> {
    @Serial
    private static final long serialVersionUID = 1L;

    public TaskKey {
        if (variant < 0 || replication < 0) {
            throw new IllegalArgumentException("variant=" + variant + " replication="
                    + replication);
        }
    }

    @Override
    public int compareTo(TaskKey o) {
        int c = Integer.compare(variant, o.variant);
        return c != 0 ? c : Integer.compare(replication, o.replication);
    }

    @Override
    public String toString() {
        return "variant " + variant + " replication " + replication;
    }
}
