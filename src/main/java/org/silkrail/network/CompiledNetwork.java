package org.silkrail.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid network in the int-indexed form the event loop reads: node {@code i} and link
 * {@code j} are the i-th node and j-th link in the order the {@link NetworkSpec} declares them.
 *
 * <p>Lookups by index are array reads and allocate nothing; use them in the loop. Lookups by id
 * and the route queries ({@link #fastest}, {@link #via}, {@link #kBest}) run graph searches and
 * allocate: call them while setting up a run, not per event. Named routes are expanded once,
 * here.
 *
 * <p>Expected times are planning values without queueing: a rail link takes
 * {@code km / speed_kmh * 3600} seconds, a ferry its mean sailing time, a node its mean
 * processing time. Routes minimise the sum of these over the links used and the nodes visited.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class CompiledNetwork {
    private final Network network;
    private final String[] nodeIds;
    private final NodeSpec[] nodes;
    private final double[] processSeconds;
    private final String[] linkIds;
    private final LinkSpec[] links;
    private final int[] linkFrom;
    private final int[] linkTo;
    private final double[] linkSeconds;
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private final Map<String, Integer> linkIndex = new HashMap<>();
    private final Map<String, Route> namedRoutes;

    CompiledNetwork(Network network) {
        this.network = network;
        NetworkSpec spec = network.spec();
        int n = spec.nodes().size();
        nodeIds = new String[n];
        nodes = new NodeSpec[n];
        processSeconds = new double[n];
        int i = 0;
        for (Map.Entry<String, NodeSpec> e : spec.nodes().entrySet()) {
            nodeIds[i] = e.getKey();
            nodes[i] = e.getValue();
            processSeconds[i] = network.processSeconds(e.getKey());
            nodeIndex.put(e.getKey(), i);
            i++;
        }
        int m = spec.links().size();
        linkIds = new String[m];
        links = new LinkSpec[m];
        linkFrom = new int[m];
        linkTo = new int[m];
        linkSeconds = new double[m];
        int j = 0;
        for (Map.Entry<String, LinkSpec> e : spec.links().entrySet()) {
            linkIds[j] = e.getKey();
            links[j] = e.getValue();
            linkFrom[j] = nodeIndex.get(e.getValue().from());
            linkTo[j] = nodeIndex.get(e.getValue().to());
            linkSeconds[j] = network.linkSeconds(e.getKey());
            linkIndex.put(e.getKey(), j);
            j++;
        }
        Map<String, Route> routes = new LinkedHashMap<>();
        for (Map.Entry<String, Routing.Path> e : network.namedPaths().entrySet()) {
            routes.put(e.getKey(), toRoute(e.getKey(), e.getValue()));
        }
        namedRoutes = Collections.unmodifiableMap(routes);
    }

    /** The validated graph form this was compiled from. */
    public Network network() {
        return network;
    }

    public int nodeCount() {
        return nodes.length;
    }

    public int linkCount() {
        return links.length;
    }

    /** The index of node {@code id}, or -1 if there is no such node. */
    public int nodeIndex(String id) {
        Integer index = nodeIndex.get(id);
        return index == null ? -1 : index;
    }

    public String nodeId(int node) {
        return nodeIds[node];
    }

    public NodeSpec node(int node) {
        return nodes[node];
    }

    /** Mean processing seconds of a node; 0 for a node that does no processing. */
    public double expectedProcessSeconds(int node) {
        return processSeconds[node];
    }

    /** The index of link {@code id}, or -1 if there is no such link. */
    public int linkIndex(String id) {
        Integer index = linkIndex.get(id);
        return index == null ? -1 : index;
    }

    public String linkId(int link) {
        return linkIds[link];
    }

    public LinkSpec link(int link) {
        return links[link];
    }

    /** The node index of the link's declared {@code from} end. */
    public int linkFrom(int link) {
        return linkFrom[link];
    }

    /** The node index of the link's declared {@code to} end. */
    public int linkTo(int link) {
        return linkTo[link];
    }

    /** The end of {@code link} that is not {@code node}. */
    public int otherEnd(int link, int node) {
        if (linkFrom[link] == node) {
            return linkTo[link];
        }
        if (linkTo[link] == node) {
            return linkFrom[link];
        }
        throw new IllegalArgumentException("node is not an end of link: node=" + node
                + " link=" + link);
    }

    /** Rail: {@code km / speed_kmh * 3600}; ferry: mean sailing seconds. */
    public double expectedLinkSeconds(int link) {
        return linkSeconds[link];
    }

    /** The named waypoint route, expanded; {@code null} if there is none of that name. */
    public Route route(String name) {
        return namedRoutes.get(name);
    }

    /** All named routes in declaration order. */
    public Map<String, Route> namedRoutes() {
        return namedRoutes;
    }

    /**
     * The route of least expected time, named {@code fastest}; {@code null} if {@code toNode}
     * cannot be reached.
     */
    public Route fastest(int fromNode, int toNode) {
        Routing.Path path = network.routing().fastest(nodeIds[fromNode], nodeIds[toNode]);
        return path == null ? null : toRoute("fastest", path);
    }

    /**
     * The route of least expected time through the waypoint node ids in order, never passing a
     * node twice; {@code null} if there is none.
     *
     * @throws IllegalArgumentException if a waypoint is unknown or there are fewer than two
     */
    public Route via(String name, List<String> waypoints) {
        if (waypoints.size() < 2) {
            throw new IllegalArgumentException("via needs at least 2 waypoints: waypoints="
                    + waypoints);
        }
        for (String w : waypoints) {
            if (nodeIndex(w) < 0) {
                throw new IllegalArgumentException("unknown waypoint: id=" + w);
            }
        }
        Routing.Expansion expansion = network.routing().through(waypoints);
        return expansion.path() == null ? null : toRoute(name, expansion.path());
    }

    /**
     * Up to {@code k} loopless routes in nondecreasing expected time (Yen's algorithm), named
     * {@code best-1}, {@code best-2}, …; empty if {@code toNode} cannot be reached.
     */
    public List<Route> kBest(int fromNode, int toNode, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: k=" + k);
        }
        List<Route> routes = new ArrayList<>();
        for (Routing.Path path : network.routing().kBest(nodeIds[fromNode], nodeIds[toNode], k)) {
            routes.add(toRoute("best-" + (routes.size() + 1), path));
        }
        return routes;
    }

    private Route toRoute(String name, Routing.Path path) {
        int[] routeNodes = new int[path.nodes().size()];
        for (int i = 0; i < routeNodes.length; i++) {
            routeNodes[i] = nodeIndex.get(path.nodes().get(i));
        }
        int[] routeLinks = new int[path.links().size()];
        double lengthKm = 0;
        for (int i = 0; i < routeLinks.length; i++) {
            routeLinks[i] = linkIndex.get(path.links().get(i));
            lengthKm += links[routeLinks[i]].lengthKm();
        }
        return new Route(name, routeNodes, routeLinks, lengthKm,
                network.routing().expectedSeconds(path));
    }
}
