package org.silkrail.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.silkrail.format.Csv;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RunSettings;

/**
 * What a researcher needs to choose a scenario's warm-up: the queues at the busiest nodes day by
 * day from time zero, averaged over the replications, and the truncation point MSER-5 suggests.
 *
 * <p>The replications run with the scenario's seed and horizon but no warm-up, so they follow
 * exactly the trajectories of the scenario's own run (the warm-up only decides what is counted,
 * never what happens) observed from day 0, while the network fills with trains.
 *
 * <p><b>MSER-5</b> (White 1997; White, Cobb and Spratt 2000): the daily series is cut into
 * batches of 5 days, {@code Z_0 … Z_{k-1}}; truncating the first {@code d} batches leaves
 * {@code MSER(d) = sum_{j>=d} (Z_j - mean_d)^2 / (k - d)^2}, the squared half-width of a
 * confidence interval of the remaining mean up to a constant. The suggestion is {@code 5 d*}
 * days for the {@code d*} that minimises it, searched over the first half of the run only: a
 * minimum at that limit means the run is too short to tell, and {@link Suggestion#atLimit} says
 * so. The rule is applied to the total queue over all nodes and to each of the busiest nodes.
 *
 * @param nodes the busiest nodes by mean queue over the whole run, busiest first
 * @param days days in the series (the horizon in whole days)
 * @param totalQueue per day, the mean over replications of the number of trains waiting at all
 *     nodes together
 * @param nodeQueue per busiest node, per day, the mean over replications of its trains waiting
 * @param total the suggestion for the total queue
 * @param perNode the suggestion for each busiest node
 * @param scenarioWarmupDays the warm-up the scenario sets
 * @param replications replications averaged
 */
public record WarmupReport(List<String> nodes, int days, double[] totalQueue,
        Map<String, double[]> nodeQueue, Suggestion total, Map<String, Suggestion> perNode,
        double scenarioWarmupDays, int replications) {
    /** MSER-5's batch size in days. */
    public static final int BATCH_DAYS = 5;
    /** How many nodes the report follows. */
    public static final int BUSIEST_NODES = 5;
    static final String SERIES = "node_queue_daily";

    /**
     * A truncation point.
     *
     * @param days suggested warm-up in days (a multiple of {@link #BATCH_DAYS}); -1 when the
     *     series is too short (fewer than two batches)
     * @param atLimit true when the minimum lies at the end of the searched half: the run is
     *     too short to show the end of the transient
     */
    public record Suggestion(int days, boolean atLimit) {
    }

    /**
     * Runs the scenario's replications without warm-up and analyses the queues.
     *
     * @param progress told of each finished replication
     */
    public static WarmupReport run(ScenarioRun.Request request, Replications.Progress progress) {
        ModelSpec spec = request.spec();
        RunSettings settings = spec.run();
        ModelSpec fromZero = spec.withRun(new RunSettings(settings.horizonSeconds(), 0,
                settings.replications(), settings.seed(), settings.calendarStartSeconds()));
        RunResults results = ScenarioRun.run(new ScenarioRun.Request(request.scenario(),
                request.title(), request.inputSha256(), fromZero, request.replications(),
                request.seed(), request.threads()), "", progress);
        return of(results.series().getOrDefault(SERIES, Map.of()),
                settings.warmupSeconds() / 86_400.0, request.replications());
    }

    /** The report of daily queue bands (node id to band over days from time zero). */
    static WarmupReport of(Map<String, Band> daily, double scenarioWarmupDays,
            int replications) {
        int days = 0;
        for (Band b : daily.values()) {
            days = Math.max(days, b.length());
        }
        double[] total = new double[days];
        Map<String, Double> overall = new LinkedHashMap<>();
        for (Map.Entry<String, Band> e : daily.entrySet()) {
            double[] mean = e.getValue().mean();
            double sum = 0;
            for (int d = 0; d < mean.length; d++) {
                if (Double.isFinite(mean[d])) {
                    total[d] += mean[d];
                    sum += mean[d];
                }
            }
            overall.put(e.getKey(), mean.length == 0 ? 0 : sum / mean.length);
        }
        List<String> busiest = overall.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(BUSIEST_NODES).map(Map.Entry::getKey).toList();
        Map<String, double[]> nodeQueue = new LinkedHashMap<>();
        Map<String, Suggestion> perNode = new LinkedHashMap<>();
        for (String id : busiest) {
            double[] series = daily.get(id).mean();
            nodeQueue.put(id, series);
            perNode.put(id, mser5(series));
        }
        return new WarmupReport(busiest, days, total, nodeQueue, mser5(total), perNode,
                scenarioWarmupDays, replications);
    }

    /** The MSER-5 truncation point of a daily series (NaN days count as 0 trains waiting). */
    public static Suggestion mser5(double[] daily) {
        int k = daily.length / BATCH_DAYS;
        if (k < 2) {
            return new Suggestion(-1, false);
        }
        double[] z = new double[k];
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (int i = 0; i < BATCH_DAYS; i++) {
                double v = daily[j * BATCH_DAYS + i];
                sum += Double.isFinite(v) ? v : 0;
            }
            z[j] = sum / BATCH_DAYS;
        }
        int limit = k / 2;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int d = 0; d <= limit; d++) {
            double mean = 0;
            for (int j = d; j < k; j++) {
                mean += z[j];
            }
            mean /= k - d;
            double squares = 0;
            for (int j = d; j < k; j++) {
                squares += (z[j] - mean) * (z[j] - mean);
            }
            double value = squares / ((double) (k - d) * (k - d));
            if (value < bestValue) {
                bestValue = value;
                best = d;
            }
        }
        return new Suggestion(best * BATCH_DAYS, best == limit && limit > 0);
    }

    /**
     * {@code warmup.csv}: {@code day} (0-based, from time zero), {@code total_queue_mean}, then
     * {@code <node>.queue_mean} per busiest node; one row per day. the project's CSV dialect ({@link Csv}).
     */
    public byte[] toCsv(DoubleFunction<String> numberFormat) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("day", "total_queue_mean"));
        for (String id : nodes) {
            header.add(id + ".queue_mean");
        }
        sb.append(Csv.record(header));
        for (int d = 0; d < days; d++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(d),
                    numberFormat.apply(totalQueue[d])));
            for (String id : nodes) {
                double[] series = nodeQueue.get(id);
                row.add(numberFormat.apply(d < series.length ? series[d] : Double.NaN));
            }
            sb.append(Csv.record(row));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
