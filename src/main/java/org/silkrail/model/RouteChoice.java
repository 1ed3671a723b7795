package org.silkrail.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.ServerQueue;
import org.silkrail.engine.SimTime;

/**
 * Route choice that responds to the network's state: each new train of a flow with
 * {@code route: {choose: …}} picks one of the flow's candidate routes by multinomial logit on
 * its generalised cost now.
 *
 * <p><b>Cost of a candidate</b>, in seconds: its expected time without waiting (running, and
 * processing at the flow's mean TEU), plus, at every station on it, the time to clear the trains
 * waiting there now at the station's present rate ({@code queue × mean service / servers}, or
 * {@code queue / quota} where the quota binds: closures that cut servers raise it), plus
 * {@link #CLOSED_SECONDS} for a station or link closed outright and a storm's mean length for a
 * ferry under a storm, plus its money — tariffs and fees per TEU — turned into time at the
 * scenario's value of time (nothing when that is 0). A candidate through a node under an
 * acceptance ban is not available; when none is, the train meets the ban ({@link Acceptance}).
 *
 * <p><b>Choice</b>: candidate {@code i} with probability
 * {@code exp(-c_i / s) / Σ_j exp(-c_j / s)}, {@code s} the flow's {@code scale}: a route that
 * costs {@code s} more is taken e ≈ 2.7 times less often; a small scale picks the cheapest
 * nearly always, a large one spreads trains evenly. Each choice draws exactly one uniform from
 * the flow's own stream {@code demand/<flow>/route_choice}, whatever the state, so no other
 * stream shifts and the same seed gives the same choices. A flow with one candidate draws
 * nothing.
 *
 * <p>Cost: O(stations and links of the candidates) per train, one {@code exp} per candidate;
 * candidate arrays are precomputed in {@link Plan}, the cost scratch per flow here: no
 * allocation per train. Not thread-safe; one per replication.
 */
final class RouteChoice {
    /**
     * Added to a candidate through a station with no server left or a link closed outright: a
     * month, so that at any scale up to days such a route is taken only when all are closed.
     */
    static final double CLOSED_SECONDS = 30.0 * SimTime.DAY;

    private final Plan plan;
    private final Trains trains;
    private final Replication owner;
    private final UniformRandomProvider[] stream;
    private final double[][] cost;

    RouteChoice(Plan plan, Trains trains, Replication owner, RandomStreams streams,
            int replication) {
        this.plan = plan;
        this.trains = trains;
        this.owner = owner;
        stream = new UniformRandomProvider[plan.flowCount];
        cost = new double[plan.flowCount][];
        for (int f = 0; f < plan.flowCount; f++) {
            if (plan.flowChoiceScaleSeconds[f] > 0 && plan.flowRoutes[f].length > 1) {
                stream[f] = streams.stream(replication, "demand/" + plan.flowIds[f]
                        + "/route_choice");
                cost[f] = new double[plan.flowRoutes[f].length];
            }
        }
    }

    /** Whether trains of flow {@code f} choose among several routes. */
    boolean chooses(int f) {
        return stream[f] != null;
    }

    /**
     * A route for new (or held) train {@code t} of a choosing flow, by logit on the candidates'
     * costs now; -1 when every candidate passes a banned station.
     */
    int choose(int t, long now) {
        int f = trains.flow[t];
        int d = plan.flowDirection[f];
        int[] candidates = plan.flowRoutes[f];
        double[] c = cost[f];
        double u = stream[f].nextDouble();
        Acceptance acceptance = owner.acceptance;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < candidates.length; i++) {
            if (acceptance.routeBanned(candidates[i], d)) {
                c[i] = Double.POSITIVE_INFINITY;
            } else {
                c[i] = cost(f, i, now);
                least = Math.min(least, c[i]);
            }
        }
        if (least == Double.POSITIVE_INFINITY) {
            return -1;
        }
        double scale = plan.flowChoiceScaleSeconds[f];
        double sum = 0;
        for (int i = 0; i < candidates.length; i++) {
            c[i] = c[i] == Double.POSITIVE_INFINITY ? 0 : Math.exp(-(c[i] - least) / scale);
            sum += c[i];
        }
        double target = u * sum;
        int last = -1;
        for (int i = 0; i < candidates.length; i++) {
            if (c[i] > 0) {
                last = i;
                target -= c[i];
                if (target < 0) {
                    return candidates[i];
                }
            }
        }
        return candidates[last]; // rounding left the draw past the last weight
    }

    /** Candidate {@code i} of flow {@code f}'s generalised cost now, seconds. */
    private double cost(int f, int i, long now) {
        double seconds = plan.flowChoiceFixedSeconds[f][i];
        int[] stations = plan.flowChoiceStations[f][i];
        double[] service = plan.flowChoiceServiceSeconds[f][i];
        Stations at = owner.stations;
        for (int k = 0; k < stations.length; k++) {
            int st = stations[k];
            ServerQueue q = at.queue(st);
            int waiting = q.queueLength();
            double perTrain = 0; // seconds per train the station works off now
            if (!plan.stationUnlimited[st]) {
                int servers = q.servers();
                if (servers == 0) {
                    seconds += CLOSED_SECONDS;
                    continue;
                }
                perTrain = service[k] / servers;
            }
            if (plan.stationQuotaPerDay[st] > 0) {
                perTrain = Math.max(perTrain, SimTime.DAY / plan.stationQuotaPerDay[st]);
            }
            seconds += waiting * perTrain;
        }
        Disruptions disruptions = owner.disruptions;
        for (int l : plan.routeLinks[plan.flowRoutes[f][i]]) {
            if (disruptions.linkFactor(l) <= 0) {
                seconds += CLOSED_SECONDS;
            }
            if (disruptions.stormsOn(l) > 0) {
                seconds += plan.linkStormMeanSeconds[l];
            }
        }
        return seconds;
    }
}
