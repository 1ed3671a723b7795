package org.silkrail.experiment;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import org.silkrail.model.ReplicationResult;

/**
 * One number of one replication named by its dotted path into {@code results.json}:
 * {@code totals.teu_per_year}, {@code flows.xian-europe.transit_days},
 * {@code nodes.DOS.wait_hours}, or one part of a {@link Parts}:
 * {@code flows.xian-europe.time_breakdown_hours.closure}. The names of comparison.json's metrics
 * and of sweep columns.
 *
 * <p>A per-train metric ({@code transit_days}) reads as the replication's mean over its trains,
 * as in {@code replications.csv}. An entity a replication does not have (a node of another
 * option, a flow that delivered nothing), or a part it does not report, reads as NaN.
 *
 * @param section section key of {@link ResultSchema} ({@code totals}, {@code nodes}, …)
 * @param entity entity id in a keyed section, {@link Section#SINGLE} in a single one
 * @param metric metric key of that section, or a parts key of it, a dot and the part's name
 *     ({@code time_breakdown_hours.closure}; parts keys hold no dot, part names may)
 */
public record MetricPath(String section, String entity, String metric) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public MetricPath {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(metric, "metric");
        Section<?> s = ResultSchema.section(section);
        if (s == null || (s.metric(metric) == null && partsOf(s, metric) == null)) {
            throw new IllegalArgumentException("no such metric: section=" + section
                    + " metric=" + metric);
        }
        if (s.keyed() == entity.equals(Section.SINGLE)) {
            throw new IllegalArgumentException("entity does not fit the section: section="
                    + section + " entity=" + entity);
        }
    }

    /** {@code <section>.<entity>.<parts>.<part>}: one part of a {@link Parts}. */
    public static MetricPath ofPart(Section<?> keyed, String entity, String parts, String part) {
        return new MetricPath(keyed.key(), entity, parts + "." + part);
    }

    /** The {@link Parts} a {@code parts.part} metric names (part non-empty), or null. */
    private static <T> Parts<T> partsOf(Section<T> s, String metric) {
        int dot = metric.indexOf('.');
        return dot <= 0 || dot == metric.length() - 1 ? null
                : s.parts(metric.substring(0, dot));
    }

    /** {@code totals.<metric>} and other single sections. */
    public static MetricPath of(Section<?> single, String metric) {
        return new MetricPath(single.key(), Section.SINGLE, metric);
    }

    /** {@code <section>.<entity>.<metric>}. */
    public static MetricPath of(Section<?> keyed, String entity, String metric) {
        return new MetricPath(keyed.key(), entity, metric);
    }

    /** The dotted path: {@code totals.teu_per_year}, {@code nodes.DOS.wait_hours}. */
    public String path() {
        return entity.equals(Section.SINGLE) ? section + "." + metric
                : section + "." + entity + "." + metric;
    }

    /** The replication's value, or NaN when it lacks the entity. */
    public double valueIn(ReplicationResult result) {
        return valueIn(ResultSchema.section(section), result);
    }

    private <T> double valueIn(Section<T> s, ReplicationResult result) {
        T e = s.entitiesOf(result).get(entity);
        if (e == null) {
            return Double.NaN;
        }
        Metric<T> m = s.metric(metric);
        if (m != null) {
            return m.valueOf(e);
        }
        Double part = partsOf(s, metric).values().apply(e)
                .get(metric.substring(metric.indexOf('.') + 1));
        return part == null ? Double.NaN : part;
    }

    @Override
    public String toString() {
        return path();
    }
}
