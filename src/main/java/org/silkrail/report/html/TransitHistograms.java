package org.silkrail.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.RunResults;
import org.silkrail.model.ReplicationResult;
import org.silkrail.report.Numbers;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the transit times of each flow's delivered trains are distributed: counts of trains per
 * bin of days, all replications pooled (as the pooled percentiles of {@code results.json}), on
 * bins shared by every flow so that flows can be drawn on one axis.
 *
 * <p>Bins are {@code [startDays + i·binDays, startDays + (i+1)·binDays)}; the width is the
 * smallest of 0.25, 0.5, 1, 2, 5, 10, 20 and 50 days that covers the observed range in at most
 * {@value #MAX_BINS} bins, the start a multiple of the width. Example: transit times from 1.3 to
 * 31.7 days would need 122 quarter-day or 62 half-day bins, so they get 31 one-day bins from
 * day 1 to day 32.
 *
 * @param binDays bin width in days
 * @param startDays lower edge of the first bin in days
 * @param counts per flow id, trains per bin (all arrays have the same length)
 */
public record TransitHistograms(double binDays, double startDays, Map<String, long[]> counts) {
    /** The most bins a histogram gets. */
    public static final int MAX_BINS = 60;

    private static final double[] WIDTHS_DAYS = {0.25, 0.5, 1, 2, 5, 10, 20, 50};

    public TransitHistograms {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * The histograms of a run's flows, from every replication's per-train transit times rounded
     * as {@code trains.csv} writes them (12 significant digits), so that the histograms built
     * again from that file are the same.
     */
    public static TransitHistograms of(RunResults results) {
        Map<String, List<double[]>> byFlow = new LinkedHashMap<>();
        for (ReplicationResult r : results.replications()) {
            for (Map.Entry<String, ReplicationResult.FlowResult> e :
                    ResultSchema.FLOWS.entitiesOf(r).entrySet()) {
                double[] days = e.getValue().transitDays().clone();
                for (int i = 0; i < days.length; i++) {
                    BigDecimal written = Numbers.decimal(days[i]);
                    days[i] = written == null ? Double.NaN : written.doubleValue();
                }
                byFlow.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(days);
            }
        }
        return of(byFlow);
    }

    /**
     * The histograms of per-train transit days grouped by flow id (in the order to report);
     * non-finite values are left out, and so are flows left without any value.
     */
    public static TransitHistograms of(Map<String, List<double[]>> observationsByFlow) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<double[]> chunks : observationsByFlow.values()) {
            for (double[] chunk : chunks) {
                for (double v : chunk) {
                    if (Double.isFinite(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        double width = WIDTHS_DAYS[WIDTHS_DAYS.length - 1];
        double start = 0;
        int bins = 0;
        if (min <= max) {
            for (double w : WIDTHS_DAYS) {
                double s = Math.floor(min / w) * w;
                int n = (int) Math.floor((max - s) / w) + 1;
                if (n <= MAX_BINS || w == WIDTHS_DAYS[WIDTHS_DAYS.length - 1]) {
                    width = w;
                    start = s;
                    bins = n;
                    break;
                }
            }
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : observationsByFlow.entrySet()) {
            long[] c = new long[bins];
            long total = 0;
            for (double[] chunk : e.getValue()) {
                for (double v : chunk) {
                    if (Double.isFinite(v)) {
                        c[Math.min(bins - 1, (int) Math.floor((v - start) / width))]++;
                        total++;
                    }
                }
            }
            if (total > 0) {
                counts.put(e.getKey(), c);
            }
        }
        return new TransitHistograms(width, start, counts);
    }

    /** Bins per histogram. */
    public int bins() {
        return counts.isEmpty() ? 0 : counts.values().iterator().next().length;
    }

    /** {@code {bin_days, start_days, flows: {ID: [count, …]}}} for the page's script. */
    ObjectNode toPageJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("bin_days", Numbers.decimal(binDays));
        root.put("start_days", Numbers.decimal(startDays));
        ObjectNode flows = root.putObject("flows");
        counts.forEach((id, c) -> {
            ArrayNode a = flows.putArray(id);
            for (long v : c) {
                a.add(v);
            }
        });
        return root;
    }
}
