package org.silkrail.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RoutePolicy;
import org.silkrail.scenario.ScenarioException;
import org.silkrail.scenario.ScenarioLoader;

/** The scenarios in {@code scenarios/} load, validate, and have plausible routes. */
class ShippedScenariosTest {
    private static final Path SCENARIOS = Path.of("scenarios");

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            return list.stream();
        }
    }

    private static ModelSpec load(String name) throws ScenarioException {
        return ScenarioLoader.load(SCENARIOS.resolve(name), List.of()).model();
    }

    @Test
    void shippedScenarios_includeBaselineOptionsAndTeachingExample() throws IOException {
        assertThat(shippedScenarios().map(p -> p.getFileName().toString())).contains(
                "baseline-2025.yaml", "third-railway.yaml", "titr-expanded.yaml",
                "dostyk-disruption.yaml", "poland-closure.yaml", "tiny-corridor.yaml");
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void build_everyShippedScenario_isValidAndEveryFlowCanRun(Path file) throws Exception {
        ModelSpec model = ScenarioLoader.load(file, List.of()).model();
        Network network = Network.build(model.network());

        assertThat(network.problems()).isEmpty();
        CompiledNetwork compiled = network.compile();
        List<NetworkProblem> flowProblems = new ArrayList<>();
        for (FlowSpec flow : model.demand().values()) {
            String path = "demand." + flow.id();
            flowProblems.addAll(network.checkReachable(flow.from(), flow.to(), path));
            if (flow.route() instanceof RoutePolicy.Via via) {
                flowProblems.addAll(network.checkVia(flow.from(), via.waypoints(), flow.to(),
                        path + ".route.via"));
            } else if (flow.route() instanceof RoutePolicy.Shares shares) {
                for (String name : shares.shares().keySet()) {
                    Route route = compiled.route(name);
                    assertThat(route).as(path + " route " + name).isNotNull();
                    assertThat(compiled.nodeId(route.origin())).isEqualTo(flow.from());
                    assertThat(compiled.nodeId(route.destination())).isEqualTo(flow.to());
                }
            }
        }
        assertThat(flowProblems).isEmpty();
    }

    @Test
    void northern_xianToDuisburg_isPublishedLengthWithinThreePercent() throws Exception {
        CompiledNetwork net = Network.build(load("baseline-2025.yaml").network()).compile();

        Route northern = net.route("northern");

        // Xi'an–Duisburg 9,908 km [S114]
        assertThat(northern.lengthKm()).isCloseTo(9908, within(9908 * 0.03));
        assertThat(net.nodeId(northern.origin())).isEqualTo("XIA");
        assertThat(net.nodeId(northern.destination())).isEqualTo("DUI");
        assertThat(ids(net, northern)).containsSubsequence("ALA", "DOS", "MOW", "BRE", "MAL");
        // 12–14 days in service with delays [S114]; without queueing it must be less, and
        // more than a week at the §8.1 speeds.
        assertThat(northern.expectedDays()).isBetween(7.0, 12.0);
    }

    @Test
    void titr_crossesTheCaspianByFerryAndChangesGaugeAtAkhalkalaki() throws Exception {
        CompiledNetwork net = Network.build(load("baseline-2025.yaml").network()).compile();

        for (String name : List.of("titr", "titr-kuryk")) {
            Route titr = net.route(name);
            List<String> nodes = ids(net, titr);
            assertThat(nodes).containsSubsequence("XIA", "KHG", "ALT", "ALAT", "TBS", "AKH",
                    "KRS", "IST");
            long ferries = Arrays.stream(titr.links())
                    .filter(l -> net.link(l).mode() == LinkMode.FERRY).count();
            assertThat(ferries).as(name).isEqualTo(1);
            // TITR: 4,256 km of rail plus 508 km of sea from the Chinese border [S140]; from
            // Xi'an to Istanbul it is longer, and not shorter than the northern route by much.
            assertThat(titr.lengthKm()).isBetween(8000.0, 11000.0);
        }
        assertThat(ids(net, net.route("titr"))).contains("AKU");
        assertThat(ids(net, net.route("titr-kuryk"))).contains("KUR");
    }

    @Test
    void gaugeChanges_happenOnlyAtTheFourGaugeChangeNodes() throws Exception {
        NetworkSpec spec = load("baseline-2025.yaml").network();

        List<String> gaugeChangeNodes = spec.nodes().values().stream()
                .filter(n -> n.kind() == NodeKind.GAUGE_CHANGE).map(NodeSpec::id).toList();

        assertThat(gaugeChangeNodes).containsExactlyInAnyOrder("DOS", "ALT", "MAL", "AKH");
    }

    @Test
    void thirdRailway_addsBakhtyCrossingUsedByRerouteFlows() throws Exception {
        ModelSpec model = load("third-railway.yaml");
        Network network = Network.build(model.network());
        CompiledNetwork net = network.compile();

        assertThat(net.node(net.nodeIndex("BAK")).kind()).isEqualTo(NodeKind.GAUGE_CHANGE);
        assertThat(net.node(net.nodeIndex("BAK")).quotaPerDay()).isEqualTo(14.0);
        assertThat(net.link(net.linkIndex("AYA-BAK")).tracks()).isEqualTo(2);
        Route viaBakhty = net.via("kz", List.of("URC", "BAK", "AST"));
        assertThat(ids(net, viaBakhty)).containsSubsequence("URC", "KAR", "TAC", "BAK", "AYA",
                "AKT");
    }

    @Test
    void titrExpanded_hasMoreVesselsAndTheMoiyntyKyzylzharShortcut() throws Exception {
        ModelSpec base = load("baseline-2025.yaml");
        ModelSpec expanded = load("titr-expanded.yaml");

        assertThat(expanded.network().links().get("AKU-ALAT").vessels())
                .isGreaterThan(base.network().links().get("AKU-ALAT").vessels());
        assertThat(expanded.network().links()).containsKey("MOI-KZZ");
        assertThat(expanded.demand()).containsKey("xian-titr");
        assertThat(expanded.demand().get("xian-titr").trains().meanRatePerSecond())
                .isGreaterThan(base.demand().get("xian-titr").trains().meanRatePerSecond());
    }

    @Test
    void tinyCorridor_hasOneGaugeChangeAndOneSingleTrackLink() throws Exception {
        NetworkSpec spec = load("tiny-corridor.yaml").network();

        assertThat(spec.nodes()).hasSizeBetween(4, 6);
        assertThat(spec.nodes().values().stream().filter(n -> n.kind() == NodeKind.GAUGE_CHANGE))
                .hasSize(1);
        assertThat(spec.links().values().stream().filter(l -> l.tracks() == 1)).hasSize(1);
        assertThat(Network.build(spec).isValid()).isTrue();
    }

    private static List<String> ids(CompiledNetwork net, Route route) {
        return Arrays.stream(route.nodes()).mapToObj(net::nodeId).toList();
    }
}
