package org.silkrail.network;

import java.util.Arrays;

/**
 * A path a train takes through the compiled network: leg {@code i} runs over {@code links[i]}
 * from {@code nodes[i]} to {@code nodes[i + 1]}.
 *
 * <p>Invariants: {@code nodes.length == links.length + 1}; no node appears twice (routes are
 * loopless). Indices follow the declaration order of the {@link NetworkSpec}.
 *
 * @param name the named route ({@code northern}), or {@code fastest}, or {@code best-1} … for
 *     alternatives
 * @param nodes node indices from origin to destination
 * @param links link indices, one per leg
 * @param lengthKm sum of the links' lengths in km
 * @param expectedSeconds expected time without queueing: the links' expected running or sailing
 *     seconds plus the mean processing seconds of every node visited, origin and destination
 *     included
 */
public record Route(String name, int[] nodes, int[] links, double lengthKm,
        double expectedSeconds) {

    public Route {
        if (nodes.length != links.length + 1) {
            throw new IllegalArgumentException("route needs one more node than links: nodes="
                    + nodes.length + " links=" + links.length);
        }
        nodes = nodes.clone();
        links = links.clone();
    }

    @Override
    public int[] nodes() {
        return nodes.clone();
    }

    @Override
    public int[] links() {
        return links.clone();
    }

    /** Node index at position {@code i} without copying; 0 is the origin. */
    public int node(int i) {
        return nodes[i];
    }

    /** Link index of leg {@code i} without copying. */
    public int link(int i) {
        return links[i];
    }

    /** Number of legs (links). */
    public int legs() {
        return links.length;
    }

    public int origin() {
        return nodes[0];
    }

    public int destination() {
        return nodes[nodes.length - 1];
    }

    public double expectedDays() {
        return expectedSeconds / 86_400.0;
    }

    /** The same path under another name. */
    public Route named(String newName) {
        return new Route(newName, nodes, links, lengthKm, expectedSeconds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && name.equals(r.name) && Arrays.equals(nodes, r.nodes)
                && Arrays.equals(links, r.links) && Double.compare(lengthKm, r.lengthKm) == 0
                && Double.compare(expectedSeconds, r.expectedSeconds) == 0;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Arrays.hashCode(nodes)) * 31 + Arrays.hashCode(links);
    }

    @Override
    public String toString() {
        return "Route[" + name + " nodes=" + Arrays.toString(nodes) + " links="
                + Arrays.toString(links) + " lengthKm=" + lengthKm + " expectedSeconds="
                + expectedSeconds + "]";
    }
}
