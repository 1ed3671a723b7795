package org.silkrail.model;

/**
 * @param horizonSeconds simulated length of one replication
 * @param warmupSeconds observations before this time are discarded
 * @param replications independent replications, at least 1
 * @param seed root of every random stream
 */
public record RunSettings(long horizonSeconds, long warmupSeconds, int replications, long seed) {
}
