package org.silkrail.scenario;

import org.silkrail.network.NearNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.SimTime;
import org.silkrail.model.AcceptanceSpec;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.Area;
import org.silkrail.model.ClosureSpec;
import org.silkrail.model.CostSpec;
import org.silkrail.model.FleetSpec;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.MonthlyProfile;
import org.silkrail.model.ReformSpec;
import org.silkrail.model.RoutePolicy;
import org.silkrail.model.RunSettings;
import org.silkrail.model.StockSpec;
import org.silkrail.model.StormSpec;
import org.silkrail.network.BerthSpec;
import org.silkrail.network.DepartureRule;
import org.silkrail.network.Direction;
import org.silkrail.network.LinkMode;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.NetworkSpec;
import org.silkrail.network.NodeKind;
import org.silkrail.network.NodeSpec;
import org.silkrail.network.ProcessSpec;
import org.silkrail.network.RouteSpec;
import org.silkrail.scenario.Distributions.Quantity;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.ScalarType;
import org.silkrail.scenario.YamlNode.Sequence;

/**
 * Binds a merged, schema-checked scenario tree to the model's records, parsing units and
 * distributions, filling defaults, and checking what the schema cannot: value syntax, ids that
 * refer to nothing, rail-only or ferry-only keys, shares that do not sum to 1, a warm-up longer
 * than the run.
 *
 * <p>Values the schema already rejected (wrong type, missing) are skipped silently, so each
 * problem is reported once. Defaults: horizon 365d, warmup 0, replications 10, seed 1,
 * start 1 January, demand_scale 1, flat demand (no monthly profile), link mode
 * rail, tracks 2, sidings 0, capacity unlimited, node servers 0 and no process, no quota, route
 * fastest, closure from 0 with capacity 0.
 */
final class Binder {
    static final long DEFAULT_HORIZON_SECONDS = 365 * SimTime.DAY;
    static final long DEFAULT_WARMUP_SECONDS = 0;
    static final int DEFAULT_REPLICATIONS = 10;
    static final long DEFAULT_SEED = 1;
    static final int DEFAULT_TRACKS = 2;
    /** Shares of a flow's routes must sum to 1 within this. */
    static final double SHARES_TOLERANCE = 1e-6;
    /** Logit scale of route choice when {@code choose} gives none: 12 h. */
    static final long DEFAULT_CHOICE_SCALE_SECONDS = 12 * SimTime.HOUR;

    private final List<Diagnostic> problems;
    /** Every {@code object.key} the binder asked for, to test the key table against the code. */
    private final Set<String> keysRead = new TreeSet<>();
    private final List<Ref> refs = new ArrayList<>();
    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private final Map<String, LinkSpec> links = new LinkedHashMap<>();
    // costs and CO2 (all optional), by node or link id
    private final Map<String, Double> nodeFee = new LinkedHashMap<>();
    private final Map<String, Double> nodeCo2 = new LinkedHashMap<>();
    private final Map<String, Double> linkTariff = new LinkedHashMap<>();
    private final Map<String, Double> linkFee = new LinkedHashMap<>();
    private final Map<String, Double> linkCo2 = new LinkedHashMap<>();
    private final Map<String, RouteSpec> routes = new LinkedHashMap<>();
    private final Map<String, FlowSpec> demand = new LinkedHashMap<>();
    private final Map<String, AcceptanceSpec> acceptance = new LinkedHashMap<>();
    private final Map<String, ClosureSpec> closures = new LinkedHashMap<>();
    private final Map<String, String> closurePaths = new LinkedHashMap<>();
    /** Closures that name a partner with {@code correlated_with}, and where they name it. */
    private final Map<String, Source> correlated = new LinkedHashMap<>();
    private final Map<String, StormSpec> weather = new LinkedHashMap<>();
    private final Map<String, String> weatherPaths = new LinkedHashMap<>();
    private final Map<String, FleetSpec> fleets = new LinkedHashMap<>();
    private final Map<String, ReformSpec> reforming = new LinkedHashMap<>();
    /** Areas bound, with where they were written, for the check against the network. */
    private final List<AreaRef> areas = new ArrayList<>();
    /** Ids declared in the tree, bound or not (a node with a bad value still exists). */
    private final Set<String> declaredNodes = new LinkedHashSet<>();
    private final Set<String> declaredLinks = new LinkedHashSet<>();
    private final Set<String> declaredRoutes = new LinkedHashSet<>();
    private boolean networkBound;
    /** The run's horizon, or null when malformed; closures starting after it are reported. */
    private Long horizonSeconds;
    /** {@code demand_monthly}: the profile of Poisson flows without their own; null for flat. */
    private MonthlyProfile demandMonthly;

    /** What a reference names, for the check after all ids are known. */
    private enum RefKind { NODE, LINK, FERRY_LINK, ROUTE }

    private record Ref(RefKind kind, String id, Source at, String path) {
    }

    /** An area as bound, where it was written, and the node that must lie in it (or null). */
    private record AreaRef(Area area, Source at, String path, String mustHold) {
    }

    /**
     * The binding's outcome: the scenario's id and title, its model when all is well, and, for
     * the network-level checks, what could be bound even when something could not.
     *
     * @param network the nodes, links and routes that bound, or null without a network map
     * @param networkComplete whether every declared node, link and route bound, so that the
     *     network-level checks see the whole network and report nothing spurious
     * @param demand the flows that bound
     */
    record Bound(String id, String title, ModelSpec model, NetworkSpec network,
            boolean networkComplete, Map<String, FlowSpec> demand) {
    }

    Binder(List<Diagnostic> problems) {
        this.problems = problems;
    }

    Set<String> keysRead() {
        return keysRead;
    }

    Bound bind(Mapping root) {
        Obj scenario = new Obj(Keys.SCENARIO, root, "");
        String id = scenario.text("scenario");
        String title = scenario.text("title");
        Long horizon = scenario.duration("horizon", DEFAULT_HORIZON_SECONDS);
        Long warmup = scenario.duration("warmup", DEFAULT_WARMUP_SECONDS);
        Long replications = scenario.integer("replications", (long) DEFAULT_REPLICATIONS);
        Long seed = scenario.integer("seed", DEFAULT_SEED);
        Double demandScale = demandScale(scenario);
        // a start that is not text is the schema's to report
        String startText = scenario.text("start");
        Long start = !scenario.has("start") ? Long.valueOf(CalendarStart.DEFAULT_SECONDS)
                : startText == null ? null
                : scenario.parse("start", () -> CalendarStart.parseSeconds(startText));
        boolean demandMonthlyOk = true;
        if (scenario.has("demand_monthly")) {
            demandMonthly = monthlyProfile(scenario, "demand_monthly");
            demandMonthlyOk = demandMonthly != null;
        }
        Map<String, Double> valueOfTime = new LinkedHashMap<>();
        amount(scenario, "value_of_time_per_teu_hour", "USD per TEU-hour", "", valueOfTime);
        horizonSeconds = horizon;
        if (horizon != null && warmup != null && horizon > 0 && warmup >= horizon) {
            scenario.problem("warmup", "warmup " + Units.formatDuration(warmup)
                    + " must be shorter than horizon " + Units.formatDuration(horizon));
        }
        if (horizon != null && horizon == 0) {
            scenario.problem("horizon", "horizon must be above zero");
        }
        if (replications != null && replications > Integer.MAX_VALUE) {
            scenario.problem("replications", "too many replications: " + replications);
        }
        YamlNode network = scenario.get("network");
        if (network instanceof Mapping networkMap) {
            networkBound = true;
            bindNetwork(new Obj(Keys.NETWORK, networkMap, "network"));
        }
        eachEntry(scenario, "demand", Keys.FLOW, this::bindFlow);
        eachEntry(scenario, "closures", Keys.CLOSURE, this::bindClosure);
        eachEntry(scenario, "weather", Keys.STORM, this::bindStorm);
        eachEntry(scenario, "fleets", Keys.FLEET, this::bindFleet);
        eachEntry(scenario, "reforming", Keys.REFORM, this::bindReform);
        if (networkBound) {
            checkRefs();
            checkAreas();
        }
        JamPairs.check(closures, correlated, closurePaths, problems);
        String shownTitle = title == null ? id : title;
        NetworkSpec spec = networkBound ? new NetworkSpec(nodes, links, routes) : null;
        boolean complete = networkBound && nodes.keySet().equals(declaredNodes)
                && links.keySet().equals(declaredLinks) && routes.keySet().equals(declaredRoutes);
        if (problems.isEmpty()) {
            reportUnbound(root);
        }
        // any problem so far (schema ones included) leaves values unbound
        if (!problems.isEmpty() || !networkBound || id == null || horizon == null
                || warmup == null || replications == null || seed == null
                || demandScale == null || start == null || !demandMonthlyOk) {
            return new Bound(id, shownTitle, null, spec, complete, demand);
        }
        RunSettings run = new RunSettings(horizon, warmup, replications.intValue(), seed, start);
        CostSpec costs = new CostSpec(nodeFee, nodeCo2, linkTariff, linkFee, linkCo2,
                valueOfTime.getOrDefault("", 0.0));
        ModelSpec model = new ModelSpec(spec, DemandScale.apply(demand, demandScale), closures,
                weather, run, costs, new StockSpec(fleets, reforming),
                acceptance);
        RunSize.Problem tooLarge = RunSize.check(model, replications);
        if (tooLarge != null) {
            problems.add(Diagnostic.at(placeOf(root, tooLarge.path()), tooLarge.path(),
                    tooLarge.message()));
            return new Bound(id, shownTitle, null, spec, complete, demand);
        }
        return new Bound(id, shownTitle, model, spec, complete, demand);
    }

    /**
     * The last guard against silent data loss: every node, link, route, flow, closure and storm
     * written in the tree is in the model, or the scenario is refused. Each value that fails to
     * bind reports its own problem; this fires only when a check is missing, and the fuzz suite
     * asserts that it never does.
     */
    private void reportUnbound(Mapping root) {
        if (root.get("network") instanceof Mapping network) {
            unbound(network, "network", "nodes", nodes.keySet());
            unbound(network, "network", "links", links.keySet());
            unbound(network, "network", "routes", routes.keySet());
            unbound(network, "network", "closures", closures.keySet());
            unbound(network, "network", "weather", weather.keySet());
        }
        unbound(root, "", "demand", demand.keySet());
        unbound(root, "", "closures", closures.keySet());
        unbound(root, "", "weather", weather.keySet());
        unbound(root, "", "fleets", fleets.keySet());
        unbound(root, "", "reforming", reforming.keySet());
    }

    static final String UNBOUND = "could not be read, and silkrail found no reason to report:"
            + " please report this as a bug";

    private void unbound(Mapping parent, String parentPath, String key, Set<String> bound) {
        if (parent.get(key) instanceof Mapping map) {
            for (Entry e : map.entries().values()) {
                if (!bound.contains(e.key())) {
                    problems.add(Diagnostic.at(e.keyAt(), TreePaths.child(TreePaths.child(
                            parentPath, key), e.key()), "this entry " + UNBOUND));
                }
            }
        }
    }

    /** Where the value at a dotted path was written, or its nearest written parent. */
    private static Source placeOf(Mapping root, String path) {
        YamlNode node = root;
        for (String key : path.split("\\.")) {
            YamlNode child = node instanceof Mapping m ? m.get(key) : null;
            if (child == null) {
                break;
            }
            node = child;
        }
        return node.at();
    }

    /** The {@code demand_scale} factor, 1 when absent, null when not a positive finite number. */
    private Double demandScale(Obj scenario) {
        if (!scenario.has("demand_scale")) {
            return DemandScale.DEFAULT;
        }
        // the schema reports a non-number, .inf, .nan and a value not above 0
        Double scale = scenario.number("demand_scale");
        return scale == null || scale <= 0 ? null : scale;
    }

    private void bindNetwork(Obj network) {
        declare(network.get("nodes"), declaredNodes);
        declare(network.get("links"), declaredLinks);
        declare(network.get("routes"), declaredRoutes);
        eachEntry(network, "nodes", Keys.NODE, this::bindNode);
        eachEntry(network, "links", Keys.LINK, this::bindLink);
        YamlNode routeMap = network.get("routes");
        if (routeMap instanceof Mapping m) {
            for (Entry e : m.entries().values()) {
                String path = TreePaths.child(network.path("routes"), e.key());
                List<String> waypoints = idList(e.value(), path, RefKind.NODE);
                if (waypoints != null) {
                    routes.put(e.key(), new RouteSpec(e.key(), waypoints));
                }
            }
        }
        eachEntry(network, "closures", Keys.CLOSURE, this::bindClosure);
        eachEntry(network, "weather", Keys.STORM, this::bindStorm);
    }

    private static void declare(YamlNode map, Set<String> ids) {
        if (map instanceof Mapping m) {
            ids.addAll(m.entries().keySet());
        }
    }

    private interface EntryBinder {
        void bind(String id, Obj object, Entry entry);
    }

    private void eachEntry(Obj parent, String key, String kind, EntryBinder binder) {
        if (parent.get(key) instanceof Mapping map) {
            for (Entry e : map.entries().values()) {
                if (e.value() instanceof Mapping m) {
                    binder.bind(e.key(), new Obj(kind, m, TreePaths.child(parent.path(key),
                            e.key())), e);
                }
            }
        }
    }

    /** An optional amount ≥ 0 under {@code key}, put into {@code into} under {@code id}. */
    private static void amount(Obj o, String key, String unit, String id,
            Map<String, Double> into) {
        if (!o.has(key)) {
            return;
        }
        Double value = o.number(key);
        if (value == null || value < 0) {
            o.problem(key, "expected a number of " + unit + ", 0 or more");
            return;
        }
        into.put(id, value);
    }

    private void bindNode(String id, Obj node, Entry entry) {
        amount(node, "fee_per_teu", "USD per TEU", id, nodeFee);
        amount(node, "co2_kg_per_teu", "kg CO2 per TEU", id, nodeCo2);
        String name = node.text("name");
        String country = node.text("country");
        Double lat = node.number("lat");
        Double lon = node.number("lon");
        Long gauge = node.integer("gauge", null);
        NodeKind kind = null;
        String kindName = node.text("kind");
        for (NodeKind k : NodeKind.values()) {
            if (k.yamlName().equals(kindName)) {
                kind = k;
            }
        }
        Processing own = new Processing(node);
        ProcessSpec processing = own.resolve(null, node);
        // a node whose own values are wrong is reported once, not again in each direction
        Map<Direction, ProcessSpec> directions = new EnumMap<>(Direction.class);
        boolean directionsOk = true;
        if (processing != null && node.get("directions") instanceof Mapping m) {
            Obj byDirection = new Obj(Keys.NODE_DIRECTIONS, m, node.path("directions"));
            for (Direction d : Direction.values()) {
                if (byDirection.get(d.yamlName()) instanceof Mapping dm) {
                    Obj direction = new Obj(Keys.NODE_DIRECTION, dm,
                            byDirection.path(d.yamlName()));
                    ProcessSpec spec = new Processing(direction).resolve(own, direction);
                    directionsOk &= spec != null;
                    if (spec != null) {
                        directions.put(d, spec);
                    }
                }
            }
        }
        if (lat == null || lon == null || gauge == null || kind == null || country == null
                || processing == null || !directionsOk) {
            return;
        }
        BerthSpec berths = null;
        if (node.get("berths") instanceof Mapping m) {
            berths = bindBerths(new Obj(Keys.BERTHS, m, node.path("berths")));
            if (berths == null) {
                return;
            }
        } else if (node.has("berths")) {
            return; // the schema reports berths that are not a map
        }
        NodeSpec spec = new NodeSpec(id, name == null ? id : name, country, lat, lon,
                gauge.intValue(), kind, processing.servers(), processing.processSeconds(),
                processing.quotaPerDay(), processing.teuPerServerHour(), processing.yardTeu(),
                directions, berths);
        if (bindAcceptance(id, node, spec)) {
            nodes.put(id, spec);
        }
    }

    /**
     * A port's {@code berths: {count, handling, max}}; {@code null} when a value is malformed
     * or missing (reported).
     */
    private BerthSpec bindBerths(Obj berths) {
        Long count = berths.integer("count", null);
        Distribution handling = berths.distribution("handling", Quantity.DURATION);
        Long max = berths.duration("max", Long.MAX_VALUE);
        boolean ok = true;
        if (!berths.has("count")) {
            berths.problemAt("missing key 'count' (the berths vessels load and unload at, like"
                    + " count: 3)");
            ok = false;
        }
        if (!berths.has("handling")) {
            berths.problemAt("missing key 'handling' (the time a vessel holds a berth per call,"
                    + " like handling: lognormal(20h, 6h))");
            ok = false;
        }
        if (!ok || count == null || handling == null || max == null) {
            return null;
        }
        return new BerthSpec(count.intValue(), handling, max);
    }

    /**
     * A node's {@code yard} and {@code ban} (back-pressure, {@link AcceptanceSpec}); false when
     * one is malformed or the node has no queue for them to act on.
     */
    private boolean bindAcceptance(String id, Obj node, NodeSpec spec) {
        boolean hasYard = node.has("yard");
        boolean hasBan = node.has("ban");
        if (!hasYard && !hasBan) {
            return true;
        }
        Long yard = node.integer("yard", 0L);
        boolean ok = yard != null;
        long at = 0;
        long lift = 0;
        boolean refuse = false;
        if (node.get("ban") instanceof Mapping m) {
            Obj ban = new Obj(Keys.BAN, m, node.path("ban"));
            Long banAt = ban.integer("at", null);
            Long banLift = ban.integer("lift", banAt == null ? 0L : banAt / 2);
            refuse = "refuse".equals(ban.text("policy"));
            if (banAt == null || banLift == null) {
                ok = false;
            } else {
                at = banAt;
                lift = banLift;
                if (lift >= at) {
                    ban.problem("lift", "lift must be below at (" + at + "): the ban lifts when"
                            + " the queue has fallen to lift trains");
                    ok = false;
                }
                if (yard != null && yard > 0 && at > yard) {
                    ban.problem("at", "a ban at " + at + " waiting trains never starts in a"
                            + " yard of " + yard + "; give at <= yard");
                    ok = false;
                }
            }
        } else if (hasBan) {
            ok = false; // the schema reports a ban that is not a map
        }
        if (!spec.queues()) {
            node.problem(hasYard ? "yard" : "ban", "yard and ban act on the trains waiting at a"
                    + " node; this node has none: give it servers, cranes or a quota");
            ok = false;
        }
        if (ok) {
            acceptance.put(id, new AcceptanceSpec(id, yard.intValue(), (int) at, (int) lift,
                    refuse));
        }
        return ok;
    }

    /**
     * The processing keys of a node or of one of its directions, as written; a direction's
     * missing keys fall back to the node's. Writing {@code servers} or {@code cranes} in a
     * direction replaces the node's kind of processing (servers with a process time, or cranes
     * handling TEU); {@code process} and {@code quota} are inherited one by one.
     */
    private final class Processing {
        final boolean hasServers;
        final boolean hasCranes;
        final boolean hasHandling;
        final boolean hasYard;
        final boolean hasProcess;
        final boolean hasQuota;
        final Long servers;
        final Long cranes;
        final Double handlingPerHour;
        final Double yardTeu;
        final Distribution process;
        final Double quotaPerDay;

        Processing(Obj o) {
            hasServers = o.has("servers");
            hasCranes = o.has("cranes");
            hasHandling = o.has("handling");
            hasYard = o.has("yard_teu");
            hasProcess = o.has("process");
            hasQuota = o.has("quota");
            servers = o.integer("servers", 0L);
            cranes = o.integer("cranes", 0L);
            Double perDay = o.ratePerDay("handling");
            handlingPerHour = perDay == null ? null : perDay / 24;
            yardTeu = hasYard ? o.number("yard_teu") : Double.valueOf(0);
            process = o.distribution("process", Quantity.DURATION);
            quotaPerDay = o.ratePerDay("quota");
        }

        boolean malformed() {
            return servers == null || cranes == null || handlingPerHour == null
                    || yardTeu == null || quotaPerDay == null || process == null && hasProcess;
        }

        /**
         * The settings, falling back to {@code base} (the node's, for a direction) for keys
         * this object does not write; {@code null} when a value is malformed or a rule broken.
         */
        ProcessSpec resolve(Processing base, Obj o) {
            if (malformed() || base != null && base.malformed()) {
                return null;
            }
            if (hasServers && hasCranes) {
                o.problem("cranes", "write servers (a process time per train) or cranes"
                        + " (handling time from the train's TEU), not both");
                return null;
            }
            // the kind of processing: this object's when it writes servers or cranes
            boolean crane;
            long count;
            if (hasCranes || hasServers || base == null) {
                crane = hasCranes;
                count = hasCranes ? cranes : servers;
            } else {
                crane = base.hasCranes;
                count = crane ? base.cranes : base.servers;
            }
            boolean inherit = base != null;
            Double handling = hasHandling ? handlingPerHour
                    : inherit && base.hasHandling ? base.handlingPerHour : null;
            double yard = hasYard ? yardTeu : inherit && base.hasYard ? base.yardTeu : 0;
            Distribution time = hasProcess || !inherit ? process : base.process;
            double quota = hasQuota || !inherit ? quotaPerDay : base.quotaPerDay;
            boolean ok = true;
            if (crane && handling == null) {
                o.problem("cranes", "cranes need a handling rate in TEU per crane, like"
                        + " handling: 4.5/h");
                ok = false;
            }
            if (!crane && hasHandling) {
                o.problem("handling", "handling is the TEU rate of one crane; give the"
                        + " cranes too, like cranes: 7");
                ok = false;
            }
            if (!crane && hasYard) {
                o.problem("yard_teu", "yard_teu holds the containers of trains being"
                        + " handled by cranes; give cranes and handling too");
                ok = false;
            }
            if (!crane && count > 0 && time == null) {
                o.problem("servers", "a node with servers needs a process time, like"
                        + " process: lognormal(4h, 2h)");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            if (crane) {
                return new ProcessSpec((int) count, time, quota, handling, yard);
            }
            // servers: 0 in a direction lets its trains pass, whatever process it inherits
            return new ProcessSpec((int) count, count == 0 && inherit ? null : time, quota, 0, 0);
        }
    }

    private void bindLink(String id, Obj link, Entry entry) {
        amount(link, "cost_per_teu_km", "USD per TEU-km", id, linkTariff);
        amount(link, "fee_per_teu", "USD per TEU", id, linkFee);
        amount(link, "co2_g_per_teu_km", "grams CO2 per TEU-km", id, linkCo2);
        String from = link.ref("from", RefKind.NODE);
        String to = link.ref("to", RefKind.NODE);
        String modeName = link.text("mode");
        Double km = link.number("km");
        LinkMode mode = "ferry".equals(modeName) ? LinkMode.FERRY : LinkMode.RAIL;
        if (mode == LinkMode.RAIL) {
            for (String key : Keys.FERRY_ONLY) {
                if (link.has(key)) {
                    link.problem(key, key + " applies only to ferry links (mode: ferry)");
                }
            }
            for (String key : Keys.FERRY_PLACES) {
                if (link.has(key)) {
                    link.problem(key, key + " applies only to ferry links (mode: ferry)");
                }
            }
            if (link.has("other_cargo_share")) {
                link.problem("other_cargo_share", "other_cargo_share applies only to ferry links"
                        + " (mode: ferry)");
            }
            Long tracks = link.integer("tracks", (long) DEFAULT_TRACKS);
            Long sidings = link.integer("sidings", 0L);
            Double speed = link.number("speed_kmh");
            Double capacity = link.ratePerDay("capacity");
            if (!link.has("speed_kmh")) {
                link.problemAtSelf(entry, "missing key 'speed_kmh' (a rail link needs the average"
                        + " speed of its freight trains)");
            }
            if (tracks != null && sidings != null && tracks > 1 && sidings > 0) {
                link.problem("sidings", "sidings apply only to single-track links (tracks: 1);"
                        + " this link has " + tracks + " tracks");
            }
            if (from != null && to != null && km != null && tracks != null && sidings != null
                    && speed != null && capacity != null) {
                links.put(id, LinkSpec.rail(id, from, to, km, tracks.intValue(),
                        sidings.intValue(), speed, capacity));
            }
        } else {
            for (String key : Keys.RAIL_ONLY) {
                if (link.has(key)) {
                    link.problem(key, key + " applies only to rail links; this link has"
                            + " mode: ferry");
                }
            }
            for (String key : Keys.FERRY_ONLY) {
                if (!link.has(key)) {
                    link.problemAtSelf(entry, "missing key '" + key + "' (a ferry link needs"
                            + " vessels, wagons or teu, sailing and departs)");
                }
            }
            boolean feeder = link.has("teu");
            if (feeder && link.has("wagons")) {
                link.problem("teu", "write wagons (a rail ferry: wagon places per vessel) or teu"
                        + " (a container feeder: TEU per vessel), not both");
            } else if (!feeder && !link.has("wagons")) {
                link.problemAtSelf(entry, "missing key 'wagons' or 'teu' (a rail ferry needs"
                        + " wagons, its wagon places per vessel; a container feeder teu, its"
                        + " TEU per vessel)");
            }
            Long vessels = link.integer("vessels", null);
            Long wagons = feeder ? Long.valueOf(0) : link.integer("wagons", null);
            Long teu = feeder ? link.integer("teu", null) : Long.valueOf(0);
            Distribution sailing = link.distribution("sailing", Quantity.DURATION);
            DepartureRule departs = link.departure("departs");
            Double otherShare = link.has("other_cargo_share")
                    ? link.number("other_cargo_share") : Double.valueOf(0);
            if (from != null && to != null && km != null && vessels != null && wagons != null
                    && teu != null && sailing != null && departs != null && otherShare != null
                    && !(feeder && link.has("wagons")) && (feeder || link.has("wagons"))) {
                links.put(id, feeder
                        ? LinkSpec.feeder(id, from, to, km, vessels.intValue(), teu.intValue(),
                                sailing, departs, otherShare)
                        : LinkSpec.ferry(id, from, to, km, vessels.intValue(),
                                wagons.intValue(), sailing, departs, otherShare));
            }
        }
    }

    private void bindFlow(String id, Obj flow, Entry entry) {
        String from = flow.ref("from", RefKind.NODE);
        String to = flow.ref("to", RefKind.NODE);
        ArrivalSpec trains = null;
        YamlNode trainsNode = flow.get("trains");
        if (trainsNode instanceof Scalar s && s.type() == ScalarType.STRING) {
            trains = flow.parse("trains", () -> Distributions.parseArrival(s.text()));
        } else if (trainsNode instanceof Mapping m) {
            trains = bindSchedule(new Obj(Keys.SCHEDULE, m, flow.path("trains")));
        } else if (trainsNode != null) {
            flow.problem("trains", "expected an arrival process like poisson(7/day), every(4h)"
                    + " or a map with schedule:, got " + trainsNode.describe());
        }
        trains = seasonal(flow, trains);
        Distribution teu = flow.distribution("teu", Quantity.PLAIN);
        Distribution emptyTeu = flow.distribution("empty_teu", Quantity.PLAIN);
        Direction direction = Direction.of(flow.text("direction"));
        RoutePolicy route = new RoutePolicy.Fastest();
        YamlNode routeNode = flow.get("route");
        if (routeNode instanceof Mapping m) {
            route = bindRouteChoice(new Obj(Keys.ROUTE_CHOICE, m, flow.path("route")));
        }
        Long priority = flow.integer("priority", 0L);
        Boolean background = flow.bool("background", false);
        if (from != null && to != null && trains != null && teu != null && route != null
                && (emptyTeu != null || !flow.has("empty_teu"))
                && (direction != null || !flow.has("direction"))
                && priority != null && background != null) {
            demand.put(id, new FlowSpec(id, from, to, trains, teu, emptyTeu, direction, route,
                    priority.intValue(), background));
        }
    }

    /**
     * A flow's arrivals with its monthly profile: its own {@code monthly:}, else the scenario's
     * {@code demand_monthly:} for a Poisson flow; null (with a problem) if malformed.
     */
    private ArrivalSpec seasonal(Obj flow, ArrivalSpec trains) {
        MonthlyProfile monthly = demandMonthly;
        if (flow.has("monthly")) {
            monthly = monthlyProfile(flow, "monthly");
            if (monthly == null) {
                return null;
            }
            if (trains != null && !(trains instanceof ArrivalSpec.Poisson)) {
                flow.problem("monthly", "monthly shapes random arrivals over the year: it needs"
                        + " trains: poisson(rate), not every() or a schedule");
                return null;
            }
        }
        if (monthly != null && trains instanceof ArrivalSpec.Poisson p) {
            return new ArrivalSpec.Poisson(p.ratePerSecond(), monthly);
        }
        return trains;
    }

    private ArrivalSpec bindSchedule(Obj schedule) {
        Long repeat = schedule.duration("repeat", 0L);
        YamlNode times = schedule.get("schedule");
        if (!(times instanceof Sequence list) || repeat == null) {
            return null;
        }
        long[] seconds = new long[list.items().size()];
        boolean ok = !list.items().isEmpty();
        for (int i = 0; i < seconds.length; i++) {
            YamlNode item = list.items().get(i);
            Long t = durationOf(item, TreePaths.index(schedule.path("schedule"), i));
            ok &= t != null;
            seconds[i] = t == null ? 0 : t;
        }
        if (!ok) {
            return null;
        }
        return schedule.parse("schedule", () -> Distributions.schedule(seconds, repeat));
    }

    private RoutePolicy bindRouteChoice(Obj choice) {
        YamlNode via = choice.get("via");
        YamlNode shares = choice.get("shares");
        YamlNode choose = choice.get("choose");
        if ((via != null ? 1 : 0) + (shares != null ? 1 : 0) + (choose != null ? 1 : 0) > 1) {
            return null; // the schema reports "exactly one of"
        }
        if (choose != null) {
            return choose instanceof Mapping m
                    ? bindChoose(new Obj(Keys.ROUTE_LOGIT, m, choice.path("choose"))) : null;
        }
        if (via != null) {
            List<String> waypoints = idList(via, choice.path("via"), RefKind.NODE);
            return waypoints == null ? null : new RoutePolicy.Via(waypoints);
        }
        if (!(shares instanceof Mapping m)) {
            return null;
        }
        Map<String, Double> byRoute = new LinkedHashMap<>();
        double sum = 0;
        for (Entry e : m.entries().values()) {
            String path = TreePaths.child(choice.path("shares"), e.key());
            refs.add(new Ref(RefKind.ROUTE, e.key(), e.keyAt(), path));
            Double share = e.value() instanceof Scalar s && s.isNumber() ? finite(s.text()) : null;
            if (share == null || share < 0 || share > 1) {
                return null;
            }
            byRoute.put(e.key(), share);
            sum += share;
        }
        if (byRoute.isEmpty()) {
            return null;
        }
        if (Math.abs(sum - 1) > SHARES_TOLERANCE) {
            problems.add(Diagnostic.at(m.at(), choice.path("shares"), "route shares sum to "
                    + trim(sum) + "; they must sum to 1"));
            return null;
        }
        return new RoutePolicy.Shares(byRoute);
    }

    /** {@code choose: {routes: [...] | best: k, scale: 12h}}: route choice by logit. */
    private RoutePolicy bindChoose(Obj choose) {
        YamlNode routeList = choose.get("routes");
        Long best = choose.integer("best", 0L);
        Long scale = choose.duration("scale", DEFAULT_CHOICE_SCALE_SECONDS);
        if (routeList != null && choose.has("best")) {
            choose.problem("best", "write routes: (named routes) or best: (the fastest paths),"
                    + " not both");
            return null;
        }
        if (routeList == null && !choose.has("best")) {
            problems.add(Diagnostic.at(choose.map.at(), choose.path, "choose needs routes: [a,"
                    + " b] (named routes) or best: 3 (the 3 fastest paths)"));
            return null;
        }
        if (scale != null && scale <= 0) {
            choose.problem("scale", "scale must be above zero, like 12h");
            return null;
        }
        List<String> names = List.of();
        if (routeList != null) {
            names = idList(routeList, choose.path("routes"), RefKind.ROUTE);
            if (names == null) {
                return null; // the schema reports it
            }
            if (new java.util.HashSet<>(names).size() < names.size()) {
                choose.problem("routes", "a route is listed twice: " + names);
                return null;
            }
        }
        if (best == null || scale == null) {
            return null;
        }
        return new RoutePolicy.Choose(names, best.intValue(), scale);
    }

    private void bindClosure(String id, Obj closure, Entry entry) {
        String node = closure.has("node") ? closure.ref("node", RefKind.NODE) : null;
        String link = closure.has("link") ? closure.ref("link", RefKind.LINK) : null;
        if (closure.has("node") && closure.has("link")) {
            closure.problemAtSelf(entry, "a closure names a node: or a link:, not both");
        } else if (!closure.has("node") && !closure.has("link")) {
            closure.problemAtSelf(entry, "a closure needs node: or link: to say what it closes");
        }
        Long from = closure.duration("from", 0L);
        Distribution every = closure.distribution("every", Quantity.DURATION);
        Distribution duration = closure.distribution("for", Quantity.DURATION);
        Double capacity = closure.has("capacity") ? closure.number("capacity") : Double.valueOf(0);
        String correlatedWith = closure.text("correlated_with");
        Double correlation = closure.has("correlation") ? closure.number("correlation") : null;
        boolean pairOk = (correlatedWith == null) == (correlation == null);
        if (!pairOk && closure.has("correlated_with") != closure.has("correlation")) {
            closure.problemAtSelf(entry, "correlated_with and correlation go together: name the"
                    + " other closure and the correlation, like correlated_with: dostyk-jam and"
                    + " correlation: 0.5");
        }
        String other = closurePaths.get(id);
        if (other != null) {
            closure.problemAtSelf(entry, "closure '" + id + "' is already defined at " + other);
            return;
        }
        closurePaths.put(id, closure.path);
        if (from != null && horizonSeconds != null && closure.has("from")
                && from >= horizonSeconds) {
            closure.problem("from", "the closure starts at " + Units.formatDuration(from)
                    + ", after the horizon of " + Units.formatDuration(horizonSeconds)
                    + ", so it never happens");
            return;
        }
        if ((node != null) != (link != null) && from != null && duration != null
                && capacity != null && (every != null || !closure.has("every")) && pairOk) {
            closures.put(id, new ClosureSpec(id, node, link, from, duration, every, capacity,
                    correlatedWith, correlation == null ? 0 : correlation));
            if (correlatedWith != null) {
                correlated.put(id, closure.at("correlated_with"));
            }
        }
    }

    private void bindStorm(String id, Obj storm, Entry entry) {
        List<String> stormLinks = idList(storm.get("links"), storm.path("links"),
                RefKind.FERRY_LINK);
        Double perSecond = null;
        // text() reports a scalar of another type, like -1e400, which the schema reads as text
        String stormsText = storm.text("storms");
        if (stormsText != null) {
            ArrivalSpec arrivals = storm.parse("storms", () -> Distributions.parseArrival(
                    stormsText));
            if (arrivals instanceof ArrivalSpec.Poisson p) {
                perSecond = p.ratePerSecond();
            } else if (arrivals != null) {
                storm.problem("storms", "storms come at random: write poisson(rate), like"
                        + " poisson(2/month)");
            }
        }
        Distribution duration = storm.distribution("for", Quantity.DURATION);
        MonthlyProfile monthly = null;
        boolean monthlyOk = true;
        if (storm.has("monthly")) {
            monthly = monthlyProfile(storm, "monthly");
            monthlyOk = monthly != null;
        }
        String other = weatherPaths.get(id);
        if (other != null) {
            storm.problemAtSelf(entry, "weather entry '" + id + "' is already defined at " + other);
            return;
        }
        weatherPaths.put(id, storm.path);
        if (stormLinks != null && perSecond != null && duration != null && monthlyOk) {
            weather.put(id, new StormSpec(id, stormLinks, perSecond, duration, monthly));
        }
    }

    private void bindFleet(String id, Obj fleet, Entry entry) {
        FleetSpec.Kind kind = FleetSpec.Kind.of(fleet.text("kind")); // the schema lists kinds
        Long size = fleet.integer("size", null);
        Area area = fleet.get("serves") instanceof Mapping m
                ? bindArea(new Obj(Keys.AREA, m, fleet.path("serves")), null) : null;
        Long returnSeconds = FleetSpec.REVERSE;
        YamlNode back = fleet.get("return");
        if (back instanceof Scalar s && !"reverse".equals(s.text())) {
            returnSeconds = fleet.parse("return", () -> {
                try {
                    return Units.parseDurationSeconds(s.text());
                } catch (ValueSyntaxException e) {
                    throw new ValueSyntaxException("expected reverse (back over the stretch"
                            + " served, at its running time) or a duration like 72h, got "
                            + s.describe());
                }
            });
        }
        if (kind != null && size != null && size >= 1 && size <= Integer.MAX_VALUE
                && area != null && returnSeconds != null) {
            fleets.put(id, new FleetSpec(id, kind, size.intValue(), area, returnSeconds));
        }
    }

    private void bindReform(String node, Obj reform, Entry entry) {
        refs.add(new Ref(RefKind.NODE, node, entry.keyAt(), reform.path));
        Double teu = reform.number("teu_per_train");
        Area side = reform.get("side") instanceof Mapping m
                ? bindArea(new Obj(Keys.AREA, m, reform.path("side")), node) : null;
        if (teu != null && teu > 0 && side != null) {
            reforming.put(node, new ReformSpec(node, teu, side));
        }
    }

    /** An area; null if malformed. {@code mustHold}: a node id the area must contain. */
    private Area bindArea(Obj area, String mustHold) {
        List<String> ids = List.of();
        if (area.has("nodes")) {
            ids = idList(area.get("nodes"), area.path("nodes"), RefKind.NODE);
        }
        List<String> countries = List.of();
        if (area.get("countries") instanceof Sequence list) {
            countries = new ArrayList<>();
            for (YamlNode item : list.items()) {
                if (!(item instanceof Scalar s) || s.type() != ScalarType.STRING) {
                    return null; // the schema reports it
                }
                countries.add(s.text());
            }
        }
        Long gauge = area.integer("gauge", 0L);
        if (ids == null || gauge == null || ids.isEmpty() && countries.isEmpty() && gauge == 0) {
            return null; // the schema reports an empty area
        }
        Area bound = new Area(new LinkedHashSet<>(ids), new LinkedHashSet<>(countries),
                gauge.intValue());
        areas.add(new AreaRef(bound, area.map.at(), area.path, mustHold));
        return bound;
    }

    /**
     * Every area selects a link of the network (else its fleet or side would do nothing), its
     * countries and gauge are the network's, and a re-forming node lies in its side.
     */
    private void checkAreas() {
        Set<String> countries = new TreeSet<>();
        Set<Integer> gauges = new TreeSet<>();
        for (NodeSpec node : nodes.values()) {
            countries.add(node.country());
            gauges.add(node.gaugeMm());
        }
        for (AreaRef ref : areas) {
            boolean ok = true;
            for (String country : ref.area().countries()) {
                if (!countries.contains(country)) {
                    problems.add(Diagnostic.at(ref.at(), ref.path() + ".countries",
                            "no node of the network is in country " + country
                                    + "; its countries are " + String.join(", ", countries)));
                    ok = false;
                }
            }
            if (ref.area().gauge() != 0 && !gauges.contains(ref.area().gauge())) {
                problems.add(Diagnostic.at(ref.at(), ref.path() + ".gauge", "no node of the"
                        + " network has gauge " + ref.area().gauge()));
                ok = false;
            }
            if (!ok || !nodes.keySet().containsAll(ref.area().nodes())) {
                continue; // unknown node ids are reported by the reference check
            }
            boolean anyLink = false;
            for (LinkSpec link : links.values()) {
                NodeSpec from = nodes.get(link.from());
                NodeSpec to = nodes.get(link.to());
                anyLink |= from != null && to != null && ref.area().contains(from)
                        && ref.area().contains(to);
            }
            if (!anyLink) {
                problems.add(Diagnostic.at(ref.at(), ref.path(), "no link has both ends in"
                        + " this area, so it would change nothing; name more nodes, or a"
                        + " country or gauge its links lie in"));
            } else if (ref.mustHold() != null && nodes.containsKey(ref.mustHold())
                    && !ref.area().contains(nodes.get(ref.mustHold()))) {
                problems.add(Diagnostic.at(ref.at(), ref.path(), "the re-forming node "
                        + ref.mustHold() + " must lie in its side: trains are re-formed where"
                        + " they enter or leave the side"));
            }
        }
    }

    /**
     * Twelve relative monthly rates, January first; null (with a problem reported unless the
     * schema reports it) if malformed.
     */
    private MonthlyProfile monthlyProfile(Obj obj, String key) {
        if (!(obj.get(key) instanceof Sequence list) || list.items().size() != 12) {
            return null; // the schema reports the shape
        }
        double[] factors = new double[12];
        for (int m = 0; m < 12; m++) {
            YamlNode item = list.items().get(m);
            Double f = item instanceof Scalar s && s.isNumber() ? finite(s.text()) : null;
            if (f == null || f < 0) {
                return null; // the schema reports it
            }
            factors[m] = f;
        }
        try {
            return MonthlyProfile.of(factors);
        } catch (IllegalArgumentException e) {
            obj.problem(key, "monthly factors are relative rates, January first: at least one"
                    + " must be above 0, like [3, 3, 3, 1, 1, 1, 1, 1, 1, 3, 3, 3]");
            return null;
        }
    }

    /** A list of ids, each remembered as a reference of {@code kind}; null if malformed. */
    private List<String> idList(YamlNode node, String path, RefKind kind) {
        if (!(node instanceof Sequence list)) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            if (!(item instanceof Scalar s) || !idText(s)) {
                return null;
            }
            ids.add(s.text());
            refs.add(new Ref(kind, s.text(), s.at(), TreePaths.index(path, i)));
        }
        return ids;
    }

    private Long durationOf(YamlNode node, String path) {
        if (!(node instanceof Scalar s) || s.isNull()) {
            return null;
        }
        try {
            return Units.parseDurationSeconds(s.text());
        } catch (ValueSyntaxException e) {
            problems.add(Diagnostic.at(s.at(), path, e.getMessage()));
            return null;
        }
    }

    private void checkRefs() {
        for (Ref ref : refs) {
            switch (ref.kind) {
                case NODE -> {
                    if (!declaredNodes.contains(ref.id)) {
                        problems.add(Diagnostic.at(ref.at, ref.path, NearNames.unknown("node", ref.id,
                                declaredNodes)));
                    }
                }
                case LINK, FERRY_LINK -> {
                    if (!declaredLinks.contains(ref.id)) {
                        problems.add(Diagnostic.at(ref.at, ref.path, NearNames.unknown("link", ref.id,
                                declaredLinks)));
                    } else if (ref.kind == RefKind.FERRY_LINK && links.containsKey(ref.id)
                            && links.get(ref.id).mode() != LinkMode.FERRY) {
                        problems.add(Diagnostic.at(ref.at, ref.path, "storms hold ferries in"
                                + " port; link '" + ref.id + "' is a rail link"));
                    }
                }
                case ROUTE -> {
                    if (!declaredRoutes.contains(ref.id)) {
                        problems.add(Diagnostic.at(ref.at, ref.path, NearNames.unknown("route", ref.id,
                                declaredRoutes)));
                    }
                }
                default -> throw new IllegalStateException("ref kind=" + ref.kind);
            }
        }
    }

    /**
     * Whether a scalar is an id as the schema sees it: text, or a number beyond double range
     * ({@code -1e400}), which the schema check reads as text (it matches the id pattern), so
     * that the reference check reports it as an unknown id instead of dropping it silently.
     */
    private static boolean idText(Scalar s) {
        return s.type() == ScalarType.STRING
                || s.type() == ScalarType.DECIMAL && finite(s.text()) == null;
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** A value for messages; an absent or empty one is "nothing". */
    private static String describe(YamlNode node) {
        return node == null ? "nothing" : node.describe();
    }

    /** A YAML number as a finite double; null for forms the schema reports ({@code .inf}). */
    private static Double finite(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).round(new java.math.MathContext(6))
                .stripTrailingZeros().toPlainString();
    }

    private interface ValueParser<T> {
        T parse() throws ValueSyntaxException;
    }

    /** One map of the tree being bound, as the object {@code kind} of the key table. */
    private final class Obj {
        final String kind;
        final Mapping map;
        final String path;

        Obj(String kind, Mapping map, String path) {
            this.kind = kind;
            this.map = map;
            this.path = path;
        }

        YamlNode get(String key) {
            if (!Keys.OBJECTS.get(kind).contains(key)) {
                throw new IllegalStateException("binder reads a key missing from the key table:"
                        + " object=" + kind + " key=" + key);
            }
            keysRead.add(kind + "." + key);
            return map.get(key);
        }

        boolean has(String key) {
            YamlNode node = get(key);
            return node != null;
        }

        String path(String key) {
            return TreePaths.child(path, key);
        }

        Source at(String key) {
            YamlNode node = map.get(key);
            return node != null ? node.at() : map.at();
        }

        void problem(String key, String message) {
            problems.add(Diagnostic.at(at(key), path(key), message));
        }

        /** A problem with this object as a whole (a missing key), reported at the object. */
        void problemAt(String message) {
            problems.add(Diagnostic.at(map.at(), path, message));
        }

        void problemAtSelf(Entry entry, String message) {
            problems.add(Diagnostic.at(entry.keyAt(), path, message));
        }

        private Scalar scalar(String key) {
            return get(key) instanceof Scalar s && !s.isNull() ? s : null;
        }

        /**
         * A text value; null when absent, or, with a problem, when a scalar of another type
         * (the schema check reports most of those; a decimal beyond double range, like
         * {@code -1e400}, reaches it as text and would otherwise bind as nothing).
         */
        String text(String key) {
            Scalar s = scalar(key);
            if (s != null && s.type() != ScalarType.STRING) {
                problem(key, "expected text, got " + describe(s));
                return null;
            }
            return s == null ? null : s.text();
        }

        /** A node, link or route id, remembered for the reference check. */
        String ref(String key, RefKind refKind) {
            Scalar s = scalar(key);
            String id = s != null && idText(s) ? s.text() : null;
            if (id != null) {
                refs.add(new Ref(refKind, id, at(key), path(key)));
            }
            return id;
        }

        /** A finite number; null, with a problem, when present but not one. */
        Double number(String key) {
            YamlNode node = get(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof Scalar s) || !s.isNumber()) {
                problem(key, "expected a number, got " + describe(node));
                return null;
            }
            Double value = finite(s.text());
            if (value == null) {
                problem(key, "expected a finite number, got " + s.describe()
                        + " (NaN and infinities are not allowed)");
            }
            return value;
        }

        /**
         * A whole number, {@code fallback} when absent, null with a problem when malformed. A
         * decimal with nothing after the point ({@code 4.0}, {@code 1e3}) is the whole number it
         * writes: YAML and JSON Schema count it as an integer, and dropping it would lose data.
         */
        Long integer(String key, Long fallback) {
            YamlNode node = get(key);
            if (node == null) {
                return fallback;
            }
            if (!(node instanceof Scalar s) || !s.isNumber()) {
                problem(key, "expected a whole number, got " + describe(node));
                return null;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(s.text().replace("+", ""));
            } catch (NumberFormatException e) {
                problem(key, "expected a whole number, got " + s.describe()
                        + (s.type() == ScalarType.DECIMAL ? " (NaN and infinities are not"
                        + " allowed)" : ""));
                return null;
            }
            // compareTo looks at the exponents first: cheap even for 1e999999999
            if (value.abs().compareTo(LONG_MAX) > 0) {
                problem(key, "number too large: " + s.describe());
                return null;
            }
            if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
                problem(key, "expected a whole number, got " + s.describe());
                return null;
            }
            return value.longValue();
        }

        /** true or false, {@code fallback} when absent, null with a problem when not one. */
        Boolean bool(String key, boolean fallback) {
            YamlNode node = get(key);
            if (node == null) {
                return fallback;
            }
            if (!(node instanceof Scalar s) || s.type() != ScalarType.BOOLEAN) {
                problem(key, "expected true or false, got " + describe(node));
                return null;
            }
            return Boolean.parseBoolean(s.text());
        }

        Long duration(String key, Long fallback) {
            YamlNode node = get(key);
            if (node == null) {
                return fallback;
            }
            return durationOf(node, path(key));
        }

        /** A rate in events per day, 0 when absent (no limit); must be above zero if given. */
        Double ratePerDay(String key) {
            YamlNode node = get(key);
            if (node == null) {
                return 0.0;
            }
            Scalar s = scalar(key);
            if (s == null || s.type() != ScalarType.STRING) {
                problem(key, "expected " + Units.RATE_EXAMPLE + ", got " + describe(node));
                return null;
            }
            Double rate = parse(key, () -> Units.parseRatePerDay(s.text()));
            if (rate != null && rate == 0) {
                problem(key, key + " must be above zero; leave " + key + " out for no limit");
                return null;
            }
            return rate;
        }

        Distribution distribution(String key, Quantity quantity) {
            YamlNode node = get(key);
            Scalar s = scalar(key);
            if (node != null && (s == null || s.type() == ScalarType.BOOLEAN)) {
                problem(key, "expected " + (quantity == Quantity.DURATION ? "a duration or a"
                        + " distribution like lognormal(6h, 2h)" : "a number or a distribution"
                        + " like uniform(90, 110)") + ", got " + describe(node));
            }
            if (s == null || s.type() == ScalarType.BOOLEAN) {
                return null;
            }
            return parse(key, () -> Distributions.parse(s.text(), quantity));
        }

        DepartureRule departure(String key) {
            String text = text(key);
            return text == null ? null : parse(key, () -> Distributions.parseDeparture(text));
        }

        <T> T parse(String key, ValueParser<T> parser) {
            try {
                return parser.parse();
            } catch (ValueSyntaxException e) {
                problem(key, e.getMessage());
                return null;
            }
        }
    }
}
