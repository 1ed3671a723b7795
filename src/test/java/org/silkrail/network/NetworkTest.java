package org.silkrail.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;

class NetworkTest {

    private static NetworkProblem only(Network network) {
        assertThat(network.problems()).hasSize(1);
        return network.problems().get(0);
    }

    @Test
    void build_goodCorridor_isValidWithEveryNodeAndLinkInGraph() {
        Network network = Specs.corridor().build();

        assertThat(network.problems()).isEmpty();
        assertThat(network.isValid()).isTrue();
        assertThat(network.graph().vertexSet()).containsExactlyInAnyOrder(
                "XIA", "ALA", "DOS", "MOI", "AKU", "ALAT");
        assertThat(network.graph().edgeSet()).hasSize(5);
        // 1000 km at 50 km/h = 20 h
        assertThat(network.graph().getEdgeWeight("XIA-ALA")).isEqualTo(20 * 3600.0);
        // ferry: mean of lognormal(22h, 4h)
        assertThat(network.graph().getEdgeWeight("AKU-ALAT")).isEqualTo(22 * 3600.0);
    }

    @Test
    void build_linkToUnknownNode_suggestsNearestId() {
        Network network = Specs.network().node("XIA").node("LZH")
                .link(LinkSpec.rail("XIAN-LZH", "XIAN", "LZH", 676, 2, 0, 65, 60)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.XIAN-LZH.from",
                "unknown node 'XIAN'; did you mean XIA?"));
        assertThat(network.graph().edgeSet()).isEmpty();
    }

    @Test
    void build_linkToUnknownNodeWithoutNearMatch_listsDeclaredNodes() {
        Network network = Specs.network().node("XIA").node("LZH")
                .link(LinkSpec.rail("XIA-PARIS", "XIA", "PARIS", 676, 2, 0, 65, 60)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.XIA-PARIS.to",
                "unknown node 'PARIS'; expected one of XIA, LZH"));
    }

    @Test
    void build_duplicateLinkReversed_reportsSecondDeclaration() {
        Network network = Specs.network().node("XIA").node("LZH")
                .rail("XIA", "LZH", 676, 65)
                .link(LinkSpec.rail("LZH-XIA", "LZH", "XIA", 676, 2, 0, 65, 60)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.LZH-XIA",
                "duplicates link 'XIA-LZH' (both join LZH and XIA by rail); declare each link"
                        + " once and set tracks: 2 for a double track"));
    }

    @Test
    void build_railAndFerryBetweenSamePorts_isNotADuplicate() {
        Network network = Specs.network()
                .node("AKU", 1520, NodeKind.PORT).node("ALAT", 1520, NodeKind.PORT)
                .link(LinkSpec.rail("AKU-ALAT-RAIL", "AKU", "ALAT", 1900, 2, 0, 50, 0))
                .ferry("AKU", "ALAT", 480, 22).build();

        assertThat(network.problems()).isEmpty();
        assertThat(network.graph().getAllEdges("AKU", "ALAT")).hasSize(2);
    }

    @Test
    void build_selfLoop_isReportedAtTo() {
        Network network = Specs.network().node("XIA")
                .link(LinkSpec.rail("XIA-XIA", "XIA", "XIA", 10, 2, 0, 65, 0)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.XIA-XIA.to",
                "link joins XIA to itself; from and to must be different nodes"));
    }

    @Test
    void build_gaugeBreakWithoutGaugeChangeNode_isRejected() {
        Network network = Specs.network()
                .node("ALA", 1435, NodeKind.BORDER).node("DOS", 1520, NodeKind.BORDER)
                .rail("ALA", "DOS", 12, 20).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.ALA-DOS",
                "joins ALA (1435 mm) and DOS (1520 mm) but neither end is a gauge-change node;"
                        + " trains may change gauge only at kind: gauge-change, or across a"
                        + " container feeder (mode: ferry with teu) between two kind: port"
                        + " nodes"));
    }

    /** Feeder ports lift containers from one train onto another: a transshipment. */
    @Test
    void build_gaugeBreakAcrossContainerFeederBetweenPorts_isAccepted() {
        Network network = Specs.network()
                .node("POT", 1520, NodeKind.PORT).node("CND", 1435, NodeKind.PORT)
                .link(LinkSpec.feeder("POT-CND", "POT", "CND", 1150, 2, 800,
                        new Distribution.Fixed(60 * 3600.0), new DepartureRule(0.8, 7 * 86400),
                        0))
                .build();

        assertThat(network.problems()).isEmpty();
    }

    /** A rail ferry carries the wagons themselves: their gauge must fit both ends. */
    @Test
    void build_gaugeBreakAcrossRailFerryBetweenPorts_isRejectedAtTheLink() {
        Network network = Specs.network()
                .node("POT", 1520, NodeKind.PORT).node("CND", 1435, NodeKind.PORT)
                .ferry("POT", "CND", 1150, 60).build();

        assertThat(only(network).path()).isEqualTo("links.POT-CND");
        assertThat(only(network).message()).startsWith("joins POT (1520 mm) and CND (1435 mm)"
                + " but neither end is a gauge-change node");
    }

    @Test
    void build_berthsOnANodeThatIsNoPort_isRejectedAtItsBerths() {
        Network network = Specs.network()
                .node(new NodeSpec("DOS", "Dostyk", "KZ", 45.2, 82.5, 1520, NodeKind.BORDER, 0,
                        null, 0, 0, 0, java.util.Map.of(),
                        new BerthSpec(2, new Distribution.Fixed(3600), Long.MAX_VALUE)))
                .build();

        assertThat(only(network).path()).isEqualTo("nodes.DOS.berths");
    }

    @Test
    void build_gaugeBreakAtGaugeChangeNodeEitherEnd_isAccepted() {
        Network atTo = Specs.network()
                .node("ALA", 1435, NodeKind.BORDER).node("DOS", 1520, NodeKind.GAUGE_CHANGE)
                .rail("ALA", "DOS", 12, 20).build();
        Network atFrom = Specs.network()
                .node("ALA", 1435, NodeKind.GAUGE_CHANGE).node("DOS", 1520, NodeKind.BORDER)
                .rail("ALA", "DOS", 12, 20).build();

        assertThat(atTo.problems()).isEmpty();
        assertThat(atFrom.problems()).isEmpty();
    }

    @Test
    void build_unsupportedGauge_namesAllowedGauges() {
        Network network = Specs.network().node("XIA", 1000, NodeKind.TERMINAL).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("nodes.XIA.gauge",
                "gauge 1000 mm is not supported; allowed: 1435, 1520"));
    }

    @Test
    void build_processingNodeWithoutServers_isRejected() {
        Network network = Specs.network().node(new NodeSpec("DOS", "Dostyk", "KZ", 45.25, 82.48,
                1520, NodeKind.GAUGE_CHANGE, 0, new Distribution.Fixed(6 * 3600), 28)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("nodes.DOS.servers",
                "a node with process needs servers >= 1, got 0"));
    }

    @Test
    void build_negativeQuota_isRejected() {
        Network network = Specs.network().node(new NodeSpec("DOS", "Dostyk", "KZ", 45.25, 82.48,
                1520, NodeKind.GAUGE_CHANGE, 4, new Distribution.Fixed(6 * 3600), -3)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("nodes.DOS.quota",
                "quota must be >= 0 trains/day (0 means no quota), got -3"));
    }

    @Test
    void build_latitudeOutOfRange_isRejected() {
        Network network = Specs.network().node(new NodeSpec("DOS", "Dostyk", "KZ", 145.25, 82.48,
                1520, NodeKind.JUNCTION, 0, null, 0)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("nodes.DOS.lat",
                "latitude must be between -90 and 90, got 145.25"));
    }

    @Test
    void build_railLinkWithZeroLength_isRejected() {
        Network network = Specs.network().node("A").node("B")
                .link(LinkSpec.rail("A-B", "A", "B", 0, 2, 0, 60, 0)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.A-B.km",
                "a rail link needs km > 0, got 0"));
    }

    @Test
    void build_railLinkWithZeroSpeed_isRejected() {
        Network network = Specs.network().node("A").node("B")
                .link(LinkSpec.rail("A-B", "A", "B", 100, 2, 0, 0, 0)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.A-B.speed_kmh",
                "a rail link needs speed_kmh > 0, got 0"));
    }

    @Test
    void build_threeTracks_isRejected() {
        Network network = Specs.network().node("A").node("B")
                .link(LinkSpec.rail("A-B", "A", "B", 100, 3, 0, 60, 0)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.A-B.tracks",
                "tracks must be 1 (single track) or 2 (double track), got 3"));
    }

    @Test
    void build_negativeSidings_isRejected() {
        Network network = Specs.network().node("A").node("B")
                .link(LinkSpec.rail("A-B", "A", "B", 100, 1, -1, 60, 0)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.A-B.sidings",
                "sidings must be >= 0 (0 on a single track: one direction at a time), got -1"));
    }

    @Test
    void build_singleTrackWithoutSidings_isAllowed() {
        Network network = Specs.network().node("A").node("B")
                .link(LinkSpec.rail("A-B", "A", "B", 100, 1, 0, 60, 0)).build();

        assertThat(network.problems()).isEmpty();
    }

    @Test
    void build_negativeCapacity_isRejected() {
        Network network = Specs.network().node("A").node("B")
                .link(LinkSpec.rail("A-B", "A", "B", 100, 2, 0, 60, -5)).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.A-B.capacity",
                "capacity must be >= 0 trains/day per direction (0 means no limit), got -5"));
    }

    @Test
    void build_ferryFromNonPort_isRejectedAtThatEnd() {
        Network network = Specs.network()
                .node("BEY", 1520, NodeKind.JUNCTION).node("ALAT", 1520, NodeKind.PORT)
                .ferry("BEY", "ALAT", 480, 22).build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.BEY-ALAT.from",
                "a ferry link must join port nodes; BEY is a junction (set kind: port)"));
    }

    @Test
    void build_ferryWithoutVesselsWagonsSailingOrDeparts_reportsEach() {
        Network network = Specs.network()
                .node("AKU", 1520, NodeKind.PORT).node("ALAT", 1520, NodeKind.PORT)
                .link(LinkSpec.ferry("AKU-ALAT", "AKU", "ALAT", 480, 0, 0, null, null)).build();

        assertThat(network.problems()).containsExactly(
                new NetworkProblem("links.AKU-ALAT.vessels",
                        "a ferry link needs vessels >= 1, got 0"),
                new NetworkProblem("links.AKU-ALAT.wagons",
                        "a ferry link needs wagons >= 1 (wagon places per vessel), got 0"),
                new NetworkProblem("links.AKU-ALAT.sailing",
                        "a ferry link needs a sailing time distribution, e.g. sailing:"
                                + " lognormal(22h, 4h)"),
                new NetworkProblem("links.AKU-ALAT.departs",
                        "a ferry link needs a departs rule, e.g. departs: when-full(80%, 48h)"));
    }

    @Test
    void build_ferryFillAboveFull_isRejected() {
        Network network = Specs.network()
                .node("AKU", 1520, NodeKind.PORT).node("ALAT", 1520, NodeKind.PORT)
                .link(LinkSpec.ferry("AKU-ALAT", "AKU", "ALAT", 480, 6, 54,
                        new Distribution.Fixed(22 * 3600), new DepartureRule(1.2, 3600)))
                .build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("links.AKU-ALAT.departs",
                "when-full needs a fill between 0 % (exclusive) and 100 % and a wait >= 0,"
                        + " got fill 120 % and wait 3600 s"));
    }

    @Test
    void build_routeWithUnknownWaypoint_suggestsNearestId() {
        Network network = Specs.corridor().route("typo", "XIAN", "DOS").build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("routes.typo[0]",
                "unknown node 'XIAN'; did you mean XIA?"));
    }

    @Test
    void build_routeBetweenDisconnectedNodes_isRejected() {
        Network network = Specs.corridor().node("DUI").route("europe", "XIA", "DUI").build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("routes.europe",
                "no path from XIA to DUI; consecutive waypoints must be connected by links"));
    }

    @Test
    void build_routeThatMustDoubleBack_isRejected() {
        // The only way from XIA to AKU passes DOS, which the route must reach later.
        Network network = Specs.corridor().route("back", "XIA", "AKU", "DOS").build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("routes.back",
                "no path from XIA to AKU that avoids the route's other nodes; a route must not"
                        + " pass a node twice"));
    }

    @Test
    void build_routeWithRepeatedWaypoint_isRejected() {
        Network network = Specs.corridor().route("loop", "XIA", "DOS", "XIA").build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("routes.loop",
                "passes XIA twice; a route must not visit a node twice"));
    }

    @Test
    void build_routeWithOneWaypoint_isRejected() {
        Network network = Specs.corridor().route("short", "XIA").build();

        assertThat(only(network)).isEqualTo(new NetworkProblem("routes.short",
                "a route needs at least 2 waypoints (origin and destination), got 1"));
    }

    @Test
    void build_manyProblems_listsAllInDeclarationOrder() {
        Network network = Specs.network()
                .node("ALA", 1435, NodeKind.BORDER).node("DOS", 1520, NodeKind.BORDER)
                .node("X", 1000, NodeKind.JUNCTION)
                .rail("ALA", "DOS", 12, 20)
                .link(LinkSpec.rail("DOS-MOI", "DOS", "MOI", 836, 2, 0, 60, 0))
                .build();

        assertThat(network.problems()).extracting(NetworkProblem::path)
                .containsExactly("nodes.X.gauge", "links.ALA-DOS", "links.DOS-MOI.to");
        assertThat(network.isValid()).isFalse();
    }

    @Test
    void checkReachable_disconnectedDemand_isReportedAtPath() {
        Network network = Specs.corridor().node("DUI").build();

        assertThat(network.checkReachable("XIA", "DUI", "demand.xian-europe")).containsExactly(
                new NetworkProblem("demand.xian-europe",
                        "no path from XIA to DUI; the network has no chain of links joining"
                                + " them"));
        assertThat(network.checkReachable("XIA", "ALAT", "demand.xian-titr")).isEmpty();
    }

    @Test
    void checkReachable_unknownEnds_areReportedAtFromAndTo() {
        Network network = Specs.corridor().build();

        assertThat(network.checkReachable("XIAN", "ALAX", "demand.f")).containsExactly(
                new NetworkProblem("demand.f.from", "unknown node 'XIAN'; did you mean XIA?"),
                new NetworkProblem("demand.f.to", "unknown node 'ALAX'; did you mean ALA or"
                        + " ALAT?"));
    }

    @Test
    void checkVia_waypointsThatDoubleBack_areReported() {
        Network network = Specs.corridor().build();

        assertThat(network.checkVia("XIA", List.of("MOI"), "ALAT", "demand.f.route.via"))
                .isEmpty();
        assertThat(network.checkVia("XIA", List.of("MOI"), "ALA", "demand.f.route.via"))
                .containsExactly(new NetworkProblem("demand.f.route.via", "no path from XIA to MOI"
                        + " that avoids the route's other nodes; a route must not pass a node"
                        + " twice"));
    }

    @Test
    void checkVia_unknownWaypoint_isReportedAtItsIndex() {
        Network network = Specs.corridor().build();

        assertThat(network.checkVia("XIA", List.of("DOS", "MOJ"), "ALAT", "demand.f.route.via"))
                .containsExactly(new NetworkProblem("demand.f.route.via[1]",
                        "unknown node 'MOJ'; did you mean MOI?"));
    }

    @Test
    void compile_invalidNetwork_failsFast() {
        Network network = Specs.network().node("XIA", 1000, NodeKind.TERMINAL).build();

        assertThatThrownBy(network::compile).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("count=1");
    }
}
