package org.silkrail.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.silkrail.model.ReplicationResult;

/**
 * One family of time series for the report's charts (a node's daily mean queue): its output
 * key under {@code series}, unit, meaning and where a replication keeps it. Points are
 * aggregated across replications index by index.
 *
 * @param period length of one point, for people ("day", "30 days")
 */
public record SeriesKind(String key, String unit, String period, String meaning,
        Function<ReplicationResult.Series, Map<String, double[]>> series) {
    public SeriesKind {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(series, "series");
    }
}
