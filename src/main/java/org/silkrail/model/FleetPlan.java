package org.silkrail.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.silkrail.engine.SimTime;
import org.silkrail.network.CompiledNetwork;

/**
 * The fleets and re-forming nodes of a scenario compiled for the event loop: for every route and
 * every node on it, which units a train gives back there and which it takes before its next
 * link, as int arrays.
 *
 * <p>Terms. A fleet <em>serves</em> a link when both of the link's ends lie in its area. Along
 * a route, a <em>stretch</em> of a fleet is a longest run of consecutive links it serves. A
 * train takes one unit (or, on a re-forming side, one per re-formed train) at the stretch's
 * first node, when it is done there, and gives it back at the stretch's last node, when it is
 * done there (processed, or at its destination delivered). A <em>depot</em> is a (fleet, node)
 * pair where some route takes the fleet; units are free only at depots.
 *
 * <p>Invariants: for every route {@code r} and leg {@code k} (0 ≤ k ≤ links), the takes at
 * {@code [r][k]} are in one order for all trains: wagons before locomotives, then in the
 * fleets' declaration order, so no two trains taking units at one node each hold what the
 * other waits for. A train still holds the units of stretches that go on through the node
 * while it waits: where locomotive stretches lie inside wagon stretches (locomotives change at
 * borders, wagons at gauge changes, as in the shipped scenarios) a train waiting for a wagon
 * set holds no locomotive, and no two trains can wait for each other. Fleets whose stretches
 * cross otherwise (one train holding X while taking Y, another holding Y while taking X) can
 * both run out and then wait for ever; the model does not detect it. A stretch's home depot is
 * where it starts. Immutable; shared by all replications.
 */
final class FleetPlan {
    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];
    private static final boolean[] NO_FLAGS = new boolean[0];

    final boolean active;

    final int fleetCount;
    final String[] fleetIds;
    final FleetSpec.Kind[] fleetKind;
    final int[] fleetSize;
    /** Units of a fleet that no route takes anywhere: they stay idle, counted as free. */
    final int[] fleetUnplaced;

    final int depotCount;
    final int[] depotFleet;
    final int[] depotNode;
    /** Units free at the depot at time 0; per fleet they add up to its size minus unplaced. */
    final int[] depotInitial;
    /**
     * Seconds a unit takes to run empty from depot {@code a} to depot {@code b} of the same
     * fleet: the fleet's fixed return time, else the running time of a stretch some route runs
     * between their nodes (either way, the shortest), else the fleet's longest stretch.
     */
    final long[][] depotTravelSeconds;

    // per route r and leg k: what a train done at node routeNodes[r][k] gives back, then takes
    /** Depot where the stretch ending here began: where the unit runs back to. */
    final int[][][] releaseHome;
    /** The depot of the same fleet at this node, or -1: a train waiting there takes it. */
    final int[][][] releaseHere;
    final long[][][] releaseReturnSeconds;
    /** Whether the stretch lies on a re-forming side: one unit per re-formed train. */
    final boolean[][][] releaseOnSide;
    final int[][][] acquireDepot;
    final boolean[][][] acquireOnSide;
    /** Re-forming index whose side the train enters on leg k, or -1. */
    final int[][] reformEnters;
    /** Re-forming index whose side the train leaves on arriving at node k, or -1. */
    final int[][] reformLeaves;

    final int reformCount;
    final String[] reformNodeIds;
    final double[] reformTeuPerTrain;

    FleetPlan(ModelSpec spec, CompiledNetwork net, Plan plan) {
        StockSpec stock = spec.stock();
        active = !stock.isEmpty();
        fleetCount = stock.fleets().size();
        fleetIds = new String[fleetCount];
        fleetKind = new FleetSpec.Kind[fleetCount];
        fleetSize = new int[fleetCount];
        fleetUnplaced = new int[fleetCount];
        boolean[][] serves = new boolean[fleetCount][];
        long[] fixedReturn = new long[fleetCount];
        int f = 0;
        for (FleetSpec fleet : stock.fleets().values()) {
            fleetIds[f] = fleet.id();
            fleetKind[f] = fleet.kind();
            fleetSize[f] = fleet.size();
            fixedReturn[f] = fleet.returnSeconds();
            serves[f] = linksIn(fleet.area(), net);
            f++;
        }
        reformCount = stock.reforming().size();
        reformNodeIds = new String[reformCount];
        reformTeuPerTrain = new double[reformCount];
        boolean[][] side = new boolean[reformCount][];
        int i = 0;
        for (ReformSpec reform : stock.reforming().values()) {
            if (net.nodeIndex(reform.node()) < 0) {
                throw new IllegalArgumentException("re-forming node not in network: node="
                        + reform.node());
            }
            reformNodeIds[i] = reform.node();
            reformTeuPerTrain[i] = reform.teuPerTrain();
            side[i] = linksIn(reform.side(), net);
            i++;
        }

        int routes = plan.routeCount;
        releaseHome = new int[routes][][];
        releaseHere = new int[routes][][];
        releaseReturnSeconds = new long[routes][][];
        releaseOnSide = new boolean[routes][][];
        acquireDepot = new int[routes][][];
        acquireOnSide = new boolean[routes][][];
        reformEnters = new int[routes][];
        reformLeaves = new int[routes][];
        List<int[]> depots = new ArrayList<>(); // {fleet, node}
        java.util.Map<String, Long> stretchSeconds = new java.util.HashMap<>();
        long[] longest = new long[fleetCount];
        double[] depotWeight = new double[64];
        double[] routeRate = routeRates(plan);
        // pass 1: the depots (where some route takes a fleet), so that releases can find them
        for (int r = 0; r < routes; r++) {
            int[] links = plan.routeLinks[r];
            for (int k = 0; k < links.length; k++) {
                for (f = 0; f < fleetCount; f++) {
                    if (serves[f][links[k]] && (k == 0 || !serves[f][links[k - 1]])) {
                        int d = depot(depots, f, plan.routeNodes[r][k]);
                        if (d >= depotWeight.length) {
                            depotWeight = Arrays.copyOf(depotWeight, d * 2 + 1);
                        }
                        depotWeight[d] += routeRate[r];
                    }
                }
            }
        }
        // pass 2: per route and leg, what is given back and taken
        for (int r = 0; r < routes; r++) {
            int[] links = plan.routeLinks[r];
            int legs = links.length;
            releaseHome[r] = new int[legs + 1][];
            releaseHere[r] = new int[legs + 1][];
            releaseReturnSeconds[r] = new long[legs + 1][];
            releaseOnSide[r] = new boolean[legs + 1][];
            acquireDepot[r] = new int[legs + 1][];
            acquireOnSide[r] = new boolean[legs + 1][];
            reformEnters[r] = new int[legs + 1];
            reformLeaves[r] = new int[legs + 1];
            for (int k = 0; k <= legs; k++) {
                List<long[]> releases = new ArrayList<>(); // {home, here, seconds, onSide}
                List<long[]> acquires = new ArrayList<>(); // {depot, onSide}
                for (f = 0; f < fleetCount; f++) {
                    boolean before = k > 0 && serves[f][links[k - 1]];
                    boolean after = k < legs && serves[f][links[k]];
                    if (before && !after) {
                        int start = k - 1;
                        while (start > 0 && serves[f][links[start - 1]]) {
                            start--;
                        }
                        long running = stretchSeconds(plan, links, start, k);
                        long seconds = fixedReturn[f] == FleetSpec.REVERSE ? running
                                : fixedReturn[f];
                        longest[f] = Math.max(longest[f], seconds);
                        stretchSeconds.merge(f + "/" + Math.min(plan.routeNodes[r][start],
                                plan.routeNodes[r][k]) + "/" + Math.max(plan.routeNodes[r][start],
                                plan.routeNodes[r][k]), seconds, Math::min);
                        releases.add(new long[] {depot(depots, f, plan.routeNodes[r][start]),
                                find(depots, f, plan.routeNodes[r][k]), seconds,
                                onSide(side, links[k - 1]) ? 1 : 0});
                    }
                }
                // wagons before locomotives, then in declaration order: one order for all
                for (FleetSpec.Kind kind : FleetSpec.Kind.values()) {
                    for (f = 0; f < fleetCount; f++) {
                        boolean before = k > 0 && serves[f][links[k - 1]];
                        boolean after = k < legs && serves[f][links[k]];
                        if (after && !before && fleetKind[f] == kind) {
                            acquires.add(new long[] {depot(depots, f, plan.routeNodes[r][k]),
                                    onSide(side, links[k]) ? 1 : 0});
                        }
                    }
                }
                releaseHome[r][k] = column(releases, 0);
                releaseHere[r][k] = column(releases, 1);
                releaseReturnSeconds[r][k] = releases.isEmpty() ? NO_LONGS
                        : releases.stream().mapToLong(a -> a[2]).toArray();
                releaseOnSide[r][k] = flags(releases, 3);
                acquireDepot[r][k] = column(acquires, 0);
                acquireOnSide[r][k] = flags(acquires, 1);
                reformEnters[r][k] = -1;
                reformLeaves[r][k] = -1;
                for (int s = 0; s < reformCount; s++) {
                    boolean before = k > 0 && side[s][links[k - 1]];
                    boolean after = k < legs && side[s][links[k]];
                    if (after && !before) {
                        reformEnters[r][k] = s;
                    }
                    if (before && !after) {
                        reformLeaves[r][k] = s;
                    }
                }
            }
        }
        depotCount = depots.size();
        depotFleet = new int[depotCount];
        depotNode = new int[depotCount];
        for (int d = 0; d < depotCount; d++) {
            depotFleet[d] = depots.get(d)[0];
            depotNode[d] = depots.get(d)[1];
        }
        depotInitial = new int[depotCount];
        for (f = 0; f < fleetCount; f++) {
            placeUnits(f, Arrays.copyOf(depotWeight, Math.max(depotCount, 1)));
        }
        depotTravelSeconds = new long[depotCount][depotCount];
        for (int a = 0; a < depotCount; a++) {
            for (int b = 0; b < depotCount; b++) {
                int fa = depotFleet[a];
                Long joined = stretchSeconds.get(fa + "/" + Math.min(depotNode[a], depotNode[b])
                        + "/" + Math.max(depotNode[a], depotNode[b]));
                depotTravelSeconds[a][b] = a == b ? 0 : joined != null ? joined : longest[fa];
            }
        }
    }

    /** Per link: whether both its ends lie in {@code area}. */
    private static boolean[] linksIn(Area area, CompiledNetwork net) {
        boolean[] in = new boolean[net.linkCount()];
        for (int l = 0; l < in.length; l++) {
            // a container feeder carries containers, not wagons or locomotives: a stretch ends
            // at its port and the train formed on the far side takes new units there
            in[l] = area.contains(net.node(net.linkFrom(l)))
                    && area.contains(net.node(net.linkTo(l)))
                    && !net.link(l).carriesContainers();
        }
        return in;
    }

    private static boolean onSide(boolean[][] side, int link) {
        for (boolean[] s : side) {
            if (s[link]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Expected trains per second on each route: its flows' mean rates times the route's
     * share; a one-off timetable spreads its trains over the horizon.
     */
    private static double[] routeRates(Plan plan) {
        double[] rate = new double[plan.routeCount];
        for (int f = 0; f < plan.flowCount; f++) {
            double perSecond = plan.flowArrivals[f].meanRatePerSecond();
            if (plan.flowScheduleTimes[f] != null && perSecond == 0) {
                perSecond = plan.flowScheduleTimes[f].length / (double) plan.horizonSeconds;
            }
            double previous = 0;
            for (int i = 0; i < plan.flowRoutes[f].length; i++) {
                double cumulative = plan.flowRouteCumulative[f][i];
                rate[plan.flowRoutes[f][i]] += perSecond * (cumulative - previous);
                previous = cumulative;
            }
        }
        return rate;
    }

    /**
     * Running time of links {@code from .. to - 1} of a route: rail km / speed, ferry the mean
     * sailing time.
     */
    private static long stretchSeconds(Plan plan, int[] links, int from, int to) {
        long seconds = 0;
        for (int k = from; k < to; k++) {
            int l = links[k];
            seconds += plan.linkFerry[l] ? SimTime.ofSeconds(plan.sailingSeconds[l].mean())
                    : plan.linkRunSeconds[l];
        }
        return seconds;
    }

    /**
     * Spreads fleet {@code f}'s units over its depots in proportion to the expected trains
     * that take one there (largest remainders, ties to the first depot), evenly when no train
     * is expected; a fleet without depots keeps them unplaced.
     */
    private void placeUnits(int f, double[] weight) {
        double total = 0;
        int count = 0;
        for (int d = 0; d < depotCount; d++) {
            if (depotFleet[d] == f) {
                total += weight[d];
                count++;
            }
        }
        if (count == 0) {
            fleetUnplaced[f] = fleetSize[f];
            return;
        }
        int placed = 0;
        double[] remainder = new double[depotCount];
        for (int d = 0; d < depotCount; d++) {
            if (depotFleet[d] == f) {
                double exact = fleetSize[f] * (total > 0 ? weight[d] / total : 1.0 / count);
                depotInitial[d] = (int) Math.floor(exact + 1e-9);
                remainder[d] = exact - depotInitial[d];
                placed += depotInitial[d];
            }
        }
        for (; placed < fleetSize[f]; placed++) {
            int best = -1;
            for (int d = 0; d < depotCount; d++) {
                if (depotFleet[d] == f && (best < 0 || remainder[d] > remainder[best] + 1e-12)) {
                    best = d;
                }
            }
            depotInitial[best]++;
            remainder[best] = -1;
        }
    }

    private static int depot(List<int[]> depots, int fleet, int node) {
        int d = find(depots, fleet, node);
        if (d < 0) {
            depots.add(new int[] {fleet, node});
            d = depots.size() - 1;
        }
        return d;
    }

    private static int find(List<int[]> depots, int fleet, int node) {
        for (int d = 0; d < depots.size(); d++) {
            if (depots.get(d)[0] == fleet && depots.get(d)[1] == node) {
                return d;
            }
        }
        return -1;
    }

    private static int[] column(List<long[]> rows, int c) {
        if (rows.isEmpty()) {
            return NO_INTS;
        }
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) rows.get(i)[c];
        }
        return out;
    }

    private static boolean[] flags(List<long[]> rows, int c) {
        if (rows.isEmpty()) {
            return NO_FLAGS;
        }
        boolean[] out = new boolean[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c] != 0;
        }
        return out;
    }
}
