package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.network.NetworkSpec;

/**
 * Everything the model needs for one scenario, validated and in simulation units.
 *
 * @param costs fees, tariffs, CO2 factors and the value of time; {@link CostSpec#NONE} if none
 */
public record ModelSpec(NetworkSpec network, Map<String, FlowSpec> demand,
        Map<String, ClosureSpec> closures, Map<String, StormSpec> weather, RunSettings run,
        CostSpec costs) {
    public ModelSpec {
        demand = Collections.unmodifiableMap(new LinkedHashMap<>(demand));
        closures = Collections.unmodifiableMap(new LinkedHashMap<>(closures));
        weather = Collections.unmodifiableMap(new LinkedHashMap<>(weather));
        costs = costs == null ? CostSpec.NONE : costs;
    }

    /** A scenario without costs or emissions. */
    public ModelSpec(NetworkSpec network, Map<String, FlowSpec> demand,
            Map<String, ClosureSpec> closures, Map<String, StormSpec> weather, RunSettings run) {
        this(network, demand, closures, weather, run, CostSpec.NONE);
    }
}
