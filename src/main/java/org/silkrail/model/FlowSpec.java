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
 */
public record FlowSpec(String id, String from, String to, ArrivalSpec trains, Distribution teu,
        Distribution emptyTeu, Direction direction, RoutePolicy route) {

    /** A flow of loaded trains in the direction its ends imply. */
    public FlowSpec(String id, String from, String to, ArrivalSpec trains, Distribution teu,
            RoutePolicy route) {
        this(id, from, to, trains, teu, null, null, route);
    }
}
