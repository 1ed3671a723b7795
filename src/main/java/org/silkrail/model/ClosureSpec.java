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
 * <p>Correlated ({@code correlatedWith != null}): this closure and the one it names are a pair
 * of Poisson closures ({@code every: exp(…)}, the same {@code for} and {@code from}) whose
 * "closed" indicators have the correlation {@code correlation} in steady state; each keeps its
 * own yearly rate of episodes. The construction is {@link JamCorrelation}'s.
 *
 * @param capacityFactor 0 closes; 0.4 leaves 40 % of servers or of the line's capacity
 * @param duration episode length in seconds
 * @param correlatedWith id of the closure this one is correlated with; null for independent
 * @param correlation ρ in [0, 1], the correlation of the two closures' "closed" indicators;
 *     0 when {@code correlatedWith} is null
 */
public record ClosureSpec(String id, String node, String link, long fromSeconds,
        Distribution duration, Distribution every, double capacityFactor,
        String correlatedWith, double correlation) {

    /** An independent closure. */
    public ClosureSpec(String id, String node, String link, long fromSeconds,
            Distribution duration, Distribution every, double capacityFactor) {
        this(id, node, link, fromSeconds, duration, every, capacityFactor, null, 0);
    }
}
