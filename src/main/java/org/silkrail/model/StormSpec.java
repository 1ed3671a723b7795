package org.silkrail.model;

import java.util.List;
import org.silkrail.engine.Distribution;

/**
 * Weather that holds ferries in port: storms arrive as a Poisson process and, while one lasts,
 * no vessel sails on the listed links.
 *
 * @param stormsPerSecond mean rate of storms
 * @param durationSeconds length of one storm in seconds
 */
public record StormSpec(String id, List<String> links, double stormsPerSecond,
        Distribution durationSeconds) {
    public StormSpec {
        links = List.copyOf(links);
    }
}
