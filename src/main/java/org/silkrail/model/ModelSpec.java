package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.network.NetworkSpec;

/**
 * Everything the model needs for one scenario, validated and in simulation units.
 *
 * @param costs fees, tariffs, CO2 factors and the value of time; {@link CostSpec#NONE} if none
 * @param stock fleets and re-forming; {@link StockSpec#NONE} if none
 */
public record ModelSpec(NetworkSpec network, Map<String, FlowSpec> demand,
        Map<String, ClosureSpec> closures, Map<String, StormSpec> weather, RunSettings run,
        CostSpec costs, StockSpec stock) {
    public ModelSpec {
        demand = Collections.unmodifiableMap(new LinkedHashMap<>(demand));
        closures = Collections.unmodifiableMap(new LinkedHashMap<>(closures));
        weather = Collections.unmodifiableMap(new LinkedHashMap<>(weather));
        costs = costs == null ? CostSpec.NONE : costs;
        stock = stock == null ? StockSpec.NONE : stock;
    }

    /** A scenario without fleets or re-forming. */
    public ModelSpec(NetworkSpec network, Map<String, FlowSpec> demand,
            Map<String, ClosureSpec> closures, Map<String, StormSpec> weather, RunSettings run,
            CostSpec costs) {
        this(network, demand, closures, weather, run, costs, StockSpec.NONE);
    }

    /** A scenario without costs or emissions, fleets or re-forming. */
    public ModelSpec(NetworkSpec network, Map<String, FlowSpec> demand,
            Map<String, ClosureSpec> closures, Map<String, StormSpec> weather, RunSettings run) {
        this(network, demand, closures, weather, run, CostSpec.NONE, StockSpec.NONE);
    }

    /** This scenario with other run settings, everything else kept. */
    public ModelSpec withRun(RunSettings other) {
        return new ModelSpec(network, demand, closures, weather, other, costs, stock);
    }

    /** This scenario with other demand, everything else kept. */
    public ModelSpec withDemand(Map<String, FlowSpec> other) {
        return new ModelSpec(network, other, closures, weather, run, costs, stock);
    }
}
