package org.silkrail.experiment;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One number a results section reports for each entity (a node's {@code wait_hours}, a flow's
 * {@code transit_days}): its output key, unit and meaning, and how to read it from one
 * replication's result. Writers iterate these descriptors; they know nothing of trains.
 *
 * <p>A {@link Kind#VALUE} metric has one number per replication. A {@link Kind#PER_TRAIN}
 * metric has one observation per delivered train; its per-replication value is the mean of
 * those, and its statistic adds pooled percentiles.
 *
 * @param <T> the per-replication result type the metric is read from
 */
public final class Metric<T> {
    /** How many numbers one replication gives. */
    public enum Kind { VALUE, PER_TRAIN }

    private final String key;
    private final String unit;
    private final String meaning;
    private final Kind kind;
    private final boolean timing;
    private final ToDoubleFunction<T> value;
    private final Function<T, double[]> observations;

    private Metric(String key, String unit, String meaning, Kind kind, boolean timing,
            ToDoubleFunction<T> value, Function<T, double[]> observations) {
        this.key = Objects.requireNonNull(key, "key");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.meaning = Objects.requireNonNull(meaning, "meaning");
        this.kind = kind;
        this.timing = timing;
        this.value = value;
        this.observations = observations;
    }

    /** A metric with one value per replication. */
    public static <T> Metric<T> value(String key, String unit, String meaning,
            ToDoubleFunction<T> value) {
        return new Metric<>(key, unit, meaning, Kind.VALUE, false, value, null);
    }

    /** A wall-clock measurement: the only kind of value allowed to differ between equal runs. */
    public static <T> Metric<T> timing(String key, String unit, String meaning,
            ToDoubleFunction<T> value) {
        return new Metric<>(key, unit, meaning, Kind.VALUE, true, value, null);
    }

    /** A metric with one observation per delivered train. */
    public static <T> Metric<T> perTrain(String key, String unit, String meaning,
            Function<T, double[]> observations) {
        return new Metric<>(key, unit, meaning, Kind.PER_TRAIN, false,
                t -> Stat.mean(observations.apply(t)), observations);
    }

    /** The snake_case key in results.json and the CSV header. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** One sentence for people (docs/results.md says the same). */
    public String meaning() {
        return meaning;
    }

    public Kind kind() {
        return kind;
    }

    /** True for wall-clock values, which differ from run to run. */
    public boolean timing() {
        return timing;
    }

    /** The replication's value: the value itself, or the mean of a per-train metric. */
    public double valueOf(T result) {
        return value.applyAsDouble(result);
    }

    /** The replication's per-train observations; only for {@link Kind#PER_TRAIN}. */
    public double[] observationsOf(T result) {
        if (observations == null) {
            throw new IllegalStateException("not a per-train metric: key=" + key);
        }
        return observations.apply(result);
    }

    @Override
    public String toString() {
        return key + " [" + unit + "]";
    }
}
