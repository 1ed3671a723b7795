package org.silkrail.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.model.ReplicationResult;

/**
 * Capacity options against a base, metric by metric, with paired 95 % intervals
 * ({@link PairedDifference}): what {@code comparison.json} holds (PRODUCT.md §4).
 *
 * <p>Every run must have used the same root seed and number of replications — that is what
 * makes replication {@code r} of every option see the same arrivals, processing draws and
 * disruptions wherever the options share them (see {@code docs/experiments.md}). Metrics are
 * every non-timing metric of {@code totals}, {@code flows}, {@code nodes}, {@code links} and
 * {@code routes} for the entities both runs have, and every part of their {@link Parts} (a
 * flow's delay causes, waits by place, cost parts) that both runs report, by dotted path, in the
 * base's order.
 *
 * @param base the base run
 * @param options option key (its scenario id, made unique) to its run, in command-line order
 * @param differences option key to metric path to its paired difference
 */
public record Comparison(RunResults base, Map<String, RunResults> options,
        Map<String, Map<String, PairedDifference>> differences) {
    /** How many nodes the table shows: the base's longest mean waits. */
    public static final int BUSIEST_NODES = 5;

    /** The flows' metrics per TEU the table shows after the transit days, in order. */
    public static final List<String> PER_TEU_METRICS = List.of("cost_usd_per_teu",
            "co2_kg_per_teu");

    public Comparison {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        Map<String, Map<String, PairedDifference>> copy = new LinkedHashMap<>();
        differences.forEach((k, v) -> copy.put(k,
                Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        differences = Collections.unmodifiableMap(copy);
    }

    /**
     * Pairs each option's replications with the base's.
     *
     * @throws IllegalArgumentException if a run has another seed or replication count
     */
    public static Comparison of(RunResults base, Map<String, RunResults> options) {
        Map<String, Map<String, PairedDifference>> differences = new LinkedHashMap<>();
        for (Map.Entry<String, RunResults> e : options.entrySet()) {
            RunResults option = e.getValue();
            if (option.info().seed() != base.info().seed()
                    || option.replications().size() != base.replications().size()) {
                throw new IllegalArgumentException("runs are not paired: option=" + e.getKey()
                        + " seed=" + option.info().seed() + " replications="
                        + option.replications().size() + " base seed=" + base.info().seed()
                        + " base replications=" + base.replications().size());
            }
            Map<String, PairedDifference> byMetric = new LinkedHashMap<>();
            for (MetricPath m : sharedMetrics(base, option)) {
                byMetric.put(m.path(), PairedDifference.of(values(base, m), values(option, m)));
            }
            differences.put(e.getKey(), byMetric);
        }
        return new Comparison(base, options, differences);
    }

    /** The per-replication values of a metric, in replication order. */
    static double[] values(RunResults run, MetricPath metric) {
        List<ReplicationResult> reps = run.replications();
        double[] v = new double[reps.size()];
        for (int r = 0; r < v.length; r++) {
            v[r] = metric.valueIn(reps.get(r));
        }
        return v;
    }

    /**
     * Non-timing metrics of the entities both runs report, then each entity's parts both runs
     * report ({@code flows.ID.time_breakdown_hours.closure}), in the base's order.
     */
    static List<MetricPath> sharedMetrics(RunResults base, RunResults option) {
        List<MetricPath> out = new ArrayList<>();
        for (Section<?> section : List.of(ResultSchema.TOTALS, ResultSchema.BACKGROUND_TOTALS,
                ResultSchema.FLOWS,
                ResultSchema.NODES, ResultSchema.LINKS, ResultSchema.ROUTES)) {
            Map<String, EntityStats> theirs = option.section(section.key());
            for (Map.Entry<String, EntityStats> e : base.section(section.key()).entrySet()) {
                String id = e.getKey();
                EntityStats other = theirs.get(id);
                if (other == null) {
                    continue;
                }
                for (Metric<?> metric : section.metrics()) {
                    if (!metric.timing()) {
                        out.add(new MetricPath(section.key(), id, metric.key()));
                    }
                }
                for (Parts<?> parts : section.parts()) {
                    Map<String, Stat> their = other.parts(parts.key());
                    for (String part : e.getValue().parts(parts.key()).keySet()) {
                        if (their.containsKey(part)) {
                            out.add(MetricPath.ofPart(section, id, parts.key(), part));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The metrics of the table, in order: TEU/year, mean transit days overall and per flow, each
     * flow's cost and CO2 per TEU (where the base or an option has a non-zero mean: a scenario
     * without cost inputs has none), and the mean wait at the {@link #BUSIEST_NODES} nodes where
     * the base's trains wait longest.
     */
    public List<String> mainMetrics() {
        List<String> paths = new ArrayList<>();
        paths.add("totals.teu_per_year");
        paths.add("totals.transit_days");
        for (String flow : base.flows().keySet()) {
            paths.add("flows." + flow + ".transit_days");
        }
        for (String metric : PER_TEU_METRICS) {
            for (String flow : base.flows().keySet()) {
                String path = "flows." + flow + "." + metric;
                if (nonZeroAnywhere(path)) {
                    paths.add(path);
                }
            }
        }
        base.nodes().entrySet().stream()
                .filter(e -> e.getValue().get("wait_hours").mean() > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, EntityStats> e) ->
                        e.getValue().get("wait_hours").mean()).reversed())
                .limit(BUSIEST_NODES)
                .forEach(e -> paths.add("nodes." + e.getKey() + ".wait_hours"));
        return paths;
    }

    /** True when some option's pairing of {@code path} has a non-zero base or option mean. */
    private boolean nonZeroAnywhere(String path) {
        for (Map<String, PairedDifference> metrics : differences.values()) {
            PairedDifference d = metrics.get(path);
            if (d != null && ((Double.isFinite(d.baseMean()) && d.baseMean() != 0)
                    || (Double.isFinite(d.optionMean()) && d.optionMean() != 0))) {
                return true;
            }
        }
        return false;
    }
}
