package org.silkrail.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;
import org.silkrail.format.Csv;

/**
 * Each variant of a sweep aggregated over its replications: per metric the mean and the
 * Student-t 95 % interval ({@link Stat}), as {@code summary.csv} holds them.
 *
 * <p>Computed from the rows as written to {@code sweep.jsonl} and in replication order, never
 * in finishing order, so the summary of a sweep is the same to the last digit whether it ran on
 * one thread or many, in one go or resumed. Timing is left out for the same reason.
 *
 * @param plan the sweep
 * @param stats per variant (index order), per metric (plan order)
 * @param replications per variant, the rows it has
 */
public record SweepSummary(SweepPlan plan, List<List<Stat>> stats, List<Integer> replications) {

    public SweepSummary {
        stats = stats.stream().map(List::copyOf).toList();
        replications = List.copyOf(replications);
    }

    /** Aggregates rows (any order; each key at most once). */
    public static SweepSummary of(SweepPlan plan, List<SweepRow> rows) {
        List<List<SweepRow>> byVariant = new ArrayList<>();
        for (int v = 0; v < plan.variants().size(); v++) {
            byVariant.add(new ArrayList<>());
        }
        for (SweepRow row : rows) {
            byVariant.get(row.variant()).add(row);
        }
        List<List<Stat>> stats = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (List<SweepRow> variantRows : byVariant) {
            variantRows.sort(Comparator.comparingInt(SweepRow::replication));
            List<Stat> perMetric = new ArrayList<>();
            for (int m = 0; m < plan.metrics().size(); m++) {
                double[] values = new double[variantRows.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = variantRows.get(r).values().get(m);
                }
                perMetric.add(Stat.of(values));
            }
            stats.add(perMetric);
            counts.add(variantRows.size());
        }
        return new SweepSummary(plan, stats, counts);
    }

    /** The statistic of metric {@code metric} (plan order) of variant {@code variant}. */
    public Stat stat(int variant, int metric) {
        return stats.get(variant).get(metric);
    }

    /**
     * {@code summary.csv}: {@code variant}, one column per varied path, {@code replications},
     * then {@code <metric>.mean}, {@code <metric>.ci95_low}, {@code <metric>.ci95_high} per
     * metric; one row per variant. the project's CSV dialect ({@link Csv}); empty field for a missing number.
     */
    public byte[] toCsv(DoubleFunction<String> numberFormat) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("variant");
        header.addAll(plan.parameters());
        header.add("replications");
        for (String m : plan.metricNames()) {
            header.add(m + ".mean");
            header.add(m + ".ci95_low");
            header.add(m + ".ci95_high");
        }
        sb.append(Csv.record(header));
        for (int v = 0; v < plan.variants().size(); v++) {
            List<String> fields = new ArrayList<>();
            fields.add(Integer.toString(v));
            fields.addAll(plan.variants().get(v).values());
            fields.add(Integer.toString(replications.get(v)));
            for (Stat s : stats.get(v)) {
                fields.add(numberFormat.apply(s.mean()));
                fields.add(numberFormat.apply(s.ci95Low()));
                fields.add(numberFormat.apply(s.ci95High()));
            }
            sb.append(Csv.record(fields));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
