package org.silkrail.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A breakdown of an entity's count into named parts reported as fractions, e.g. a flow's
 * {@code route_share}: per replication, the trains delivered on each route over the trains
 * delivered on all routes. Parts missing from a replication count as 0; a replication with no
 * train at all has no share (NaN, left out of the statistic).
 *
 * @param key output key ({@code route_share})
 * @param partKey what a part is, as a CSV column name ({@code route})
 * @param countKey what is counted, as a CSV column name ({@code trains})
 * @param meaning one sentence for people
 * @param counts per replication, the count of each part in a stable order
 * @param <T> the per-replication result type
 */
public record Share<T>(String key, String partKey, String countKey, String meaning,
        Function<T, Map<String, Long>> counts) {
    public Share {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(partKey, "partKey");
        Objects.requireNonNull(countKey, "countKey");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(counts, "counts");
    }
}
