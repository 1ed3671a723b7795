package org.silkrail.network;

import java.util.List;

/**
 * A named route given by waypoints ({@code northern: [XIA, ALA, DOS, …, DUI]}); the train takes
 * the shortest path between consecutive waypoints.
 */
public record RouteSpec(String id, List<String> waypoints) {
    public RouteSpec {
        waypoints = List.copyOf(waypoints);
    }
}
