package org.silkrail.experiment;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * What one run of a sweep measured: one line of {@code sweep.csv} and {@code sweep.jsonl}.
 *
 * <p>Every field except {@code wallSeconds} is a pure function of (base scenario content,
 * variant, replication, root seed): the same task gives the same row on any thread, member or
 * attempt. Plain values only, so a row can travel between cluster members.
 *
 * @param variant 0-based variant index
 * @param replication 0-based replication index
 * @param seed the replication's seed as reported ({@code RandomStreams#replicationSeed})
 * @param values one value per {@link SweepPlan#metrics()} entry, in that order; NaN where the
 *     replication has no value (a node no train reached)
 * @param wallSeconds wall-clock seconds of the replication (the only timing column)
 */
public record SweepRow(int variant, int replication, long seed, List<Double> values,
        double wallSeconds) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public SweepRow {
        values = List.copyOf(values);
    }

    public TaskKey key() {
        return new TaskKey(variant, replication);
    }

    /** This row without its timing, for comparing runs of the same sweep. */
    public SweepRow withoutTiming() {
        return new SweepRow(variant, replication, seed, values, 0);
    }
}
