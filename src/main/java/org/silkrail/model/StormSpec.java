package org.silkrail.model;

import java.util.List;
import org.silkrail.engine.Distribution;

/**
 * Weather that holds ferries in port: storms arrive as a Poisson process and, while one lasts,
 * no vessel sails on the listed links.
 *
 * @param stormsPerSecond yearly mean rate of storms
 * @param durationSeconds length of one storm in seconds
 * @param monthly relative monthly rates; null for a constant rate
 */
public record StormSpec(String id, List<String> links, double stormsPerSecond,
        Distribution durationSeconds, MonthlyProfile monthly) {
    public StormSpec {
        links = List.copyOf(links);
    }

    /** Storms at a constant rate. */
    public StormSpec(String id, List<String> links, double stormsPerSecond,
            Distribution durationSeconds) {
        this(id, links, stormsPerSecond, durationSeconds, null);
    }
}
