package org.silkrail.network;

/**
 * When a ferry leaves: as soon as {@code fillFraction} of its wagon places are taken, or
 * {@code maxWaitSeconds} after loading began, whichever comes first
 * ({@code when-full(80%, 48h)}).
 *
 * @param fillFraction 0 &lt; f &lt;= 1
 * @param maxWaitSeconds seconds after the first wagon boarded
 */
public record DepartureRule(double fillFraction, long maxWaitSeconds) {
}
