package org.silkrail.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.silkrail.model.ReplicationResult;

/**
 * One section of {@code results.json} ({@code totals}, {@code nodes}, …): where its entities
 * come from in a replication's result, and the metrics and shares each entity reports.
 *
 * <p>A keyed section ({@code flows}, {@code nodes}, {@code links}, {@code routes}) holds one
 * entity per id; a single section ({@code engine}, {@code totals}) holds exactly one entity,
 * stored under the id {@link #SINGLE}.
 *
 * @param <T> the per-replication result type of one entity
 */
public final class Section<T> {
    /** The id under which a single section keeps its one entity. */
    public static final String SINGLE = "";

    private final String key;
    private final String meaning;
    private final boolean keyed;
    private final Function<ReplicationResult, Map<String, T>> entities;
    private final List<Metric<T>> metrics;
    private final List<Share<T>> shares;
    private final List<Label<T>> labels;
    private final List<Breakdown<T>> breakdowns;
    private final List<Parts<T>> parts;

    private Section(String key, String meaning, boolean keyed,
            Function<ReplicationResult, Map<String, T>> entities, List<Label<T>> labels,
            List<Metric<T>> metrics, List<Share<T>> shares, List<Breakdown<T>> breakdowns,
            List<Parts<T>> parts) {
        this.key = Objects.requireNonNull(key, "key");
        this.meaning = Objects.requireNonNull(meaning, "meaning");
        this.keyed = keyed;
        this.entities = entities;
        this.labels = List.copyOf(labels);
        this.metrics = List.copyOf(metrics);
        this.shares = List.copyOf(shares);
        this.breakdowns = List.copyOf(breakdowns);
        this.parts = List.copyOf(parts);
    }

    /** A section with one entity per id, in the order the replication's map gives them. */
    public static <T> Section<T> keyed(String key, String meaning,
            Function<ReplicationResult, Map<String, T>> entities, List<Metric<T>> metrics,
            List<Share<T>> shares) {
        return new Section<>(key, meaning, true, entities, List.of(), metrics, shares,
                List.of(), List.of());
    }

    /**
     * A keyed section whose entities also report fixed texts (written before the metrics) and
     * breakdowns into parts (written after the shares).
     */
    public static <T> Section<T> keyed(String key, String meaning,
            Function<ReplicationResult, Map<String, T>> entities, List<Label<T>> labels,
            List<Metric<T>> metrics, List<Share<T>> shares, List<Breakdown<T>> breakdowns) {
        return new Section<>(key, meaning, true, entities, labels, metrics, shares, breakdowns,
                List.of());
    }

    /** A keyed section whose entities also report quantities split into {@link Parts}. */
    public static <T> Section<T> keyed(String key, String meaning,
            Function<ReplicationResult, Map<String, T>> entities, List<Label<T>> labels,
            List<Metric<T>> metrics, List<Share<T>> shares, List<Breakdown<T>> breakdowns,
            List<Parts<T>> parts) {
        return new Section<>(key, meaning, true, entities, labels, metrics, shares, breakdowns,
                parts);
    }

    /** A section with exactly one entity. */
    public static <T> Section<T> single(String key, String meaning,
            Function<ReplicationResult, T> entity, List<Metric<T>> metrics) {
        return new Section<>(key, meaning, false, r -> {
            Map<String, T> one = new LinkedHashMap<>();
            one.put(SINGLE, entity.apply(r));
            return one;
        }, List.of(), metrics, List.of(), List.of(), List.of());
    }

    /**
     * A section with at most one entity: none in a replication where {@code entity} gives
     * {@code null} (left out of results when no replication has it).
     */
    public static <T> Section<T> optionalSingle(String key, String meaning,
            Function<ReplicationResult, T> entity, List<Metric<T>> metrics) {
        return new Section<>(key, meaning, false, r -> {
            Map<String, T> one = new LinkedHashMap<>();
            T value = entity.apply(r);
            if (value != null) {
                one.put(SINGLE, value);
            }
            return one;
        }, List.of(), metrics, List.of(), List.of(), List.of());
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    public boolean keyed() {
        return keyed;
    }

    public List<Metric<T>> metrics() {
        return metrics;
    }

    public List<Share<T>> shares() {
        return shares;
    }

    public List<Label<T>> labels() {
        return labels;
    }

    public List<Breakdown<T>> breakdowns() {
        return breakdowns;
    }

    public List<Parts<T>> parts() {
        return parts;
    }

    /** The {@link Parts} with this key, or {@code null}. */
    public Parts<T> parts(String partsKey) {
        for (Parts<T> p : parts) {
            if (p.key().equals(partsKey)) {
                return p;
            }
        }
        return null;
    }

    /** The section's entities in one replication, by id, in a stable order. */
    public Map<String, T> entitiesOf(ReplicationResult result) {
        return entities.apply(result);
    }

    /** The metric with this key, or {@code null}. */
    public Metric<T> metric(String metricKey) {
        for (Metric<T> m : metrics) {
            if (m.key().equals(metricKey)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key;
    }
}
