package org.silkrail.network;

import org.silkrail.engine.Distribution;

/**
 * How a node processes trains: of both directions together ({@link NodeSpec#processing()}), or
 * of one direction when the node splits them ({@link NodeSpec#processing(Direction)}).
 *
 * <p>A train takes one of {@code servers} places for {@code processSeconds} (customs,
 * formalities) plus, at a transshipment yard ({@code teuPerServerHour > 0}, written as
 * {@code cranes} and {@code handling}), its loaded and empty TEU over the handling rate. So
 * {@code k} cranes at {@code r} TEU/h move at most {@code k·r·24} TEU a day. A yard of
 * {@code yardTeu} lets a train start only while the TEU of the trains being handled plus its own
 * fit (a train larger than the yard starts when the yard is empty).
 *
 * @param servers parallel processing places (cranes with their tracks at a yard); 0 for none
 * @param processSeconds time per train besides handling, or {@code null}
 * @param quotaPerDay trains handed over per day at most, 0 for no quota
 * @param teuPerServerHour handling rate of one crane in TEU per hour; 0 when the node does not
 *     handle by TEU
 * @param yardTeu container yard in TEU; 0 for no limit
 */
public record ProcessSpec(int servers, Distribution processSeconds, double quotaPerDay,
        double teuPerServerHour, double yardTeu) {

    /** Whether trains take a server here (a process time or TEU handling on servers). */
    public boolean processes() {
        return servers > 0 && (processSeconds != null || teuPerServerHour > 0);
    }

    /** Whether trains queue here: the node processes or caps them. */
    public boolean queues() {
        return processes() || quotaPerDay > 0;
    }

    /**
     * Expected time at the node for a train of {@code teu} TEU, in seconds, without waiting:
     * the routing weight ({@link Network}).
     */
    public double expectedSeconds(double teu) {
        double seconds = processSeconds == null ? 0 : processSeconds.mean();
        if (teuPerServerHour > 0) {
            seconds += teu / teuPerServerHour * 3600;
        }
        return seconds;
    }
}
