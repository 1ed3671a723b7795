/**
 * The discrete-event engine: simulated clock, event calendar, dispatch of int-coded events,
 * reproducible random streams, statistics and queue/server primitives.
 *
 * <p>Knows nothing of rails and does no I/O. Time is a {@code long} count of seconds
 * ({@link org.silkrail.engine.SimTime}). Every other silkrail package may depend on this one;
 * this one depends on no other silkrail package (an ArchUnit test keeps it so).
 */
package org.silkrail.engine;
