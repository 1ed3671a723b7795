package org.silkrail.scenario;

import java.util.ArrayList;
import java.util.List;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.NetworkSpec;
import org.silkrail.network.NodeKind;
import org.silkrail.network.NodeSpec;

/**
 * The network-level checks a bound scenario must pass, with their places given as dotted paths
 * into the {@code network} section ({@code links.ALA-DOS}).
 *
 * <p>This is the seam to {@code org.silkrail.network}: the network package owns these rules
 * (gauge breaks, duplicate and dangling links, reachability of every demand). Until its checker
 * is on main, the gauge rule lives here: a train changes gauge only at a gauge-change node, so a
 * link that joins a 1435 mm node to a 1520 mm node needs a gauge-change node at one end.
 */
final class NetworkChecks {

    /** A problem at a dotted path relative to the scenario's {@code network} section. */
    record Problem(String path, String message) {
    }

    private NetworkChecks() {
    }

    static List<Problem> check(NetworkSpec network) {
        List<Problem> problems = new ArrayList<>();
        for (LinkSpec link : network.links().values()) {
            NodeSpec from = network.nodes().get(link.from());
            NodeSpec to = network.nodes().get(link.to());
            if (from == null || to == null || from.gaugeMm() == to.gaugeMm()) {
                continue;
            }
            if (from.kind() != NodeKind.GAUGE_CHANGE && to.kind() != NodeKind.GAUGE_CHANGE) {
                problems.add(new Problem("links." + link.id(), "gauge break: the link joins "
                        + from.id() + " (" + from.gaugeMm() + " mm) and " + to.id() + " ("
                        + to.gaugeMm() + " mm), but neither is a gauge-change node"));
            }
        }
        return problems;
    }
}
