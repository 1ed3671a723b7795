package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.silkrail.network.NodeKind;
import org.silkrail.network.NodeSpec;

/**
 * A part of the network given by its nodes: those listed, and those that match every selector
 * given ({@code countries}, {@code gauge}). A gauge-change node matches every gauge: it holds
 * the tracks of both gauges it joins, so a train reaching it on one gauge and leaving it on the
 * other uses each gauge's stock up to it.
 *
 * <p>A link lies in the area when both its ends do. Example: {@code gauge: 1520} holds Dostyk
 * (gauge change) and Moiynty, so Dostyk–Moiynty lies in it; Alashankou (1435 mm) does not, so
 * Alashankou–Dostyk lies only in a {@code gauge: 1435} area.
 *
 * @param nodes node ids always in the area
 * @param countries countries whose nodes match; empty for no condition on the country
 * @param gauge the gauge in mm whose nodes match, or 0 for no condition on the gauge
 */
public record Area(Set<String> nodes, Set<String> countries, int gauge) {
    public Area {
        nodes = Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
        countries = Collections.unmodifiableSet(new LinkedHashSet<>(countries));
    }

    /** Whether the selectors select anything (a list of nodes, a country or a gauge). */
    boolean selects() {
        return !countries.isEmpty() || gauge > 0;
    }

    /** Whether {@code node} lies in the area. */
    public boolean contains(NodeSpec node) {
        if (nodes.contains(node.id())) {
            return true;
        }
        if (!selects()) {
            return false;
        }
        boolean country = countries.isEmpty() || countries.contains(node.country());
        boolean gaugeOk = gauge == 0 || node.gaugeMm() == gauge
                || node.kind() == NodeKind.GAUGE_CHANGE;
        return country && gaugeOk;
    }
}
