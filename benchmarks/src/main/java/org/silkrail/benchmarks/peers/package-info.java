/**
 * The same two models — the hold model and M/M/1 with waiting-time statistics — on silkrail and
 * on its peers (a lean {@code java.util.PriorityQueue}, SSJ, DSOL), fed identical precomputed
 * inputs so that every peer simulates the same sample path. Run with {@code benchmarks/run --peers}.
 */
package org.silkrail.benchmarks.peers;
