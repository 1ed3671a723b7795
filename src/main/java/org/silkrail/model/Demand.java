package org.silkrail.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sampler;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;

/**
 * The demand of one replication: each flow's arrival process ({@code poisson}, {@code every} or a
 * {@code schedule}) and the trains it creates — route, TEU and wagons — at the flow's origin.
 *
 * <p>Each flow has one pending FLOW_ARRIVAL event at a time; handling it schedules the next one
 * first, then creates the train. A train's route is fixed when it is created
 * ({@link #chooseRoute}: one uniform per train from {@code demand/<flow>/route} under
 * {@code shares}, else the flow's single route). Random numbers come from the flow's own streams,
 * so they do not depend on the rest of the model. No allocation per event.
 */
final class Demand {
    private final Plan plan;
    private final Simulation sim;
    private final Trains trains;

    /**
     * Poisson gaps, seconds, or, for a flow with a monthly profile, unit exponentials that
     * {@link MonthlyProfile#nextAfter} turns into the next time; null for other arrival kinds
     * and for a zero rate.
     */
    private final Sampler[] flowGap;
    /** Per flow: its monthly profile, null for a constant rate. */
    private final MonthlyProfile[] flowMonthly;
    private final double[] flowRatePerSecond;
    private final Sampler[] flowTeu;
    /** Per flow: empty TEU per train, null for a flow without empties (no stream drawn). */
    private final Sampler[] flowEmptyTeu;
    private final UniformRandomProvider[] flowRoute;
    /** Schedules: the next listed time's index, and the start of the current cycle, seconds. */
    private final int[] flowScheduleIndex;
    private final long[] flowCycleStart;

    Demand(Plan plan, Simulation sim, Trains trains, RandomStreams streams, int replication) {
        this.plan = plan;
        this.sim = sim;
        this.trains = trains;
        int flows = plan.flowCount;
        flowGap = new Sampler[flows];
        flowMonthly = new MonthlyProfile[flows];
        flowRatePerSecond = new double[flows];
        flowTeu = new Sampler[flows];
        flowEmptyTeu = new Sampler[flows];
        flowRoute = new UniformRandomProvider[flows];
        flowScheduleIndex = new int[flows];
        flowCycleStart = new long[flows];
        for (int f = 0; f < flows; f++) {
            String key = "demand/" + plan.flowIds[f];
            UniformRandomProvider arrivals = streams.stream(replication, key + "/arrivals");
            if (plan.flowArrivals[f] instanceof ArrivalSpec.Poisson poisson) {
                if (poisson.ratePerSecond() > 0) {
                    flowMonthly[f] = poisson.monthly();
                    flowRatePerSecond[f] = poisson.ratePerSecond();
                    double mean = flowMonthly[f] == null ? 1 / poisson.ratePerSecond() : 1;
                    flowGap[f] = new Distribution.Exponential(mean).sampler(arrivals);
                }
            }
            flowTeu[f] = plan.flowTeu[f].sampler(streams.stream(replication, key + "/teu"));
            if (plan.flowEmptyTeu[f] != null) {
                flowEmptyTeu[f] = plan.flowEmptyTeu[f].sampler(
                        streams.stream(replication, key + "/empty_teu"));
            }
            flowRoute[f] = streams.stream(replication, key + "/route");
        }
    }

    /** Schedules every flow's first train. */
    void start() {
        for (int f = 0; f < plan.flowCount; f++) {
            ArrivalSpec arrivals = plan.flowArrivals[f];
            if (arrivals instanceof ArrivalSpec.Poisson) {
                if (flowGap[f] != null) {
                    sim.schedule(nextPoisson(f, 0), Replication.FLOW_ARRIVAL, f);
                }
            } else if (arrivals instanceof ArrivalSpec.Every) {
                sim.schedule(0, Replication.FLOW_ARRIVAL, f);
            } else {
                scheduleFromTimetable(f, 0);
            }
        }
    }

    /**
     * FLOW_ARRIVAL of flow {@code f}: schedules the flow's next train and returns a new train at
     * the flow's origin (leg 0), its fields set; the caller routes it.
     */
    int onArrival(int f, long now) {
        scheduleNextTrain(f, now);
        int t = trains.create();
        int route = chooseRoute(f);
        int teu = (int) Math.round(flowTeu[f].sample());
        int empty = flowEmptyTeu[f] == null ? 0 : (int) Math.round(flowEmptyTeu[f].sample());
        trains.flow[t] = f;
        trains.route[t] = route;
        trains.leg[t] = 0;
        trains.teu[t] = teu;
        trains.emptyTeu[t] = empty;
        // one 40-ft container (2 TEU), loaded or empty, per flat wagon
        trains.wagons[t] = Math.max(1, (teu + empty + 1) / 2);
        trains.bornAt[t] = now;
        return t;
    }

    /** The route of a new train of flow {@code f}: drawn by the flow's shares if it has several. */
    private int chooseRoute(int f) {
        int[] choices = plan.flowRoutes[f];
        int choice = 0;
        if (choices.length > 1) {
            double u = flowRoute[f].nextDouble();
            double[] cumulative = plan.flowRouteCumulative[f];
            while (u >= cumulative[choice] && choice < choices.length - 1) {
                choice++;
            }
        }
        return choices[choice];
    }

    private void scheduleNextTrain(int f, long now) {
        ArrivalSpec arrivals = plan.flowArrivals[f];
        if (arrivals instanceof ArrivalSpec.Poisson) {
            sim.schedule(nextPoisson(f, now), Replication.FLOW_ARRIVAL, f);
        } else if (arrivals instanceof ArrivalSpec.Every every) {
            sim.schedule(now + every.intervalSeconds(), Replication.FLOW_ARRIVAL, f);
        } else {
            scheduleFromTimetable(f, now);
        }
    }

    /**
     * The next train of Poisson flow {@code f} after {@code now}: an exponential gap, or with a
     * monthly profile the time at which the integrated rate grows by a unit exponential.
     */
    private long nextPoisson(int f, long now) {
        MonthlyProfile monthly = flowMonthly[f];
        if (monthly == null) {
            return now + SimTime.ofSeconds(flowGap[f].sample());
        }
        return monthly.nextAfter(now, plan.calendarStartSeconds, flowGap[f].sample(),
                flowRatePerSecond[f]);
    }

    /** The next listed time of a schedule at or after {@code now}, repeating by its cycle. */
    private void scheduleFromTimetable(int f, long now) {
        ArrivalSpec.Schedule schedule = (ArrivalSpec.Schedule) plan.flowArrivals[f];
        long[] times = plan.flowScheduleTimes[f];
        int i = flowScheduleIndex[f];
        if (times.length == 0) {
            return;
        }
        if (i == times.length) {
            if (schedule.cycleSeconds() <= 0) {
                return;
            }
            flowCycleStart[f] += schedule.cycleSeconds();
            i = 0;
        }
        flowScheduleIndex[f] = i + 1;
        sim.schedule(Math.max(now, flowCycleStart[f] + times[i]), Replication.FLOW_ARRIVAL, f);
    }
}
