package org.silkrail.scenario;

import java.util.Locale;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RunSettings;

/**
 * Refuses, before simulating, a run that would run out of memory or overflow: valid values
 * whose product is too large. Each limit comes with the run's own estimate, so a planner sees
 * how far over it is ({@code poisson(1e6/day)} over 365 days is about 3.65e8 trains).
 *
 * <p>Limits (documented in docs/scenarios.md): a horizon of at most {@value #MAX_HORIZON_YEARS}
 * years; at most {@value #MAX_TRAINS_PER_REPLICATION} trains generated per replication (every
 * train of a replication may be in the network at once, each held in memory); at most
 * {@value #MAX_REPLICATIONS} replications; at most {@value #MAX_DAILY_VALUES} daily values kept
 * for the report (replications × measured days × nodes). The shipped baseline is at 9,000
 * trains and 340,000 daily values. Stateless.
 */
public final class RunSize {
    public static final int MAX_HORIZON_YEARS = 100;
    public static final long MAX_TRAINS_PER_REPLICATION = 10_000_000;
    public static final int MAX_REPLICATIONS = 10_000;
    public static final long MAX_DAILY_VALUES = 50_000_000;

    private RunSize() {
    }

    /**
     * Why {@code model} cannot run {@code replications} times, or {@code null} when it can.
     * The problem names the value to change.
     */
    public static Problem check(ModelSpec model, long replications) {
        RunSettings run = model.run();
        if (run.horizonSeconds() > MAX_HORIZON_YEARS * SimTime.YEAR_SECONDS) {
            return new Problem("horizon", "horizon " + Units.formatDuration(run.horizonSeconds())
                    + " is longer than " + MAX_HORIZON_YEARS + " years (" + Units.formatDuration(
                    (long) (MAX_HORIZON_YEARS * SimTime.YEAR_SECONDS)) + "), the longest run"
                    + " silkrail simulates");
        }
        if (replications > MAX_REPLICATIONS) {
            return new Problem("replications", "at most " + MAX_REPLICATIONS + " replications,"
                    + " got " + replications);
        }
        double trains = 0;
        String largest = null;
        double largestTrains = -1;
        for (FlowSpec flow : model.demand().values()) {
            double t = trains(flow.trains(), run.horizonSeconds());
            trains += t;
            if (t > largestTrains) {
                largestTrains = t;
                largest = flow.id();
            }
        }
        if (trains > MAX_TRAINS_PER_REPLICATION) {
            return new Problem("demand." + largest + ".trains", String.format(Locale.ROOT,
                    "the demand generates about %.3g trains per replication over the horizon of"
                    + " %s (%.3g from this flow); a replication may generate at most %d,"
                    + " which are held in memory", trains, Units.formatDuration(
                    run.horizonSeconds()), largestTrains, MAX_TRAINS_PER_REPLICATION));
        }
        long days = Math.max(1, (run.horizonSeconds() - run.warmupSeconds() + SimTime.DAY - 1)
                / SimTime.DAY);
        double values = (double) replications * days * model.network().nodes().size();
        if (values > MAX_DAILY_VALUES) {
            return new Problem("replications", String.format(Locale.ROOT, "%d replications × %d"
                    + " measured days × %d nodes = %.3g daily values to keep for the report; at"
                    + " most %d: use fewer replications or a shorter horizon", replications,
                    days, model.network().nodes().size(), values, MAX_DAILY_VALUES));
        }
        return null;
    }

    /** Expected trains all flows of {@code model} generate in one replication. */
    public static double trainsPerReplication(ModelSpec model) {
        double trains = 0;
        for (FlowSpec flow : model.demand().values()) {
            trains += trains(flow.trains(), model.run().horizonSeconds());
        }
        return trains;
    }

    /** Expected trains a flow generates in {@code horizonSeconds}. */
    static double trains(ArrivalSpec arrivals, long horizonSeconds) {
        if (arrivals instanceof ArrivalSpec.Schedule s && s.cycleSeconds() <= 0) {
            return s.timesSeconds().length;
        }
        return arrivals.meanRatePerSecond() * horizonSeconds;
    }

    /**
     * A run too large to simulate.
     *
     * @param path the scenario value to change ({@code horizon}, {@code replications},
     *     {@code demand.FLOW.trains})
     * @param message the estimate and the limit
     */
    public record Problem(String path, String message) {
    }
}
