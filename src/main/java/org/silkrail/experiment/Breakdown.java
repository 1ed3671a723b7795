package org.silkrail.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An entity's values split into parts that report the section's own metrics, e.g. a node's
 * {@code directions}: {@code nodes.DOS.directions.west.wait_hours}. Each part is aggregated
 * across replications like an entity; a part missing from a replication is left out of its
 * statistics (n counts the replications that had it).
 *
 * @param key output key ({@code directions})
 * @param partKey what a part is, as a CSV column name ({@code direction})
 * @param meaning one sentence for people
 * @param parts per replication, the parts by name in a stable order
 * @param <T> the per-replication result type of the entity and of each part
 */
public record Breakdown<T>(String key, String partKey, String meaning,
        Function<T, Map<String, T>> parts) {
    public Breakdown {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(partKey, "partKey");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(parts, "parts");
    }
}
