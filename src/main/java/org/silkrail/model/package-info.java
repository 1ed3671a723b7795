/**
 * The rail logistics model: trains, terminals, borders, gauge change, single-track lines,
 * Caspian ferries, closures and storms, written as event handlers on the engine.
 *
 * <p>One replication is {@code Replication} (the event router) over parts that each own one
 * concern: {@code Demand} (arrivals, new trains, routes), {@code Stations} (node queues,
 * processing, quotas), one {@code LinkModel} per link kind ({@code RailLines},
 * {@code FerryCrossings}), {@code Disruptions} (closures, storms), {@code Acceptance} (yards
 * and acceptance bans), {@code RouteChoice} (routes chosen by their cost now) and
 * {@code Measurements} (counters and the result).
 *
 * <p>Depends on {@code network} and {@code engine} only; knows nothing of files. Its input is a
 * {@link org.silkrail.model.ModelSpec}; its output per replication a plain result object.
 */
package org.silkrail.model;
