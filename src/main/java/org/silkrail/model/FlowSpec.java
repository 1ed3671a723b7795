package org.silkrail.model;

import org.silkrail.engine.Distribution;
import org.silkrail.network.Direction;

/**
 * A demand flow: block trains from {@code from} to {@code to}. A train's container slots are its
 * loaded plus its empty TEU; both are moved and handled, only the loaded count as freight.
 *
 * @param id flow id (e.g. {@code xian-europe})
 * @param teu loaded containers per train in TEU
 * @param emptyTeu empty containers per train in TEU, or {@code null} for none
 * @param direction the direction its trains run in, or {@code null} to derive it from the
 *     ends' longitudes ({@link Direction#between})
 * @param priority where trains wait for a shared resource (a node's servers, quota or yard, a
 *     line's headway slot or single-track section), waiting trains of a higher priority are
 *     served first; equal priorities first come first served ({@link Priorities}); default 0
 * @param background traffic that is not China–Europe container trains (domestic or transit
 *     freight on the same lines): it runs and queues like any other but is left out of the
 *     corridor's totals and counted in {@code background_totals}
 */
public record FlowSpec(String id, String from, String to, ArrivalSpec trains, Distribution teu,
        Distribution emptyTeu, Direction direction, RoutePolicy route, int priority,
        boolean background) {

    /** A corridor flow of priority 0. */
    public FlowSpec(String id, String from, String to, ArrivalSpec trains, Distribution teu,
            Distribution emptyTeu, Direction direction, RoutePolicy route) {
        this(id, from, to, trains, teu, emptyTeu, direction, route, 0, false);
    }

    /** A flow of loaded trains in the direction its ends imply. */
    public FlowSpec(String id, String from, String to, ArrivalSpec trains, Distribution teu,
            RoutePolicy route) {
        this(id, from, to, trains, teu, null, null, route);
    }

    /** This flow with other arrivals (a scaled demand), everything else kept. */
    public FlowSpec withTrains(ArrivalSpec newTrains) {
        return new FlowSpec(id, from, to, newTrains, teu, emptyTeu, direction, route, priority,
                background);
    }
}
