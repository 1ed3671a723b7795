package org.silkrail.model;

import org.silkrail.engine.Distribution;

/**
 * A demand flow: block trains from {@code from} to {@code to}.
 *
 * @param id flow id (e.g. {@code xian-europe})
 * @param teu containers per train in TEU
 */
public record FlowSpec(String id, String from, String to, ArrivalSpec trains, Distribution teu,
        RoutePolicy route) {
}
