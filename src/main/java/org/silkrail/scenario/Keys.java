package org.silkrail.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of every object of the scenario format, as data: the binder may read only these,
 * and a test holds them equal to the JSON Schema's properties (object names are the schema's
 * {@code $defs} names; {@value #SCENARIO} is the schema's root).
 */
final class Keys {
    static final String SCENARIO = "scenario";
    static final String NETWORK = "network";
    static final String NODE = "node";
    static final String BAN = "ban";
    static final String BERTHS = "berths";
    static final String NODE_DIRECTIONS = "nodeDirections";
    static final String NODE_DIRECTION = "nodeDirection";
    static final String LINK = "link";
    static final String FLOW = "flow";
    static final String SCHEDULE = "schedule";
    static final String ROUTE_CHOICE = "routeChoice";
    static final String ROUTE_LOGIT = "routeLogit";
    static final String CLOSURE = "closure";
    static final String STORM = "storm";
    static final String FLEET = "fleet";
    static final String AREA = "area";
    static final String REFORM = "reform";

    /** Object name → its keys, in the order the format guide lists them. */
    static final Map<String, Set<String>> OBJECTS;
    /** Keys resolved while files are read, before binding ({@link TreeLoader}). */
    static final Set<String> LOADER_KEYS = Set.of("extends");
    /** Link keys that only rail links take. */
    static final Set<String> RAIL_ONLY = ordered("tracks", "sidings", "speed_kmh", "capacity");
    /** Link keys that only ferry links take, and all of them need. */
    static final Set<String> FERRY_ONLY = ordered("vessels", "sailing", "departs");
    /** Ferry link keys of which exactly one gives the places per vessel. */
    static final Set<String> FERRY_PLACES = ordered("wagons", "teu");

    static {
        Map<String, Set<String>> o = new LinkedHashMap<>();
        o.put(SCENARIO, ordered("scenario", "title", "extends", "network", "horizon", "warmup",
                "replications", "seed", "start", "demand_scale", "demand_monthly",
                "value_of_time_per_teu_hour", "demand", "closures", "weather", "fleets",
                "reforming"));
        o.put(NETWORK, ordered("extends", "nodes", "links", "routes", "closures", "weather"));
        o.put(NODE, ordered("name", "country", "lat", "lon", "gauge", "kind", "servers",
                "process", "quota", "cranes", "handling", "yard_teu", "yard", "ban", "directions",
                "fee_per_teu", "co2_kg_per_teu", "berths"));
        o.put(BAN, ordered("at", "lift", "policy"));
        o.put(BERTHS, ordered("count", "handling", "max"));
        o.put(NODE_DIRECTIONS, ordered("west", "east"));
        o.put(NODE_DIRECTION, ordered("servers", "process", "quota", "cranes", "handling",
                "yard_teu"));
        o.put(LINK, ordered("from", "to", "mode", "km", "tracks", "sidings", "speed_kmh",
                "capacity", "vessels", "wagons", "teu", "sailing", "departs", "other_cargo_share",
                "cost_per_teu_km",
                "fee_per_teu", "co2_g_per_teu_km"));
        o.put(FLOW, ordered("from", "to", "direction", "trains", "monthly", "teu", "empty_teu",
                "route", "priority", "background"));
        o.put(SCHEDULE, ordered("schedule", "repeat"));
        o.put(ROUTE_CHOICE, ordered("via", "shares", "choose"));
        o.put(ROUTE_LOGIT, ordered("routes", "best", "scale"));
        o.put(CLOSURE, ordered("node", "link", "from", "every", "for", "capacity",
                "correlated_with", "correlation"));
        o.put(STORM, ordered("links", "storms", "for", "monthly"));
        o.put(FLEET, ordered("kind", "size", "serves", "return"));
        o.put(AREA, ordered("nodes", "countries", "gauge"));
        o.put(REFORM, ordered("teu_per_train", "side"));
        OBJECTS = Collections.unmodifiableMap(o);
    }

    private Keys() {
    }

    private static Set<String> ordered(String... keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }
}
