package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rolling stock and train formation of a scenario: its fleets by id and its re-forming nodes by
 * node id, in declaration order. {@link #NONE} for a scenario without them: trains then never
 * wait for stock and keep their formation.
 */
public record StockSpec(Map<String, FleetSpec> fleets, Map<String, ReformSpec> reforming) {
    public static final StockSpec NONE = new StockSpec(Map.of(), Map.of());

    public StockSpec {
        fleets = Collections.unmodifiableMap(new LinkedHashMap<>(fleets));
        reforming = Collections.unmodifiableMap(new LinkedHashMap<>(reforming));
    }

    public boolean isEmpty() {
        return fleets.isEmpty() && reforming.isEmpty();
    }
}
