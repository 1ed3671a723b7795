package org.silkrail.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompiledNetworkTest {
    private static final double HOUR = 3600;

    /**
     * A diamond with a known answer. A (1 h processing) to D (2 h):
     * via B: 100 km + 100 km at 50 km/h = 4 h running, B processes 10 h → 17 h in all;
     * via C: 200 km + 200 km at 50 km/h = 8 h running, no processing at C → 11 h in all.
     * The shorter way in km is the slower one.
     */
    private static CompiledNetwork diamond() {
        return Specs.network()
                .node("A", 1435, NodeKind.TERMINAL, 1, 1)
                .node("B", 1435, NodeKind.JUNCTION, 1, 10)
                .node("C", 1435, NodeKind.JUNCTION)
                .node("D", 1435, NodeKind.TERMINAL, 1, 2)
                .rail("A", "B", 100, 50).rail("B", "D", 100, 50)
                .rail("A", "C", 200, 50).rail("C", "D", 200, 50)
                .build().compile();
    }

    private static List<String> ids(CompiledNetwork net, Route route) {
        return Arrays.stream(route.nodes()).mapToObj(net::nodeId).collect(Collectors.toList());
    }

    @Test
    void fastest_diamond_takesLongerButQuickerWayAndCountsEndProcessing() {
        CompiledNetwork net = diamond();

        Route route = net.fastest(net.nodeIndex("A"), net.nodeIndex("D"));

        assertThat(ids(net, route)).containsExactly("A", "C", "D");
        assertThat(route.lengthKm()).isEqualTo(400.0);
        assertThat(route.expectedSeconds()).isCloseTo(11 * HOUR, within(1e-6));
        assertThat(route.name()).isEqualTo("fastest");
    }

    @Test
    void fastest_sameNode_isSingleNodeRoute() {
        CompiledNetwork net = diamond();

        Route route = net.fastest(net.nodeIndex("D"), net.nodeIndex("D"));

        assertThat(route.nodes()).containsExactly(net.nodeIndex("D"));
        assertThat(route.links()).isEmpty();
        assertThat(route.expectedSeconds()).isEqualTo(2 * HOUR);
    }

    @Test
    void fastest_unreachable_isNull() {
        CompiledNetwork net = Specs.network().node("A").node("B").build().compile();

        assertThat(net.fastest(0, 1)).isNull();
    }

    @Test
    void kBest_diamond_returnsBothWaysInOrderOfExpectedTime() {
        CompiledNetwork net = diamond();

        List<Route> routes = net.kBest(net.nodeIndex("A"), net.nodeIndex("D"), 5);

        assertThat(routes).hasSize(2);
        assertThat(ids(net, routes.get(0))).containsExactly("A", "C", "D");
        assertThat(ids(net, routes.get(1))).containsExactly("A", "B", "D");
        assertThat(routes.get(1).expectedSeconds()).isCloseTo(17 * HOUR, within(1e-6));
        assertThat(routes).extracting(Route::name).containsExactly("best-1", "best-2");
    }

    @Test
    void kBest_grid_returnsDistinctLooplessRoutesInNondecreasingTime() {
        // 3x3 grid, unequal lengths: many loopless paths from corner to corner.
        Specs specs = Specs.network();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                specs.node("N" + r + c, 1435, NodeKind.JUNCTION, 1, (r * 3 + c) % 4);
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (c < 2) {
                    specs.rail("N" + r + c, "N" + r + (c + 1), 100 + 37 * r + 11 * c, 60);
                }
                if (r < 2) {
                    specs.rail("N" + r + c, "N" + (r + 1) + c, 90 + 23 * c + 7 * r, 60);
                }
            }
        }
        CompiledNetwork net = specs.build().compile();

        List<Route> routes = net.kBest(net.nodeIndex("N00"), net.nodeIndex("N22"), 8);

        assertThat(routes).hasSize(8);
        Set<List<Integer>> distinct = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            List<Integer> nodes = Arrays.stream(route.nodes()).boxed().toList();
            assertThat(new HashSet<>(nodes)).as("loopless").hasSameSizeAs(nodes);
            assertThat(distinct.add(nodes)).as("distinct").isTrue();
            assertThat(route.origin()).isEqualTo(net.nodeIndex("N00"));
            assertThat(route.destination()).isEqualTo(net.nodeIndex("N22"));
            if (i > 0) {
                assertThat(route.expectedSeconds())
                        .isGreaterThanOrEqualTo(routes.get(i - 1).expectedSeconds() - 1e-6);
            }
        }
        assertThat(routes.get(0).expectedSeconds()).isCloseTo(
                net.fastest(net.nodeIndex("N00"), net.nodeIndex("N22")).expectedSeconds(),
                within(1e-6));
    }

    @Test
    void compile_indicesRoundTripIdsInDeclarationOrder() {
        CompiledNetwork net = Specs.corridor().build().compile();

        assertThat(net.nodeCount()).isEqualTo(6);
        assertThat(net.linkCount()).isEqualTo(5);
        for (int i = 0; i < net.nodeCount(); i++) {
            assertThat(net.nodeIndex(net.nodeId(i))).isEqualTo(i);
            assertThat(net.node(i).id()).isEqualTo(net.nodeId(i));
        }
        for (int j = 0; j < net.linkCount(); j++) {
            assertThat(net.linkIndex(net.linkId(j))).isEqualTo(j);
            assertThat(net.nodeId(net.linkFrom(j))).isEqualTo(net.link(j).from());
            assertThat(net.nodeId(net.linkTo(j))).isEqualTo(net.link(j).to());
        }
        assertThat(net.nodeId(0)).isEqualTo("XIA");
        assertThat(net.linkId(4)).isEqualTo("AKU-ALAT");
        assertThat(net.nodeIndex("NOPE")).isEqualTo(-1);
        assertThat(net.linkIndex("NOPE")).isEqualTo(-1);
        assertThat(net.otherEnd(net.linkIndex("ALA-DOS"), net.nodeIndex("DOS")))
                .isEqualTo(net.nodeIndex("ALA"));
    }

    @Test
    void expectedLinkSeconds_railAndFerry() {
        CompiledNetwork net = Specs.corridor().build().compile();

        // 836 km at 50 km/h
        assertThat(net.expectedLinkSeconds(net.linkIndex("DOS-MOI")))
                .isCloseTo(836.0 / 50 * HOUR, within(1e-9));
        assertThat(net.expectedLinkSeconds(net.linkIndex("AKU-ALAT"))).isEqualTo(22 * HOUR);
    }

    @Test
    void route_namedWaypoints_expandedThroughIntermediateNodes() {
        CompiledNetwork net = Specs.corridor().build().compile();

        Route west = net.route("west");

        assertThat(ids(net, west)).containsExactly("XIA", "ALA", "DOS", "MOI", "AKU", "ALAT");
        assertThat(west.links()).hasSize(5);
        assertThat(west.lengthKm()).isEqualTo(1000 + 12 + 836 + 1500 + 480.0);
        double running = (1000 + 836 + 1500) / 50.0 * HOUR + 12 / 20.0 * HOUR + 22 * HOUR;
        double processing = (4 + 6 + 3 + 3) * HOUR;
        assertThat(west.expectedSeconds()).isCloseTo(running + processing, within(1e-6));
        assertThat(net.namedRoutes()).containsOnlyKeys("west");
        assertThat(net.route("east")).isNull();
    }

    @Test
    void via_waypointsOnDiamond_forcesTheSlowerWay() {
        CompiledNetwork net = diamond();

        Route route = net.via("through-b", List.of("A", "B", "D"));

        assertThat(ids(net, route)).containsExactly("A", "B", "D");
        assertThat(route.name()).isEqualTo("through-b");
        assertThat(route.expectedSeconds()).isCloseTo(17 * HOUR, within(1e-6));
    }

    @Test
    void via_waypointsThatMustRevisit_isNull() {
        CompiledNetwork net = Specs.corridor().build().compile();

        assertThat(net.via("back", List.of("XIA", "MOI", "ALA"))).isNull();
    }
}
