package org.silkrail.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A quantity of an entity split into named parts (unlike a {@link Breakdown}, whose parts are
 * sub-entities with the section's metrics), each reported as its own statistic across
 * replications, e.g. a flow's {@code time_breakdown_hours} (running, processing, each cause of
 * waiting, in hours per delivered train) or {@code wait_by_place_hours} (per node and link).
 * A part a replication lacks or leaves NaN (a flow that delivered nothing) is left out of that
 * part's statistic.
 *
 * @param key output key ({@code time_breakdown_hours})
 * @param partKey what a part is, as a CSV column name ({@code cause}, {@code place})
 * @param unit unit of every part ({@code h})
 * @param meaning one sentence for people
 * @param values per replication, each part's value in a stable order
 * @param <T> the per-replication result type
 */
public record Parts<T>(String key, String partKey, String unit, String meaning,
        Function<T, Map<String, Double>> values) {
    public Parts {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(partKey, "partKey");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(values, "values");
    }
}
