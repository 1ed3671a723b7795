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
}
