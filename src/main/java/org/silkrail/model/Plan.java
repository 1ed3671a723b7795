package org.silkrail.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.SimTime;
import org.silkrail.network.CompiledNetwork;
import org.silkrail.network.Direction;
import org.silkrail.network.LinkMode;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.NodeSpec;
import org.silkrail.network.ProcessSpec;
import org.silkrail.network.Route;

/**
 * A scenario compiled for the event loop: every node, link, route, flow, closure and storm as
 * parallel arrays indexed by int, with durations already in whole seconds.
 *
 * <p>Invariants: node and link indices are the {@link CompiledNetwork}'s; route {@code r}'s leg
 * {@code i} runs over {@code routeLinks[r][i]} in direction {@code routeDirs[r][i]} (0 from the
 * link's declared {@code from} end, 1 from its {@code to} end); each flow's cumulative route
 * probabilities end at exactly 1.
 *
 * <p>Immutable after construction and shared by all replications (read-only arrays).
 */
final class Plan {
    static final int TARGET_NODE = 0;
    static final int TARGET_LINK = 1;

    final long horizonSeconds;
    final long warmupSeconds;
    /** Where simulated time 0 falls in the calendar year ({@link RunSettings}). */
    final long calendarStartSeconds;

    // nodes
    final int nodeCount;
    final String[] nodeIds;

    /**
     * Per node: berths of a port whose vessels hold one per call ({@link PortBerths}), 0 for
     * none; their handling per call, and its cap in seconds.
     */
    final int[] nodeBerths;
    final Distribution[] berthHandlingSeconds;
    final long[] berthMaxSeconds;
    /** Whether some port has berths (else none is modelled and no output mentions them). */
    final boolean anyBerths;

    // stations: the queues and servers trains are processed at. A node that processes both
    // directions together has one station for both; a node that splits them has one per
    // direction that queues. Directions are indexed 0 (west) and 1 (east).
    static final int DIRECTIONS = 2;
    final int stationCount;
    /** Per node and direction: the station its trains queue at, or -1 to pass straight on. */
    final int[][] nodeStations;
    final int[] stationNode;
    /** The station's direction, or -1 when it serves both. */
    final int[] stationDirection;
    final int[] stationServers;
    /** Time per train besides TEU handling; {@code null} for none. */
    final Distribution[] stationProcess;
    final double[] stationQuotaPerDay;
    /** Quota-only stations hand trains over without processing and without a server limit. */
    final boolean[] stationUnlimited;
    /** Handling seconds per TEU on one server (3600 / TEU per hour); 0 when not by TEU. */
    final double[] stationSecondsPerTeu;
    /** Container yard in TEU; 0 for no limit. */
    final double[] stationYardTeu;
    /** Whether some flow runs in direction d (results report only those directions). */
    final boolean[] directionUsed;
    /** Back-pressure ({@link AcceptanceSpec}): yard places in trains, 0 for no limit. */
    final int[] stationYardTrains;
    /** Waiting trains that start an acceptance ban, 0 for none; and that lift it. */
    final int[] stationBanAt;
    final int[] stationBanLift;
    final boolean[] stationBanRefuses;
    /** Whether some station has a yard or a ban (else {@link Acceptance} does nothing). */
    final boolean anyAcceptance;

    // links
    final int linkCount;
    final String[] linkIds;
    final int[] linkFrom;
    final int[] linkTo;
    final boolean[] linkFerry;
    final boolean[] linkSingleTrack;
    /** Running time of a rail link, km / speed. */
    final long[] linkRunSeconds;
    final double[] linkCapacityPerDay;
    /** Single track: sections {@code sectionBase[l] .. sectionBase[l] + sectionCount[l] - 1}. */
    final int[] sectionBase;
    final int[] sectionCount;
    final long[] sectionRunSeconds;
    final int sectionTotal;
    /** Ferry: vessel ids {@code vesselBase[l] .. vesselBase[l] + vessels[l] - 1}. */
    final int[] vesselBase;
    final int[] vessels;
    final int vesselTotal;
    /**
     * Places per vessel left to the simulated trains (after other cargo), in the link's cargo
     * unit: wagons on a rail ferry, TEU on a container feeder.
     */
    final int[] wagonsPerVessel;
    /** Whether the ferry is a container feeder: its cargo unit is the TEU, not the wagon. */
    final boolean[] linkCarriesTeu;
    /** Wagons aboard at which a loading vessel sails: ceil(fillFraction × places), at least 1. */
    final int[] fillWagons;
    final long[] maxLoadingSeconds;
    final Distribution[] sailingSeconds;

    // routes (distinct link sequences used by some flow)
    final int routeCount;
    final String[] routeKeys;
    final int[][] routeNodes;
    final int[][] routeLinks;
    final int[][] routeDirs;
    /** Per route × direction: the stations on it, in route order, that may ban acceptance. */
    final int[][] routeBanStations;

    // flows
    final int flowCount;
    final String[] flowIds;
    /** Origin and destination node ids. */
    final String[] flowFrom;
    final String[] flowTo;
    final ArrivalSpec[] flowArrivals;
    /** Listed times of a schedule flow, ascending; {@code null} for other flows. */
    final long[][] flowScheduleTimes;
    final Distribution[] flowTeu;
    /** Empty TEU per train; {@code null} for none. */
    final Distribution[] flowEmptyTeu;
    /** 0 west, 1 east. */
    final int[] flowDirection;
    /** The flows' priority levels and background flags. */
    final Priorities priorities;
    final int[][] flowRoutes;
    final double[][] flowRouteCumulative;
    /**
     * Route choice ({@link RouteChoice}): the logit scale of a flow that chooses its route, in
     * seconds, 0 for other flows; and per flow and candidate (in {@code flowRoutes} order) its
     * fixed cost — running, processing at the flow's mean TEU, money at the value of time — in
     * seconds, its stations in the flow's direction, and their mean service seconds per train.
     */
    final double[] flowChoiceScaleSeconds;
    final double[][] flowChoiceFixedSeconds;
    final int[][][] flowChoiceStations;
    final double[][][] flowChoiceServiceSeconds;
    /** Per link: the mean length of the longest storms that stop it, seconds; 0 for none. */
    final double[] linkStormMeanSeconds;

    // closures
    final int closureCount;
    final String[] closureIds;
    final int[] closureTargetKind;
    final int[] closureTarget;
    final long[] closureFromSeconds;
    final Distribution[] closureDuration;
    /**
     * Gaps between a closure's own episode starts; {@code null} for a scheduled closure. For a
     * correlated closure, its own episodes only (rate λ − λc, {@link JamCorrelation}).
     */
    final Distribution[] closureEvery;
    final double[] closureFactor;
    /** False for a correlated closure whose every episode is shared (λ = λc). */
    final boolean[] closureOwnEpisodes;

    // correlated pairs of closures: a shared Poisson process starts an episode of both
    final int pairCount;
    final int[] pairFirst;
    final int[] pairSecond;
    /** Gaps between shared episodes (exponential of mean 1/λc); null when λc = 0. */
    final Distribution[] pairSharedEvery;

    // storms
    final int stormCount;
    final String[] stormIds;
    final int[][] stormLinks;
    final double[] stormsPerSecond;
    final Distribution[] stormDuration;
    /** Relative monthly storm rates; null where the rate is constant. */
    final MonthlyProfile[] stormMonthly;

    // cost and CO2 per TEU of each route (CostSpec): fixed by the route, so summed once here
    /** Per route: link tariffs (USD per TEU-km × km), USD per TEU. */
    final double[] routeTariffUsdPerTeu;
    /** Per route: node fees and link fees (ferry fares), USD per TEU. */
    final double[] routeFeesUsdPerTeu;
    /** Per route: CO2 of its links and nodes, kg per TEU. */
    final double[] routeCo2KgPerTeu;
    /** Inventory cost of a TEU in transit, USD per TEU-hour. */
    final double valueOfTimeUsdPerTeuHour;

    /** Fleets and re-forming, compiled per route and leg. */
    final FleetPlan stock;

    /** Mean berth time of one vessel call at node {@code n}, seconds; 0 without berths. */
    private double meanCallSeconds(int n) {
        return nodeBerths[n] == 0 ? 0
                : Math.min(berthHandlingSeconds[n].mean(), (double) berthMaxSeconds[n]);
    }

    Plan(ModelSpec spec, CompiledNetwork net) {
        RunSettings run = spec.run();
        if (run.horizonSeconds() <= 0 || run.warmupSeconds() < 0
                || run.warmupSeconds() >= run.horizonSeconds()) {
            throw new IllegalArgumentException("need 0 <= warmup < horizon: warmupSeconds="
                    + run.warmupSeconds() + " horizonSeconds=" + run.horizonSeconds());
        }
        horizonSeconds = run.horizonSeconds();
        warmupSeconds = run.warmupSeconds();
        calendarStartSeconds = run.calendarStartSeconds();
        if (calendarStartSeconds < 0 || calendarStartSeconds >= 365 * SimTime.DAY) {
            throw new IllegalArgumentException("calendar start must lie in the 365-day year:"
                    + " calendarStartSeconds=" + calendarStartSeconds);
        }

        nodeCount = net.nodeCount();
        nodeIds = new String[nodeCount];
        for (int n = 0; n < nodeCount; n++) {
            nodeIds[n] = net.nodeId(n);
        }

        nodeBerths = new int[nodeCount];
        berthHandlingSeconds = new Distribution[nodeCount];
        berthMaxSeconds = new long[nodeCount];
        boolean berths = false;
        for (int n = 0; n < nodeCount; n++) {
            NodeSpec node = net.node(n);
            if (node.berths() != null) {
                nodeBerths[n] = node.berths().count();
                berthHandlingSeconds[n] = node.berths().handlingSeconds();
                berthMaxSeconds[n] = node.berths().maxSeconds();
                berths = true;
            }
        }
        anyBerths = berths;

        nodeStations = new int[nodeCount][DIRECTIONS];
        List<ProcessSpec> stations = new ArrayList<>();
        List<int[]> stationAt = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            NodeSpec node = net.node(n);
            Arrays.fill(nodeStations[n], -1);
            if (!node.directional()) {
                if (node.processing().queues()) {
                    Arrays.fill(nodeStations[n], stations.size());
                    stations.add(node.processing());
                    stationAt.add(new int[] {n, -1});
                }
                continue;
            }
            for (Direction d : Direction.values()) {
                ProcessSpec own = node.processing(d);
                if (own.queues()) {
                    nodeStations[n][d.ordinal()] = stations.size();
                    stations.add(own);
                    stationAt.add(new int[] {n, d.ordinal()});
                }
            }
        }
        stationCount = stations.size();
        stationNode = new int[stationCount];
        stationDirection = new int[stationCount];
        stationServers = new int[stationCount];
        stationProcess = new Distribution[stationCount];
        stationQuotaPerDay = new double[stationCount];
        stationUnlimited = new boolean[stationCount];
        stationSecondsPerTeu = new double[stationCount];
        stationYardTeu = new double[stationCount];
        for (int st = 0; st < stationCount; st++) {
            ProcessSpec station = stations.get(st);
            stationNode[st] = stationAt.get(st)[0];
            stationDirection[st] = stationAt.get(st)[1];
            stationQuotaPerDay[st] = station.quotaPerDay();
            if (station.processes()) {
                stationServers[st] = station.servers();
                stationProcess[st] = station.processSeconds();
                stationSecondsPerTeu[st] = station.teuPerServerHour() > 0
                        ? SimTime.HOUR / station.teuPerServerHour() : 0;
                stationYardTeu[st] = station.yardTeu();
            } else {
                stationUnlimited[st] = true;
                stationServers[st] = 1;
            }
        }

        stationYardTrains = new int[stationCount];
        stationBanAt = new int[stationCount];
        stationBanLift = new int[stationCount];
        stationBanRefuses = new boolean[stationCount];
        for (AcceptanceSpec a : spec.acceptance().values()) {
            int n = net.nodeIndex(a.node());
            if (n < 0) {
                throw new IllegalArgumentException("yard or ban on a node not in network: node="
                        + a.node());
            }
            for (int st = 0; st < stationCount; st++) {
                if (stationNode[st] == n) {
                    stationYardTrains[st] = a.yardTrains();
                    stationBanAt[st] = a.banAtTrains();
                    stationBanLift[st] = a.liftAtTrains();
                    stationBanRefuses[st] = a.refuse();
                }
            }
        }
        anyAcceptance = !spec.acceptance().isEmpty();

        linkCount = net.linkCount();
        linkIds = new String[linkCount];
        linkFrom = new int[linkCount];
        linkTo = new int[linkCount];
        linkFerry = new boolean[linkCount];
        linkSingleTrack = new boolean[linkCount];
        linkRunSeconds = new long[linkCount];
        linkCapacityPerDay = new double[linkCount];
        sectionBase = new int[linkCount];
        sectionCount = new int[linkCount];
        vesselBase = new int[linkCount];
        vessels = new int[linkCount];
        wagonsPerVessel = new int[linkCount];
        linkCarriesTeu = new boolean[linkCount];
        fillWagons = new int[linkCount];
        maxLoadingSeconds = new long[linkCount];
        sailingSeconds = new Distribution[linkCount];
        List<Long> sections = new ArrayList<>();
        int vesselSum = 0;
        for (int l = 0; l < linkCount; l++) {
            LinkSpec link = net.link(l);
            linkIds[l] = net.linkId(l);
            linkFrom[l] = net.linkFrom(l);
            linkTo[l] = net.linkTo(l);
            if (link.mode() == LinkMode.FERRY) {
                linkFerry[l] = true;
                if (link.vessels() < 1 || link.placesPerVessel() < 1) {
                    throw new IllegalArgumentException("ferry needs vessels and places: link="
                            + linkIds[l] + " vessels=" + link.vessels() + " places="
                            + link.placesPerVessel());
                }
                linkCarriesTeu[l] = link.carriesContainers();
                vesselBase[l] = vesselSum;
                vessels[l] = link.vessels();
                vesselSum += link.vessels();
                // non-China cargo takes its share of places on every sailing (it is assumed
                // always waiting); the trains get the rest, and the fill rule counts both
                int places = link.placesForTrains();
                int otherWagons = link.placesPerVessel() - places;
                wagonsPerVessel[l] = places;
                double fill = link.departs() == null ? 1.0 : link.departs().fillFraction();
                fillWagons[l] = Math.max(1, Math.min(places,
                        (int) Math.ceil(fill * link.placesPerVessel() - 1e-9) - otherWagons));
                maxLoadingSeconds[l] = link.departs() == null ? Long.MAX_VALUE / 4
                        : link.departs().maxWaitSeconds();
                sailingSeconds[l] = link.sailingSeconds();
            } else {
                if (!(link.speedKmh() > 0) || !(link.lengthKm() >= 0)) {
                    throw new IllegalArgumentException("rail link needs speed > 0: link="
                            + linkIds[l] + " speedKmh=" + link.speedKmh());
                }
                linkRunSeconds[l] = SimTime.ofSeconds(link.lengthKm() / link.speedKmh()
                        * SimTime.HOUR);
                linkCapacityPerDay[l] = link.capacityPerDay();
                linkSingleTrack[l] = link.tracks() == 1;
                if (linkSingleTrack[l]) {
                    // s crossing loops split the line into s + 1 sections of equal running
                    // time; boundaries are rounded so that the sections add up to the whole
                    int count = Math.max(0, link.sidings()) + 1;
                    sectionBase[l] = sections.size();
                    sectionCount[l] = count;
                    long total = linkRunSeconds[l];
                    for (int k = 0; k < count; k++) {
                        sections.add(Math.round(total * (k + 1) / (double) count)
                                - Math.round(total * k / (double) count));
                    }
                }
            }
        }
        vesselTotal = vesselSum;
        sectionTotal = sections.size();
        sectionRunSeconds = new long[sectionTotal];
        for (int k = 0; k < sectionTotal; k++) {
            sectionRunSeconds[k] = sections.get(k);
        }

        // routes: named routes first (declaration order), then derived ones in flow order;
        // a derived route that runs over the same links as a named one takes its name
        Map<String, Route> named = net.namedRoutes();
        List<Route> routes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        flowCount = spec.demand().size();
        priorities = new Priorities(spec.demand().values());
        flowIds = new String[flowCount];
        flowFrom = new String[flowCount];
        flowTo = new String[flowCount];
        flowArrivals = new ArrivalSpec[flowCount];
        flowScheduleTimes = new long[flowCount][];
        flowTeu = new Distribution[flowCount];
        flowEmptyTeu = new Distribution[flowCount];
        flowDirection = new int[flowCount];
        directionUsed = new boolean[DIRECTIONS];
        flowRoutes = new int[flowCount][];
        flowRouteCumulative = new double[flowCount][];
        Map<String, int[]> flowChoices = new LinkedHashMap<>();
        Map<String, double[]> flowShares = new LinkedHashMap<>();
        for (FlowSpec flow : spec.demand().values()) {
            int from = net.nodeIndex(flow.from());
            int to = net.nodeIndex(flow.to());
            if (from < 0 || to < 0) {
                throw new IllegalArgumentException("flow ends not in network: flow=" + flow.id()
                        + " from=" + flow.from() + " to=" + flow.to());
            }
            List<Route> chosen = new ArrayList<>();
            List<String> chosenKeys = new ArrayList<>();
            double[] shares;
            RoutePolicy policy = flow.route() == null ? new RoutePolicy.Fastest() : flow.route();
            if (policy instanceof RoutePolicy.Fastest) {
                chosen.add(require(net.fastest(from, to), flow, "fastest"));
                chosenKeys.add("fastest:" + flow.from() + "-" + flow.to());
                shares = new double[] {1};
            } else if (policy instanceof RoutePolicy.Via via) {
                List<String> waypoints = new ArrayList<>();
                waypoints.add(flow.from());
                waypoints.addAll(via.waypoints());
                waypoints.add(flow.to());
                dedupeEnds(waypoints);
                String key = "via:" + String.join("-", waypoints);
                chosen.add(require(net.via(key, waypoints), flow, key));
                chosenKeys.add(key);
                shares = new double[] {1};
            } else if (policy instanceof RoutePolicy.Choose choose) {
                if (choose.routes().isEmpty()) {
                    for (Route route : net.kBest(from, to, choose.best())) {
                        chosen.add(route);
                        chosenKeys.add(route.name() + ":" + flow.from() + "-" + flow.to());
                    }
                    if (chosen.isEmpty()) {
                        throw new IllegalArgumentException("no route for flow: flow="
                                + flow.id() + " route=best");
                    }
                } else {
                    for (String name : choose.routes()) {
                        Route route = require(net.route(name), flow, name);
                        if (route.origin() != from || route.destination() != to) {
                            throw new IllegalArgumentException("route does not join the flow's"
                                    + " ends: flow=" + flow.id() + " route=" + name);
                        }
                        chosen.add(route);
                        chosenKeys.add(name);
                    }
                }
                // the logit replaces the shares; these only keep the arrays' invariant
                shares = new double[chosen.size()];
                for (int i = 0; i < shares.length; i++) {
                    shares[i] = (i + 1) / (double) shares.length;
                }
                shares[shares.length - 1] = 1;
            } else {
                Map<String, Double> map = ((RoutePolicy.Shares) policy).shares();
                shares = new double[map.size()];
                int k = 0;
                double sum = 0;
                for (Map.Entry<String, Double> e : map.entrySet()) {
                    Route route = require(net.route(e.getKey()), flow, e.getKey());
                    if (route.origin() != from || route.destination() != to) {
                        throw new IllegalArgumentException("route does not join the flow's ends:"
                                + " flow=" + flow.id() + " route=" + e.getKey());
                    }
                    chosen.add(route);
                    chosenKeys.add(e.getKey());
                    sum += e.getValue();
                    shares[k++] = sum;
                }
                if (!(sum > 0)) {
                    throw new IllegalArgumentException("route shares must sum to > 0: flow="
                            + flow.id() + " sum=" + sum);
                }
                for (int i = 0; i < shares.length; i++) {
                    shares[i] /= sum;
                }
                shares[shares.length - 1] = 1;
            }
            int[] indices = new int[chosen.size()];
            for (int i = 0; i < chosen.size(); i++) {
                Route route = chosen.get(i);
                String key = chosenKeys.get(i);
                for (Map.Entry<String, Route> e : named.entrySet()) {
                    if (Arrays.equals(e.getValue().links(), route.links())
                            && Arrays.equals(e.getValue().nodes(), route.nodes())) {
                        key = e.getKey();
                        break;
                    }
                }
                int index = keys.indexOf(key);
                if (index < 0) {
                    index = keys.size();
                    keys.add(key);
                    routes.add(route);
                }
                indices[i] = index;
            }
            flowChoices.put(flow.id(), indices);
            flowShares.put(flow.id(), shares);
        }
        // order: named routes in declaration order, then the others in order of first use
        List<String> ordered = new ArrayList<>();
        for (String name : named.keySet()) {
            if (keys.contains(name)) {
                ordered.add(name);
            }
        }
        for (String key : keys) {
            if (!ordered.contains(key)) {
                ordered.add(key);
            }
        }
        routeCount = ordered.size();
        routeKeys = ordered.toArray(new String[0]);
        routeNodes = new int[routeCount][];
        routeLinks = new int[routeCount][];
        routeDirs = new int[routeCount][];
        for (int r = 0; r < routeCount; r++) {
            Route route = routes.get(keys.indexOf(routeKeys[r]));
            routeNodes[r] = route.nodes();
            routeLinks[r] = route.links();
            routeDirs[r] = new int[routeLinks[r].length];
            for (int i = 0; i < routeLinks[r].length; i++) {
                int l = routeLinks[r][i];
                routeDirs[r][i] = linkFrom[l] == routeNodes[r][i] ? 0 : 1;
            }
        }
        routeBanStations = new int[routeCount * DIRECTIONS][];
        for (int r = 0; r < routeCount; r++) {
            for (int d = 0; d < DIRECTIONS; d++) {
                int[] bans = new int[routeNodes[r].length];
                int count = 0;
                for (int n : routeNodes[r]) {
                    int st = nodeStations[n][d];
                    if (st >= 0 && stationBanAt[st] > 0) {
                        bans[count++] = st;
                    }
                }
                routeBanStations[r * DIRECTIONS + d] = Arrays.copyOf(bans, count);
            }
        }
        int f = 0;
        for (FlowSpec flow : spec.demand().values()) {
            flowIds[f] = flow.id();
            flowFrom[f] = flow.from();
            flowTo[f] = flow.to();
            flowArrivals[f] = flow.trains();
            if (flow.trains() instanceof ArrivalSpec.Schedule schedule) {
                flowScheduleTimes[f] = schedule.timesSeconds();
            } else if (flow.trains() instanceof ArrivalSpec.Every every
                    && every.intervalSeconds() <= 0) {
                throw new IllegalArgumentException("every needs an interval > 0: flow="
                        + flow.id() + " intervalSeconds=" + every.intervalSeconds());
            }
            flowTeu[f] = flow.teu();
            flowEmptyTeu[f] = flow.emptyTeu();
            Direction direction = flow.direction() != null ? flow.direction()
                    : Direction.between(net.node(net.nodeIndex(flow.from())),
                            net.node(net.nodeIndex(flow.to())));
            flowDirection[f] = direction.ordinal();
            directionUsed[direction.ordinal()] = true;
            int[] indices = flowChoices.get(flow.id());
            for (int i = 0; i < indices.length; i++) {
                indices[i] = ordered.indexOf(keys.get(indices[i]));
            }
            flowRoutes[f] = indices;
            flowRouteCumulative[f] = flowShares.get(flow.id());
            f++;
        }

        closureCount = spec.closures().size();
        closureIds = new String[closureCount];
        closureTargetKind = new int[closureCount];
        closureTarget = new int[closureCount];
        closureFromSeconds = new long[closureCount];
        closureDuration = new Distribution[closureCount];
        closureEvery = new Distribution[closureCount];
        closureFactor = new double[closureCount];
        closureOwnEpisodes = new boolean[closureCount];
        int c = 0;
        for (ClosureSpec closure : spec.closures().values()) {
            closureIds[c] = closure.id();
            if (closure.node() != null) {
                closureTargetKind[c] = TARGET_NODE;
                closureTarget[c] = net.nodeIndex(closure.node());
            } else {
                closureTargetKind[c] = TARGET_LINK;
                closureTarget[c] = closure.link() == null ? -1 : net.linkIndex(closure.link());
            }
            if (closureTarget[c] < 0) {
                throw new IllegalArgumentException("closure target not in network: closure="
                        + closure.id() + " node=" + closure.node() + " link=" + closure.link());
            }
            if (!(closure.capacityFactor() >= 0)) {
                throw new IllegalArgumentException("closure factor must be >= 0: closure="
                        + closure.id() + " capacityFactor=" + closure.capacityFactor());
            }
            closureFromSeconds[c] = closure.fromSeconds();
            closureDuration[c] = closure.duration();
            closureEvery[c] = closure.every();
            closureFactor[c] = closure.capacityFactor();
            closureOwnEpisodes[c] = true;
            c++;
        }
        List<int[]> pairs = new ArrayList<>();
        List<Distribution> sharedEvery = new ArrayList<>();
        boolean[] paired = new boolean[closureCount];
        for (ClosureSpec closure : spec.closures().values()) {
            if (closure.correlatedWith() != null) {
                int second = List.of(closureIds).indexOf(closure.id());
                int first = List.of(closureIds).indexOf(closure.correlatedWith());
                if (first >= 0 && (paired[first] || paired[second])) {
                    throw new IllegalArgumentException("a closure may be in one correlated pair:"
                            + " closure=" + closure.id() + " with=" + closure.correlatedWith());
                }
                sharedEvery.add(pair(first, second, closure.correlation()));
                pairs.add(new int[] {first, second});
                paired[first] = true;
                paired[second] = true;
            }
        }
        pairCount = pairs.size();
        pairFirst = new int[pairCount];
        pairSecond = new int[pairCount];
        pairSharedEvery = sharedEvery.toArray(new Distribution[0]);
        for (int p = 0; p < pairCount; p++) {
            pairFirst[p] = pairs.get(p)[0];
            pairSecond[p] = pairs.get(p)[1];
        }

        stormCount = spec.weather().size();
        stormIds = new String[stormCount];
        stormLinks = new int[stormCount][];
        stormsPerSecond = new double[stormCount];
        stormDuration = new Distribution[stormCount];
        stormMonthly = new MonthlyProfile[stormCount];
        int s = 0;
        for (StormSpec storm : spec.weather().values()) {
            stormIds[s] = storm.id();
            stormLinks[s] = new int[storm.links().size()];
            for (int i = 0; i < stormLinks[s].length; i++) {
                int l = net.linkIndex(storm.links().get(i));
                if (l < 0) {
                    throw new IllegalArgumentException("storm link not in network: weather="
                            + storm.id() + " link=" + storm.links().get(i));
                }
                stormLinks[s][i] = l;
            }
            stormsPerSecond[s] = storm.stormsPerSecond();
            stormDuration[s] = storm.durationSeconds();
            stormMonthly[s] = storm.monthly();
            s++;
        }

        CostSpec costs = spec.costs();
        valueOfTimeUsdPerTeuHour = costs.valueOfTimeUsdPerTeuHour();
        routeTariffUsdPerTeu = new double[routeCount];
        routeFeesUsdPerTeu = new double[routeCount];
        routeCo2KgPerTeu = new double[routeCount];
        for (int r = 0; r < routeCount; r++) {
            for (int n : routeNodes[r]) {
                routeFeesUsdPerTeu[r] += costs.nodeFeeUsdPerTeu().getOrDefault(nodeIds[n], 0.0);
                routeCo2KgPerTeu[r] += costs.nodeCo2KgPerTeu().getOrDefault(nodeIds[n], 0.0);
            }
            for (int l : routeLinks[r]) {
                double km = net.link(l).lengthKm();
                routeTariffUsdPerTeu[r] += km
                        * costs.linkUsdPerTeuKm().getOrDefault(linkIds[l], 0.0);
                routeFeesUsdPerTeu[r] += costs.linkFeeUsdPerTeu().getOrDefault(linkIds[l], 0.0);
                routeCo2KgPerTeu[r] += km
                        * costs.linkCo2GPerTeuKm().getOrDefault(linkIds[l], 0.0) / 1000;
            }
        }

        linkStormMeanSeconds = new double[linkCount];
        for (int st = 0; st < stormCount; st++) {
            for (int l : stormLinks[st]) {
                linkStormMeanSeconds[l] = Math.max(linkStormMeanSeconds[l],
                        stormDuration[st].mean());
            }
        }
        flowChoiceScaleSeconds = new double[flowCount];
        flowChoiceFixedSeconds = new double[flowCount][];
        flowChoiceStations = new int[flowCount][][];
        flowChoiceServiceSeconds = new double[flowCount][][];
        int g = 0;
        for (FlowSpec flow : spec.demand().values()) {
            if (flow.route() instanceof RoutePolicy.Choose choose) {
                flowChoiceScaleSeconds[g] = choose.scaleSeconds();
            }
            double slots = flowTeu[g].mean() + (flowEmptyTeu[g] == null ? 0
                    : flowEmptyTeu[g].mean());
            int candidates = flowRoutes[g].length;
            flowChoiceFixedSeconds[g] = new double[candidates];
            flowChoiceStations[g] = new int[candidates][];
            flowChoiceServiceSeconds[g] = new double[candidates][];
            for (int i = 0; i < candidates; i++) {
                int r = flowRoutes[g][i];
                double fixed = 0;
                for (int l : routeLinks[r]) {
                    fixed += linkFerry[l] ? sailingSeconds[l].mean() : linkRunSeconds[l];
                    if (linkFerry[l]) {
                        // a loaded vessel's loading and unloading calls (no anchorage)
                        fixed += meanCallSeconds(linkFrom[l]) + meanCallSeconds(linkTo[l]);
                    }
                }
                int[] at = new int[routeNodes[r].length];
                double[] service = new double[at.length];
                int count = 0;
                for (int n : routeNodes[r]) {
                    int st = nodeStations[n][flowDirection[g]];
                    if (st < 0) {
                        continue;
                    }
                    double seconds = stationUnlimited[st] ? 0
                            : (stationProcess[st] == null ? 0 : stationProcess[st].mean())
                                    + slots * stationSecondsPerTeu[st];
                    at[count] = st;
                    service[count++] = seconds;
                    fixed += seconds;
                }
                if (valueOfTimeUsdPerTeuHour > 0) {
                    fixed += (routeTariffUsdPerTeu[r] + routeFeesUsdPerTeu[r])
                            / valueOfTimeUsdPerTeuHour * SimTime.HOUR;
                }
                flowChoiceFixedSeconds[g][i] = fixed;
                flowChoiceStations[g][i] = Arrays.copyOf(at, count);
                flowChoiceServiceSeconds[g][i] = Arrays.copyOf(service, count);
            }
            g++;
        }
        stock = new FleetPlan(spec, net, this);
    }

    /**
     * Makes closures {@code a} and {@code b} a correlated pair ({@link JamCorrelation}): sets
     * their own episode gaps to the rates left after the shared ones, and returns the shared
     * gaps (null for none).
     */
    private Distribution pair(int a, int b, double rho) {
        if (a < 0 || a == b) {
            throw new IllegalArgumentException("correlated closure needs another closure:"
                    + " closure=" + closureIds[b]);
        }
        if (!(closureEvery[a] instanceof Distribution.Exponential ea)
                || !(closureEvery[b] instanceof Distribution.Exponential eb)
                || !closureDuration[a].equals(closureDuration[b])
                || closureFromSeconds[a] != closureFromSeconds[b]) {
            throw new IllegalArgumentException("correlated closures need every: exp(...), the"
                    + " same for and from, and one pair each: closure=" + closureIds[b]
                    + " with=" + closureIds[a]);
        }
        double rateA = 1 / ea.mean();
        double rateB = 1 / eb.mean();
        double shared = JamCorrelation.sharedRate(rateA, rateB, closureDuration[a].mean(), rho);
        if (Double.isNaN(shared)) {
            throw new IllegalArgumentException("correlation too high for the closures' rates:"
                    + " closure=" + closureIds[b] + " rho=" + rho);
        }
        closureEvery[a] = own(rateA - shared);
        closureEvery[b] = own(rateB - shared);
        closureOwnEpisodes[a] = closureEvery[a] != null;
        closureOwnEpisodes[b] = closureEvery[b] != null;
        return shared > 0 ? new Distribution.Exponential(1 / shared) : null;
    }

    /** Exponential gaps at {@code rate} per second; null when (almost) nothing is left. */
    private static Distribution own(double rate) {
        return rate > 1e-15 ? new Distribution.Exponential(1 / rate) : null;
    }

    private static Route require(Route route, FlowSpec flow, String what) {
        if (route == null) {
            throw new IllegalArgumentException("no route for flow: flow=" + flow.id()
                    + " route=" + what);
        }
        return route;
    }

    /** A via list may repeat the flow's ends ({@code via: [XIA, ALA, DUI]}); keep one of each. */
    private static void dedupeEnds(List<String> waypoints) {
        if (waypoints.size() > 2 && waypoints.get(0).equals(waypoints.get(1))) {
            waypoints.remove(1);
        }
        int n = waypoints.size();
        if (n > 2 && waypoints.get(n - 1).equals(waypoints.get(n - 2))) {
            waypoints.remove(n - 1);
        }
    }

    /** The spelling of direction {@code d} in results: {@code west} or {@code east}. */
    static String directionName(int d) {
        return Direction.values()[d].yamlName();
    }

    /** Whether trains of some direction queue at node {@code n}. */
    boolean hasStation(int n) {
        return nodeStations[n][0] >= 0 || nodeStations[n][1] >= 0;
    }

    /** Days in the measured window, rounded up; at least 1. */
    int measuredDayCount() {
        return (int) Math.max(1, (horizonSeconds - warmupSeconds + SimTime.DAY - 1) / SimTime.DAY);
    }

    /** 30-day periods in the measured window, rounded up; at least 1. */
    int periodCount() {
        long period = 30 * SimTime.DAY;
        return (int) Math.max(1, (horizonSeconds - warmupSeconds + period - 1) / period);
    }
}
