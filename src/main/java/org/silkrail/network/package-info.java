/**
 * The rail network: nodes and links as a JGraphT graph, gauge rules, routes, and the compiled
 * int-indexed arrays that the event loop reads.
 *
 * <p>Depends only on {@code engine} (for distributions). Knows nothing of files: the scenario
 * package builds a {@link org.silkrail.network.NetworkSpec} and hands it here.
 */
package org.silkrail.network;
