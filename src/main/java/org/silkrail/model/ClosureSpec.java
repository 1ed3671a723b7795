package org.silkrail.model;

import org.silkrail.engine.Distribution;

/**
 * A disruption that multiplies a node's or a link's capacity by {@code capacityFactor} for a
 * while. Exactly one of {@code node} and {@code link} is set.
 *
 * <p>Scheduled ({@code every == null}): one episode from {@code fromSeconds} lasting
 * {@code duration}. Stochastic ({@code every != null}): episodes whose start-to-start gaps are
 * drawn from {@code every}, the first gap counted from {@code fromSeconds}.
 *
 * @param capacityFactor 0 closes; 0.4 leaves 40 % of servers or of the line's capacity
 * @param duration episode length in seconds
 */
public record ClosureSpec(String id, String node, String link, long fromSeconds,
        Distribution duration, Distribution every, double capacityFactor) {
}
