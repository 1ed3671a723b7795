package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.network.NetworkSpec;

/** Everything the model needs for one scenario, validated and in simulation units. */
public record ModelSpec(NetworkSpec network, Map<String, FlowSpec> demand,
        Map<String, ClosureSpec> closures, Map<String, StormSpec> weather, RunSettings run) {
    public ModelSpec {
        demand = Collections.unmodifiableMap(new LinkedHashMap<>(demand));
        closures = Collections.unmodifiableMap(new LinkedHashMap<>(closures));
        weather = Collections.unmodifiableMap(new LinkedHashMap<>(weather));
    }
}
