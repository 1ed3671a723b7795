package org.silkrail.network;

import org.silkrail.engine.Distribution;

/**
 * The berths of a port where vessels of its sea links load and unload: {@code count} berths,
 * each holding one vessel for one call of {@code handlingSeconds} (capped at
 * {@code maxSeconds}). Vessels of every sea link that calls at the port share them, first come
 * first served; a vessel that finds them all taken waits at anchorage.
 *
 * <p>A call is one loading or one unloading: a vessel arriving with cargo makes an unloading
 * call, one sailing with cargo a loading call, an empty one none (docs/scenarios.md#berths).
 *
 * @param count berths, at least 1
 * @param handlingSeconds one call, seconds
 * @param maxSeconds the longest call, seconds ({@code Long.MAX_VALUE} for no cap); draws
 *     above it take it (the Baku port's 30 h protocol maximum [S71])
 */
public record BerthSpec(int count, Distribution handlingSeconds, long maxSeconds) {
}
