package org.silkrail.model;

import org.silkrail.engine.Distribution;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.Sampler;
import org.silkrail.engine.SimTime;
import org.silkrail.engine.Simulation;

/**
 * Closures and storms of one replication: when their episodes start and end, and what they
 * change — a node's servers through {@link Stations#setFactor}, a link's capacity through its
 * {@link LinkModel#setFactor}, a storm's links through {@link LinkModel#stormBegins} and
 * {@link LinkModel#stormEnds}.
 *
 * <p>Invariants: several closures active on one target multiply; an episode of a stochastic
 * closure that starts while the previous one lasts extends it (the superseded CLOSURE_END is
 * ignored); storms of one link nest. Episode gaps and lengths come from each closure's and
 * storm's own streams. A correlated pair of closures ({@link JamCorrelation}) also has a
 * shared process: its CLOSURE_START events carry payload {@code closureCount + pair} and start
 * an episode of both closures with one duration, drawn from the streams
 * {@code closure/<id>/shared} and {@code closure/<id>/shared-duration} of the closure that
 * declares the pair. No allocation per event.
 */
final class Disruptions {
    private final Plan plan;
    private final Simulation sim;
    private final Stations stations;
    private final LinkModel[] links;

    /** Gaps between episode starts, seconds; null for a one-off closure. */
    private final Sampler[] closureGap;
    private final Sampler[] closureDuration;
    private final boolean[] closureActive;
    private final long[] closureEndsAt;
    /** Gaps between storms, seconds; null where storms never come. */
    private final Sampler[] stormGap;
    private final Sampler[] stormDuration;
    /** Per correlated pair: gaps between shared episodes (null for none), and their lengths. */
    private final Sampler[] sharedGap;
    private final Sampler[] sharedDuration;

    Disruptions(Plan plan, Simulation sim, Stations stations, LinkModel[] links,
            RandomStreams streams, int replication) {
        this.plan = plan;
        this.sim = sim;
        this.stations = stations;
        this.links = links;
        int closures = plan.closureCount;
        closureGap = new Sampler[closures];
        closureDuration = new Sampler[closures];
        closureActive = new boolean[closures];
        closureEndsAt = new long[closures];
        for (int c = 0; c < closures; c++) {
            String key = "closure/" + plan.closureIds[c];
            closureDuration[c] = plan.closureDuration[c].sampler(
                    streams.stream(replication, key + "/duration"));
            if (plan.closureEvery[c] != null) {
                closureGap[c] = plan.closureEvery[c].sampler(
                        streams.stream(replication, key + "/start"));
            }
        }
        sharedGap = new Sampler[plan.pairCount];
        sharedDuration = new Sampler[plan.pairCount];
        for (int p = 0; p < plan.pairCount; p++) {
            int declaring = plan.pairSecond[p];
            String key = "closure/" + plan.closureIds[declaring];
            if (plan.pairSharedEvery[p] != null) {
                sharedGap[p] = plan.pairSharedEvery[p].sampler(
                        streams.stream(replication, key + "/shared"));
            }
            sharedDuration[p] = plan.closureDuration[declaring].sampler(
                    streams.stream(replication, key + "/shared-duration"));
        }
        int storms = plan.stormCount;
        stormGap = new Sampler[storms];
        stormDuration = new Sampler[storms];
        for (int s = 0; s < storms; s++) {
            String key = "weather/" + plan.stormIds[s];
            if (plan.stormsPerSecond[s] > 0) {
                // a seasonal storm draws a unit exponential and inverts its monthly intensity
                double mean = plan.stormMonthly[s] == null ? 1 / plan.stormsPerSecond[s] : 1;
                stormGap[s] = new Distribution.Exponential(mean)
                        .sampler(streams.stream(replication, key + "/storms"));
            }
            stormDuration[s] = plan.stormDuration[s].sampler(
                    streams.stream(replication, key + "/duration"));
        }
    }

    /** Schedules every closure's first episode, then every storm's first storm. */
    void start() {
        for (int c = 0; c < plan.closureCount; c++) {
            if (!plan.closureOwnEpisodes[c]) {
                continue; // a correlated closure whose episodes are all shared
            }
            long first = plan.closureFromSeconds[c];
            if (closureGap[c] != null) {
                first += SimTime.ofSeconds(closureGap[c].sample());
            }
            sim.schedule(Math.max(0, first), Replication.CLOSURE_START, c);
        }
        for (int p = 0; p < plan.pairCount; p++) {
            if (sharedGap[p] != null) {
                long first = plan.closureFromSeconds[plan.pairSecond[p]]
                        + SimTime.ofSeconds(sharedGap[p].sample());
                sim.schedule(Math.max(0, first), Replication.CLOSURE_START,
                        plan.closureCount + p);
            }
        }
        for (int s = 0; s < plan.stormCount; s++) {
            if (stormGap[s] != null) {
                sim.schedule(nextStorm(s, 0), Replication.STORM_START, s);
            }
        }
    }

    void onClosureStart(int c, long now) {
        if (c >= plan.closureCount) {
            onSharedStart(c - plan.closureCount, now);
            return;
        }
        beginEpisode(c, now + SimTime.ofSeconds(closureDuration[c].sample()), now);
        if (closureGap[c] != null) {
            sim.schedule(now + Math.max(1, SimTime.ofSeconds(closureGap[c].sample())),
                    Replication.CLOSURE_START, c);
        }
    }

    /** A shared episode of correlated pair {@code p}: both closures, one duration. */
    private void onSharedStart(int p, long now) {
        long end = now + SimTime.ofSeconds(sharedDuration[p].sample());
        beginEpisode(plan.pairFirst[p], end, now);
        beginEpisode(plan.pairSecond[p], end, now);
        sim.schedule(now + Math.max(1, SimTime.ofSeconds(sharedGap[p].sample())),
                Replication.CLOSURE_START, plan.closureCount + p);
    }

    /** Closure {@code c} is closed until {@code end} at least: a new episode or an extension. */
    private void beginEpisode(int c, long end, long now) {
        if (closureActive[c]) {
            // an episode that starts while the last one lasts extends it
            if (end > closureEndsAt[c]) {
                closureEndsAt[c] = end;
                sim.schedule(end, Replication.CLOSURE_END, c);
            }
        } else {
            closureActive[c] = true;
            closureEndsAt[c] = end;
            sim.schedule(end, Replication.CLOSURE_END, c);
            applyClosures(plan.closureTargetKind[c], plan.closureTarget[c], now);
        }
    }

    /** Whether closure {@code c} is closed now (for tests of the correlation). */
    boolean closed(int c) {
        return closureActive[c];
    }

    void onClosureEnd(int c, long now) {
        if (!closureActive[c] || now < closureEndsAt[c]) {
            return; // superseded by an extension
        }
        closureActive[c] = false;
        applyClosures(plan.closureTargetKind[c], plan.closureTarget[c], now);
    }

    /** Applies the product of the factors of all closures active on one node or link. */
    private void applyClosures(int kind, int target, long now) {
        double factor = 1;
        for (int c = 0; c < plan.closureCount; c++) {
            if (closureActive[c] && plan.closureTargetKind[c] == kind
                    && plan.closureTarget[c] == target) {
                factor *= plan.closureFactor[c];
            }
        }
        if (kind == Plan.TARGET_NODE) {
            stations.setFactor(target, factor, now);
        } else {
            links[target].setFactor(target, factor, now);
        }
    }

    void onStormStart(int s, long now) {
        for (int l : plan.stormLinks[s]) {
            links[l].stormBegins(l, now);
        }
        sim.schedule(now + SimTime.ofSeconds(stormDuration[s].sample()), Replication.STORM_END, s);
        sim.schedule(Math.max(now + 1, nextStorm(s, now)), Replication.STORM_START, s);
    }

    /** The start of storm {@code s}'s next storm after {@code now}, seconds. */
    private long nextStorm(int s, long now) {
        MonthlyProfile monthly = plan.stormMonthly[s];
        if (monthly == null) {
            return now + SimTime.ofSeconds(stormGap[s].sample());
        }
        return monthly.nextAfter(now, plan.calendarStartSeconds, stormGap[s].sample(),
                plan.stormsPerSecond[s]);
    }

    void onStormEnd(int s, long now) {
        for (int l : plan.stormLinks[s]) {
            links[l].stormEnds(l, now);
        }
    }
}
