package org.silkrail.experiment;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The unit of work of a sweep: replication {@code replication} of the variant made by applying
 * {@code overrides} to the sweep's base scenario, with random streams from {@code rootSeed}.
 * Its {@link SweepRow} depends on nothing else (not on the thread, member or time it runs on),
 * which is what lets any backend run tasks in any order and a resumed sweep match an
 * uninterrupted one.
 *
 * @param variant 0-based variant index in the plan
 * @param overrides {@code PATH=VALUE} overrides that make the variant from the base
 * @param replication 0-based replication index; streams are keyed by it
 * @param rootSeed root seed of {@link org.silkrail.engine.RandomStreams}, the same for every
 *     variant (common random numbers)
 */
public record SweepTask(int variant, List<String> overrides, int replication, long rootSeed)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public SweepTask {
        overrides = List.copyOf(overrides);
        if (variant < 0 || replication < 0) {
            throw new IllegalArgumentException("variant=" + variant + " replication="
                    + replication);
        }
    }

    public TaskKey key() {
        return new TaskKey(variant, replication);
    }
}
