package org.silkrail.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.silkrail.model.ReplicationResult;

/**
 * The outcome of a run: its header, every statistic of {@link ResultSchema} across the
 * replications, the series bands for charts, and the replications themselves (for CSV files).
 *
 * <p>Invariants: replications are in index order; entity ids keep the order in which the
 * replications list them (the network's declaration order), so every map, and hence every
 * file written from it, has a deterministic order. Aggregation depends only on the
 * replications' values, never on the order in which threads finished them.
 *
 * @param sections section key to entity id to statistics; single sections ({@code engine},
 *     {@code totals}) keep their one entity under {@link Section#SINGLE}
 * @param series series key to entity id to band
 * @param warnings signs of overload seen in most replications ({@link OverloadCheck}); empty
 *     when none
 */
public record RunResults(RunInfo info, Map<String, Map<String, EntityStats>> sections,
        Map<String, Map<String, Band>> series, List<ReplicationResult> replications,
        List<Warning> warnings) {

    public RunResults {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        replications = List.copyOf(replications);
        warnings = List.copyOf(warnings);
    }

    /** These results with {@code warnings} in place of their own. */
    public RunResults withWarnings(List<Warning> newWarnings) {
        return new RunResults(info, sections, series, replications, newWarnings);
    }

    /** Aggregates replications (in index order) into statistics with 95 % intervals. */
    public static RunResults aggregate(RunInfo info, List<ReplicationResult> replications) {
        for (int r = 0; r < replications.size(); r++) {
            if (replications.get(r).replication() != r) {
                throw new IllegalArgumentException("replications out of order: index=" + r
                        + " replication=" + replications.get(r).replication());
            }
        }
        Map<String, Map<String, EntityStats>> sections = new LinkedHashMap<>();
        for (Section<?> section : ResultSchema.SECTIONS) {
            sections.put(section.key(), aggregate(section, replications));
        }
        Map<String, Map<String, Band>> series = new LinkedHashMap<>();
        for (SeriesKind kind : ResultSchema.SERIES) {
            series.put(kind.key(), aggregate(kind, replications));
        }
        return new RunResults(info, sections, series, replications, List.of());
    }

    public EntityStats engine() {
        return single(ResultSchema.ENGINE);
    }

    public EntityStats totals() {
        return single(ResultSchema.TOTALS);
    }

    public Map<String, EntityStats> flows() {
        return sections.get(ResultSchema.FLOWS.key());
    }

    public Map<String, EntityStats> nodes() {
        return sections.get(ResultSchema.NODES.key());
    }

    public Map<String, EntityStats> links() {
        return sections.get(ResultSchema.LINKS.key());
    }

    public Map<String, EntityStats> routes() {
        return sections.get(ResultSchema.ROUTES.key());
    }

    /** The entities of a section by key ({@code "nodes"}); fails fast on an unknown key. */
    public Map<String, EntityStats> section(String key) {
        Map<String, EntityStats> s = sections.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no such section: key=" + key);
        }
        return s;
    }

    private EntityStats single(Section<?> section) {
        return sections.get(section.key()).get(Section.SINGLE);
    }

    private static <T> Map<String, EntityStats> aggregate(Section<T> section,
            List<ReplicationResult> replications) {
        List<Map<String, T>> perReplication = new ArrayList<>(replications.size());
        for (ReplicationResult r : replications) {
            perReplication.add(section.entitiesOf(r));
        }
        return aggregate(section, perReplication, true);
    }

    /**
     * Each entity's statistics over replications; {@code withParts} aggregates labels, shares
     * and breakdowns too (a breakdown's parts report the metrics only).
     */
    private static <T> Map<String, EntityStats> aggregate(Section<T> section,
            List<Map<String, T>> perReplication, boolean withParts) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, T> entities : perReplication) {
            ids.addAll(entities.keySet());
        }
        int n = perReplication.size();
        Map<String, EntityStats> out = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (withParts) {
                for (Label<T> label : section.labels()) {
                    labels.put(label.key(), labelOf(label, id, perReplication));
                }
            }
            Map<String, Stat> metrics = new LinkedHashMap<>();
            for (Metric<T> metric : section.metrics()) {
                if (metric.kind() == Metric.Kind.PER_TRAIN) {
                    double[][] observations = new double[n][];
                    for (int r = 0; r < n; r++) {
                        T entity = perReplication.get(r).get(id);
                        observations[r] = entity == null ? new double[0]
                                : metric.observationsOf(entity);
                    }
                    metrics.put(metric.key(), Stat.ofDistribution(observations));
                } else {
                    double[] values = new double[n];
                    for (int r = 0; r < n; r++) {
                        T entity = perReplication.get(r).get(id);
                        values[r] = entity == null ? Double.NaN : metric.valueOf(entity);
                    }
                    metrics.put(metric.key(), Stat.of(values));
                }
            }
            Map<String, Map<String, Stat>> shares = new LinkedHashMap<>();
            Map<String, Map<String, EntityStats>> breakdowns = new LinkedHashMap<>();
            if (withParts) {
                for (Share<T> share : section.shares()) {
                    shares.put(share.key(), aggregateShare(share, id, perReplication));
                }
                for (Breakdown<T> breakdown : section.breakdowns()) {
                    List<Map<String, T>> parts = new ArrayList<>(n);
                    for (Map<String, T> entities : perReplication) {
                        T entity = entities.get(id);
                        parts.add(entity == null ? Map.of() : breakdown.parts().apply(entity));
                    }
                    breakdowns.put(breakdown.key(), aggregate(section, parts, false));
                }
            }
            Map<String, Map<String, Stat>> namedParts = new LinkedHashMap<>();
            if (withParts) {
                for (Parts<T> p : section.parts()) {
                    namedParts.put(p.key(), aggregateParts(p, id, perReplication));
                }
            }
            out.put(id, new EntityStats(labels, metrics, shares, breakdowns, namedParts));
        }
        return out;
    }

    /** Each part's statistic; a part a replication lacks counts as NaN there (left out). */
    private static <T> Map<String, Stat> aggregateParts(Parts<T> parts, String id,
            List<Map<String, T>> perReplication) {
        int n = perReplication.size();
        List<Map<String, Double>> values = new ArrayList<>(n);
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, T> entities : perReplication) {
            T entity = entities.get(id);
            Map<String, Double> v = entity == null ? Map.of() : parts.values().apply(entity);
            values.add(v);
            names.addAll(v.keySet());
        }
        Map<String, Stat> out = new LinkedHashMap<>();
        for (String name : names) {
            double[] x = new double[n];
            for (int r = 0; r < n; r++) {
                x[r] = values.get(r).getOrDefault(name, Double.NaN);
            }
            out.put(name, Stat.of(x));
        }
        return out;
    }

    /** A label's text: the first replication's that has the entity and a text. */
    private static <T> String labelOf(Label<T> label, String id,
            List<Map<String, T>> perReplication) {
        for (Map<String, T> entities : perReplication) {
            T entity = entities.get(id);
            String text = entity == null ? null : label.text().apply(entity);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static <T> Map<String, Stat> aggregateShare(Share<T> share, String id,
            List<Map<String, T>> perReplication) {
        int n = perReplication.size();
        List<Map<String, Long>> counts = new ArrayList<>(n);
        Set<String> parts = new LinkedHashSet<>();
        for (Map<String, T> entities : perReplication) {
            T entity = entities.get(id);
            Map<String, Long> c = entity == null ? Map.of() : share.counts().apply(entity);
            counts.add(c);
            parts.addAll(c.keySet());
        }
        Map<String, Stat> out = new LinkedHashMap<>();
        for (String part : parts) {
            double[] fractions = new double[n];
            for (int r = 0; r < n; r++) {
                long total = 0;
                for (long v : counts.get(r).values()) {
                    total += v;
                }
                fractions[r] = total == 0 ? Double.NaN
                        : counts.get(r).getOrDefault(part, 0L) / (double) total;
            }
            out.put(part, Stat.of(fractions));
        }
        return out;
    }

    private static Map<String, Band> aggregate(SeriesKind kind,
            List<ReplicationResult> replications) {
        List<Map<String, double[]>> perReplication = new ArrayList<>(replications.size());
        Set<String> ids = new LinkedHashSet<>();
        for (ReplicationResult r : replications) {
            Map<String, double[]> s = r.series() == null ? Map.of() : kind.series().apply(r.series());
            perReplication.add(s);
            ids.addAll(s.keySet());
        }
        Map<String, Band> out = new LinkedHashMap<>();
        for (String id : ids) {
            int length = 0;
            for (Map<String, double[]> s : perReplication) {
                double[] points = s.get(id);
                length = Math.max(length, points == null ? 0 : points.length);
            }
            double[] mean = new double[length];
            double[] low = new double[length];
            double[] high = new double[length];
            double[] values = new double[perReplication.size()];
            for (int i = 0; i < length; i++) {
                for (int r = 0; r < values.length; r++) {
                    double[] points = perReplication.get(r).get(id);
                    values[r] = points != null && i < points.length ? points[i] : Double.NaN;
                }
                Stat stat = Stat.of(values);
                mean[i] = stat.mean();
                low[i] = stat.ci95Low();
                high[i] = stat.ci95High();
            }
            out.put(id, new Band(mean, low, high));
        }
        return out;
    }
}
