package org.silkrail.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics of one entity of a section (node {@code DOS}, flow {@code xian-europe}, the
 * totals) across replications, keyed by metric key in schema order.
 *
 * @param metrics metric key to statistic
 * @param shares share key ({@code route_share}) to part name to statistic of the fraction
 * @param breakdowns breakdown key ({@code time_breakdown_hours}) to part name to statistic
 */
public record EntityStats(Map<String, Stat> metrics, Map<String, Map<String, Stat>> shares,
        Map<String, Map<String, Stat>> breakdowns) {
    public EntityStats {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        shares = copy(shares);
        breakdowns = copy(breakdowns);
    }

    /** Statistics without breakdowns. */
    public EntityStats(Map<String, Stat> metrics, Map<String, Map<String, Stat>> shares) {
        this(metrics, shares, Map.of());
    }

    private static Map<String, Map<String, Stat>> copy(Map<String, Map<String, Stat>> nested) {
        Map<String, Map<String, Stat>> copy = new LinkedHashMap<>();
        nested.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }

    /** The statistic of a metric; fails fast on a key the schema does not have. */
    public Stat get(String metricKey) {
        Stat s = metrics.get(metricKey);
        if (s == null) {
            throw new IllegalArgumentException("no such metric: key=" + metricKey
                    + " known=" + metrics.keySet());
        }
        return s;
    }

    /** The parts of a share, e.g. {@code share("route_share")}; empty if none. */
    public Map<String, Stat> share(String shareKey) {
        return shares.getOrDefault(shareKey, Map.of());
    }

    /** The parts of a breakdown, e.g. {@code breakdown("time_breakdown_hours")}; empty if none. */
    public Map<String, Stat> breakdown(String breakdownKey) {
        return breakdowns.getOrDefault(breakdownKey, Map.of());
    }
}
