package org.silkrail.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.AsWeightedGraph;
import org.jgrapht.graph.MaskSubgraph;

/**
 * Least-expected-time paths over the network, counting node processing as well as running time.
 *
 * <p>Node processing is folded into edge weights: a link {@code u–v} weighs its expected running
 * seconds plus half the mean processing of {@code u} and half that of {@code v}. Every inner node
 * of a path then contributes its full processing time and the two ends half each, so for fixed
 * ends the order of paths is the order of their true expected times (origin and destination
 * processing included); {@link #expectedSeconds} adds the missing halves back.
 */
final class Routing {
    private final Graph<String, String> weighted;
    private final Map<String, Double> processSeconds;
    private final Map<String, Double> linkSeconds;

    /**
     * @param graph node ids as vertices, link ids as edges, weights = expected link seconds
     * @param processSeconds mean processing seconds by node id
     */
    Routing(Graph<String, String> graph, Map<String, Double> processSeconds,
            Map<String, Double> linkSeconds) {
        // Weights are computed on each read, never cached: a cache is a HashMap filled during
        // the search, and one network is searched by several replication threads at once
        // (a ConcurrentModificationException in CapacitySearch with two threads).
        this.processSeconds = processSeconds;
        this.linkSeconds = linkSeconds;
        this.weighted = new AsWeightedGraph<>(graph,
                e -> linkSeconds.get(e) + (processSeconds.get(graph.getEdgeSource(e))
                        + processSeconds.get(graph.getEdgeTarget(e))) / 2,
                false, false);
    }

    /** A path as node ids and link ids; {@code nodes.size() == links.size() + 1}. */
    record Path(List<String> nodes, List<String> links) {
    }

    /** Outcome of expanding waypoints: a path, or why none exists. */
    record Expansion(Path path, String failure) {
    }

    double expectedSeconds(Path path) {
        double seconds = 0;
        for (String node : path.nodes()) {
            seconds += processSeconds.get(node);
        }
        for (String link : path.links()) {
            seconds += linkSeconds.get(link);
        }
        return seconds;
    }

    /** The least-expected-time path, or {@code null} if {@code to} cannot be reached. */
    Path fastest(String from, String to) {
        if (from.equals(to)) {
            return new Path(List.of(from), List.of());
        }
        GraphPath<String, String> path = new DijkstraShortestPath<>(weighted).getPath(from, to);
        return path == null ? null : of(path);
    }

    /** Up to {@code k} loopless paths in nondecreasing expected time (Yen's algorithm). */
    List<Path> kBest(String from, String to, int k) {
        if (from.equals(to)) {
            return List.of(new Path(List.of(from), List.of()));
        }
        List<Path> paths = new ArrayList<>();
        for (GraphPath<String, String> p : new YenKShortestPath<>(weighted).getPaths(from, to, k)) {
            paths.add(of(p));
        }
        return paths;
    }

    /**
     * Shortest expected-time path through the waypoints in order, never visiting a node twice:
     * each leg avoids the nodes already on the route and the waypoints still to come.
     * Greedy leg by leg, so a loopless route that needs a slower early leg may be missed; the
     * failure then names the leg.
     */
    Expansion through(List<String> waypoints) {
        Set<String> seen = new HashSet<>();
        for (String w : waypoints) {
            if (!seen.add(w)) {
                return new Expansion(null, "passes " + w
                        + " twice; a route must not visit a node twice");
            }
        }
        List<String> nodes = new ArrayList<>();
        List<String> links = new ArrayList<>();
        nodes.add(waypoints.get(0));
        Set<String> visited = new HashSet<>(nodes);
        for (int i = 0; i + 1 < waypoints.size(); i++) {
            String from = waypoints.get(i);
            String to = waypoints.get(i + 1);
            Set<String> banned = new HashSet<>(visited);
            banned.remove(from);
            banned.addAll(waypoints.subList(i + 2, waypoints.size()));
            Graph<String, String> allowed = new MaskSubgraph<>(weighted, banned::contains,
                    e -> false);
            GraphPath<String, String> leg = new DijkstraShortestPath<>(allowed).getPath(from, to);
            if (leg == null) {
                boolean anyPath = new DijkstraShortestPath<>(weighted).getPath(from, to) != null;
                return new Expansion(null, anyPath
                        ? "no path from " + from + " to " + to + " that avoids the route's other"
                                + " nodes; a route must not pass a node twice"
                        : "no path from " + from + " to " + to
                                + "; consecutive waypoints must be connected by links");
            }
            List<String> legNodes = leg.getVertexList();
            nodes.addAll(legNodes.subList(1, legNodes.size()));
            visited.addAll(legNodes);
            links.addAll(leg.getEdgeList());
        }
        return new Expansion(new Path(nodes, links), null);
    }

    private static Path of(GraphPath<String, String> path) {
        return new Path(List.copyOf(path.getVertexList()), List.copyOf(path.getEdgeList()));
    }
}
