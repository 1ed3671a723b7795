package org.silkrail.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The network as declared: nodes, links and named routes keyed by id, in declaration order.
 */
public record NetworkSpec(Map<String, NodeSpec> nodes, Map<String, LinkSpec> links,
        Map<String, RouteSpec> routes) {
    public NetworkSpec {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }
}
