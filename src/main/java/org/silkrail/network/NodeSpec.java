package org.silkrail.network;

import org.silkrail.engine.Distribution;

/**
 * A node as a scenario declares it.
 *
 * @param id short id used everywhere else (e.g. {@code DOS})
 * @param name human-readable name
 * @param country ISO 3166-1 alpha-2 code
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 * @param gaugeMm track gauge in millimetres, 1435 or 1520
 * @param kind role of the node
 * @param servers parallel processing places; 0 when the node does no processing
 * @param processSeconds processing time per train in seconds, or {@code null} for none
 * @param quotaPerDay trains handed over per day at most, or 0 for no quota
 */
public record NodeSpec(String id, String name, String country, double lat, double lon,
        int gaugeMm, NodeKind kind, int servers, Distribution processSeconds,
        double quotaPerDay) {

    public boolean processes() {
        return processSeconds != null && servers > 0;
    }
}
