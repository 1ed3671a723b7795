package org.silkrail.network;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.silkrail.engine.Distribution;

/**
 * A node as a scenario declares it.
 *
 * <p>Without {@code directions} the node processes the trains of both directions together, on
 * one set of servers under one quota. With {@code directions} it processes each direction on its
 * own (own servers, queue, quota count and yard): a direction's entry holds its resolved
 * settings, and a direction without an entry takes the node's.
 *
 * @param id short id used everywhere else (e.g. {@code DOS})
 * @param name human-readable name
 * @param country ISO 3166-1 alpha-2 code
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 * @param gaugeMm track gauge in millimetres, 1435 or 1520
 * @param kind role of the node
 * @param servers parallel processing places (cranes at a yard); 0 when the node does no
 *     processing
 * @param processSeconds processing time per train in seconds besides TEU handling, or
 *     {@code null} for none
 * @param quotaPerDay trains handed over per day at most, or 0 for no quota
 * @param handlingTeuPerHour TEU one server (crane) handles per hour, or 0 when handling time
 *     does not follow from the train's TEU
 * @param yardTeu container yard in TEU, or 0 for no limit
 * @param directions per-direction settings when the node splits the directions; empty when
 *     it does not
 * @param berths a port's berths for the vessels of its sea links, or {@code null} when
 *     vessels need none (they load and unload without a berth)
 */
public record NodeSpec(String id, String name, String country, double lat, double lon,
        int gaugeMm, NodeKind kind, int servers, Distribution processSeconds,
        double quotaPerDay, double handlingTeuPerHour, double yardTeu,
        Map<Direction, ProcessSpec> directions, BerthSpec berths) {

    public NodeSpec {
        directions = directions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(directions));
    }

    /** A node without berths. */
    public NodeSpec(String id, String name, String country, double lat, double lon,
            int gaugeMm, NodeKind kind, int servers, Distribution processSeconds,
            double quotaPerDay, double handlingTeuPerHour, double yardTeu,
            Map<Direction, ProcessSpec> directions) {
        this(id, name, country, lat, lon, gaugeMm, kind, servers, processSeconds, quotaPerDay,
                handlingTeuPerHour, yardTeu, directions, null);
    }

    /** A node that processes both directions together and handles no TEU. */
    public NodeSpec(String id, String name, String country, double lat, double lon,
            int gaugeMm, NodeKind kind, int servers, Distribution processSeconds,
            double quotaPerDay) {
        this(id, name, country, lat, lon, gaugeMm, kind, servers, processSeconds, quotaPerDay,
                0, 0, Map.of());
    }

    /** The node-level settings: both directions', or each direction's default. */
    public ProcessSpec processing() {
        return new ProcessSpec(servers, processSeconds, quotaPerDay, handlingTeuPerHour,
                yardTeu);
    }

    /** Whether each direction has its own servers, queue, quota and yard. */
    public boolean directional() {
        return !directions.isEmpty();
    }

    /** The settings trains of {@code direction} are processed with. */
    public ProcessSpec processing(Direction direction) {
        ProcessSpec own = directions.get(direction);
        return own != null ? own : processing();
    }

    /** Whether trains of some direction take a server here. */
    public boolean processes() {
        if (!directional()) {
            return processing().processes();
        }
        for (Direction d : Direction.values()) {
            if (processing(d).processes()) {
                return true;
            }
        }
        return false;
    }

    /** Whether trains of some direction queue here (processing or a quota). */
    public boolean queues() {
        if (!directional()) {
            return processing().queues();
        }
        for (Direction d : Direction.values()) {
            if (processing(d).queues()) {
                return true;
            }
        }
        return false;
    }
}
