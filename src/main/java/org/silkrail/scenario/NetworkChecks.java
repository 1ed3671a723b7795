package org.silkrail.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.RoutePolicy;
import org.silkrail.network.Network;
import org.silkrail.network.NetworkProblem;
import org.silkrail.network.NetworkSpec;
import org.silkrail.network.RouteSpec;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.Sequence;

/**
 * The network-level rules, owned by {@code org.silkrail.network} and placed in the scenario's
 * files here: {@link Network#build} checks gauge breaks, duplicate and dangling links, ferry
 * ports, node and link values and named routes; {@link Network#checkReachable} and
 * {@link Network#checkVia} check that every flow can reach its destination. Their dotted paths
 * ({@code links.ALA-DOS}) are relative to the {@code network} section and mapped onto the file,
 * line and column where that part was written.
 *
 * <p>The binder keeps its own unknown-id checks (on declared ids), because they must work while
 * other values of the network are still broken; the network rules run only when every declared
 * node, link and route bound, and a problem whose path is already reported, or lies inside or
 * around one that is, is left out, so each mistake is reported once.
 */
final class NetworkChecks {
    private NetworkChecks() {
    }

    /** Network problems of {@code bound}, placed in {@code tree}, minus those already known. */
    static List<Diagnostic> check(Mapping tree, Binder.Bound bound, List<Diagnostic> known) {
        List<Diagnostic> found = new ArrayList<>();
        NetworkSpec spec = bound.network();
        if (spec == null || !bound.networkComplete()) {
            return found;
        }
        Network network = Network.build(spec);
        List<NetworkProblem> problems = new ArrayList<>();
        for (NetworkProblem p : network.problems()) {
            problems.add(new NetworkProblem(TreePaths.child("network", p.path()), p.message()));
        }
        for (Map.Entry<String, FlowSpec> e : bound.demand().entrySet()) {
            FlowSpec flow = e.getValue();
            String path = TreePaths.child("demand", e.getKey());
            problems.addAll(network.checkReachable(flow.from(), flow.to(), path));
            if (flow.route() instanceof RoutePolicy.Via via) {
                problems.addAll(network.checkVia(flow.from(), via.waypoints(), flow.to(),
                        path + ".route.via"));
            } else if (flow.route() instanceof RoutePolicy.Choose choose) {
                for (int i = 0; i < choose.routes().size(); i++) {
                    checkEnds(spec, flow, choose.routes().get(i),
                            path + ".route.choose.routes[" + i + "]", problems);
                }
            }
        }
        List<String> reported = new ArrayList<>();
        known.forEach(d -> reported.add(d.path()));
        for (NetworkProblem p : problems) {
            if (reported.stream().noneMatch(r -> related(r, p.path()))) {
                found.add(Diagnostic.at(locate(tree, p.path()), p.path(), p.message()));
                reported.add(p.path());
            }
        }
        return found;
    }

    /** A named route a flow may take must run from the flow's origin to its destination. */
    private static void checkEnds(NetworkSpec spec, FlowSpec flow, String name, String path,
            List<NetworkProblem> problems) {
        RouteSpec route = spec.routes().get(name);
        if (route == null || route.waypoints().isEmpty()) {
            return; // an unknown route is reported where the ids are checked
        }
        String first = route.waypoints().get(0);
        String last = route.waypoints().get(route.waypoints().size() - 1);
        if (!first.equals(flow.from()) || !last.equals(flow.to())) {
            problems.add(new NetworkProblem(path, "route '" + name + "' runs " + first + " → "
                    + last + "; this flow runs " + flow.from() + " → " + flow.to()));
        }
    }

    /** Whether two paths are equal or one lies inside the other (the file root excepted). */
    static boolean related(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || inside(a, b) || inside(b, a);
    }

    private static boolean inside(String child, String parent) {
        return child.startsWith(parent) && (child.charAt(parent.length()) == '.'
                || child.charAt(parent.length()) == '[');
    }

    /**
     * The place of a dotted path ({@code network.routes.northern[3]}) in the tree: a scalar's own
     * place, else the key of the deepest entry the path reaches.
     */
    static Source locate(Mapping root, String path) {
        Source at = root.at();
        YamlNode node = root;
        for (String segment : path.split("\\.")) {
            String key = segment;
            List<Integer> indexes = new ArrayList<>();
            int bracket = segment.indexOf('[');
            if (bracket >= 0) {
                key = segment.substring(0, bracket);
                for (String index : segment.substring(bracket + 1).split("\\]\\[?")) {
                    if (!index.isEmpty()) {
                        indexes.add(Integer.parseInt(index));
                    }
                }
            }
            if (!(node instanceof Mapping m) || !m.entries().containsKey(key)) {
                break;
            }
            Entry entry = m.entries().get(key);
            at = entry.keyAt();
            node = entry.value();
            for (int index : indexes) {
                if (node instanceof Sequence s && index < s.items().size()) {
                    node = s.items().get(index);
                    at = node.at();
                }
            }
        }
        return node instanceof Scalar s ? s.at() : at;
    }
}
