package org.silkrail.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics of one entity of a section (node {@code DOS}, flow {@code xian-europe}, the
 * totals) across replications, keyed by metric key in schema order.
 *
 * @param labels label key ({@code from}) to its text, {@code null} when the entity has none
 * @param metrics metric key to statistic
 * @param shares share key ({@code route_share}) to part name to statistic of the fraction
 * @param breakdowns breakdown key ({@code directions}) to part name to the part's statistics
 * @param parts parts key ({@code time_breakdown_hours}) to part name to statistic
 */
public record EntityStats(Map<String, String> labels, Map<String, Stat> metrics,
        Map<String, Map<String, Stat>> shares,
        Map<String, Map<String, EntityStats>> breakdowns,
        Map<String, Map<String, Stat>> parts) {
    public EntityStats {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Map<String, Map<String, Stat>> copy = new LinkedHashMap<>();
        shares.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        shares = Collections.unmodifiableMap(copy);
        Map<String, Map<String, EntityStats>> subEntities = new LinkedHashMap<>();
        breakdowns.forEach((k, v) -> subEntities.put(k,
                Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        breakdowns = Collections.unmodifiableMap(subEntities);
        Map<String, Map<String, Stat>> namedParts = new LinkedHashMap<>();
        parts.forEach((k, v) -> namedParts.put(k,
                Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        parts = Collections.unmodifiableMap(namedParts);
    }

    /** Statistics without {@link Parts}. */
    public EntityStats(Map<String, String> labels, Map<String, Stat> metrics,
            Map<String, Map<String, Stat>> shares,
            Map<String, Map<String, EntityStats>> breakdowns) {
        this(labels, metrics, shares, breakdowns, Map.of());
    }

    /** Statistics without labels or breakdowns. */
    public EntityStats(Map<String, Stat> metrics, Map<String, Map<String, Stat>> shares) {
        this(Map.of(), metrics, shares, Map.of());
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

    /** The parts of a breakdown, e.g. {@code breakdown("directions")}; empty if none. */
    public Map<String, EntityStats> breakdown(String breakdownKey) {
        return breakdowns.getOrDefault(breakdownKey, Map.of());
    }

    /** The parts of a {@link Parts}, e.g. {@code parts("time_breakdown_hours")}; empty if none. */
    public Map<String, Stat> parts(String partsKey) {
        return parts.getOrDefault(partsKey, Map.of());
    }

    /** The parts of a share, e.g. {@code share("route_share")}; empty if none. */
    public Map<String, Stat> share(String shareKey) {
        return shares.getOrDefault(shareKey, Map.of());
    }
}
