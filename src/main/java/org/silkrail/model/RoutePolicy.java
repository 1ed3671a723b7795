package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How each train of a flow picks its route. */
public sealed interface RoutePolicy {

    /** The route of least expected time (running plus expected processing). */
    record Fastest() implements RoutePolicy {
    }

    /** Shortest path through the given waypoints, in order. */
    record Via(List<String> waypoints) implements RoutePolicy {
        public Via {
            waypoints = List.copyOf(waypoints);
        }
    }

    /** Named routes with probabilities summing to 1, drawn per train. */
    record Shares(Map<String, Double> shares) implements RoutePolicy {
        public Shares {
            shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        }
    }

    /**
     * Each train picks one of several routes by multinomial logit on their generalised cost at
     * its departure ({@code RouteChoice}): named routes, or the {@code best} fastest paths.
     *
     * @param routes named routes to choose among; empty when {@code best} is used
     * @param best how many of the fastest loopless paths to choose among (Yen), when
     *     {@code routes} is empty
     * @param scaleSeconds the logit scale: a route that costs this much more is taken e times
     *     less often
     */
    record Choose(List<String> routes, int best, double scaleSeconds) implements RoutePolicy {
        public Choose {
            routes = List.copyOf(routes);
            if (!(scaleSeconds > 0) || routes.isEmpty() && best < 1) {
                throw new IllegalArgumentException("need routes or best >= 1, and scale > 0:"
                        + " routes=" + routes + " best=" + best + " scaleSeconds="
                        + scaleSeconds);
            }
        }
    }
}
