package org.silkrail.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;

/**
 * The scenario key {@code demand_scale}: multiplies the rate of every corridor flow's trains by
 * one factor, so that {@code --set demand_scale=1.3} is "30 % more China–Europe trains". A
 * {@code background: true} flow (domestic or transit freight on the same lines) keeps its rate:
 * the scale is the corridor's growth, which {@code silkrail capacity} searches against the
 * background traffic as written.
 *
 * <p>What it scales, per arrival process:
 * <ul>
 *   <li>{@code poisson(r)} becomes {@code poisson(scale · r)}, with the same monthly
 *       profile if it has one. The gaps are drawn from the same
 *       stream, each divided by {@code scale}, so two scales share their random numbers
 *       (common random numbers): the k-th train of a flow arrives at {@code t_k / scale}.</li>
 *   <li>{@code every(i)} becomes {@code every(i / scale)}, rounded to the whole second (at
 *       least 1 s); for intervals of hours the rounding changes the rate by under 10⁻⁴.</li>
 *   <li>a repeating schedule ({@code schedule:} with {@code repeat:}) runs {@code scale} times as
 *       fast: every listed time and the cycle are divided by {@code scale} (rounded to the
 *       second), so the timetable keeps its shape and its rate is multiplied by {@code scale}.</li>
 *   <li>a one-off schedule (no {@code repeat:}) lists individual trains and has no rate: it is
 *       left as it is.</li>
 * </ul>
 * Nothing else changes: TEU per train, routes, closures and storms stay as written.
 */
public final class DemandScale {
    /** The factor when the key is absent. */
    public static final double DEFAULT = 1;

    private DemandScale() {
    }

    /** {@code spec} with every flow's rate multiplied by {@code scale}; {@code spec} if 1. */
    public static ModelSpec apply(ModelSpec spec, double scale) {
        checkScale(scale);
        if (scale == DEFAULT) {
            return spec;
        }
        return spec.withDemand(apply(spec.demand(), scale));
    }

    static Map<String, FlowSpec> apply(Map<String, FlowSpec> demand, double scale) {
        checkScale(scale);
        if (scale == DEFAULT) {
            return demand;
        }
        Map<String, FlowSpec> scaled = new LinkedHashMap<>();
        for (FlowSpec f : demand.values()) {
            scaled.put(f.id(), f.background() ? f : f.withTrains(scale(f.trains(), scale)));
        }
        return scaled;
    }

    static ArrivalSpec scale(ArrivalSpec arrivals, double scale) {
        if (arrivals instanceof ArrivalSpec.Poisson p) {
            return p.withRate(p.ratePerSecond() * scale); // the monthly shape stays
        }
        if (arrivals instanceof ArrivalSpec.Every e) {
            return new ArrivalSpec.Every(seconds(e.intervalSeconds() / scale));
        }
        ArrivalSpec.Schedule s = (ArrivalSpec.Schedule) arrivals;
        if (s.cycleSeconds() <= 0) {
            return s;
        }
        long cycle = seconds(s.cycleSeconds() / scale);
        long[] times = s.timesSeconds();
        for (int i = 0; i < times.length; i++) {
            // rounding must not push a time out of its cycle (times are < cycle, an invariant)
            times[i] = Math.min(Math.round(times[i] / scale), cycle - 1);
        }
        return new ArrivalSpec.Schedule(times, cycle);
    }

    private static long seconds(double value) {
        return Math.max(1, Math.round(value));
    }

    private static void checkScale(double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("demand scale must be positive and finite: scale="
                    + scale);
        }
    }
}
