package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.network.Direction;
import org.silkrail.network.NodeSpec;
import org.silkrail.network.ProcessSpec;

/** Binding of per-direction node settings, TEU handling and a flow's direction and empties. */
class DirectionsBindingTest {
    static final Path BASE = Path.of("src/test/resources/scenario/overlay/base.yaml");

    static ModelSpec load(String... sets) throws ScenarioException {
        return ScenarioLoader.load(BASE, List.of(sets)).model();
    }

    static List<String> problems(String... sets) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(BASE, List.of(sets)));
        assertThat(e).as("loading must fail").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void bind_cranesAndHandling_giveTeuRatePerCraneHour() throws ScenarioException {
        NodeSpec c = load("network.nodes.C.servers=null", "network.nodes.C.process=null",
                "network.nodes.C.cranes=7", "network.nodes.C.handling=108/day",
                "network.nodes.C.yard_teu=800").network().nodes().get("C");

        ProcessSpec p = c.processing();
        assertThat(p.servers()).isEqualTo(7);
        assertThat(p.teuPerServerHour()).isEqualTo(4.5);
        assertThat(p.yardTeu()).isEqualTo(800);
        assertThat(p.processes()).isTrue();
        assertThat(c.directional()).isFalse();
    }

    @Test
    void bind_directions_inheritNodeValuesKeyByKey() throws ScenarioException {
        NodeSpec c = load("network.nodes.C.servers=null", "network.nodes.C.process=2h",
                "network.nodes.C.cranes=7", "network.nodes.C.handling=4.5/h",
                "network.nodes.C.quota=28/day",
                "network.nodes.C.directions={west: {quota: 14/day}, east: {servers: 3}}")
                .network().nodes().get("C");

        assertThat(c.directional()).isTrue();
        ProcessSpec west = c.processing(Direction.WEST);
        assertThat(west.servers()).isEqualTo(7);
        assertThat(west.teuPerServerHour()).isEqualTo(4.5);
        assertThat(west.quotaPerDay()).isEqualTo(14.0);
        assertThat(west.processSeconds()).isEqualTo(new Distribution.Fixed(7200));
        // servers replace the node's cranes for the east; process and quota are inherited
        ProcessSpec east = c.processing(Direction.EAST);
        assertThat(east.servers()).isEqualTo(3);
        assertThat(east.teuPerServerHour()).isZero();
        assertThat(east.processSeconds()).isEqualTo(new Distribution.Fixed(7200));
        assertThat(east.quotaPerDay()).isEqualTo(28.0);
    }

    @Test
    void bind_directionWithZeroServers_passesWithoutProcessing() throws ScenarioException {
        NodeSpec c = load("network.nodes.C.directions={east: {servers: 0}}")
                .network().nodes().get("C");

        assertThat(c.processing(Direction.EAST).processes()).isFalse();
        assertThat(c.processing(Direction.WEST).processes()).isTrue();
    }

    @Test
    void bind_flowDirectionAndEmpties_bound() throws ScenarioException {
        FlowSpec flow = load("demand.a-d.direction=east", "demand.a-d.empty_teu=uniform(0, 20)")
                .demand().get("a-d");

        assertThat(flow.direction()).isEqualTo(Direction.EAST);
        assertThat(flow.emptyTeu()).isEqualTo(new Distribution.Uniform(0, 20));
        FlowSpec plain = load().demand().get("a-c");
        assertThat(plain.direction()).isNull();
        assertThat(plain.emptyTeu()).isNull();
    }

    @Test
    void bind_cranesWithServers_reportedWithTheFix() {
        assertThat(problems("network.nodes.C.cranes=4", "network.nodes.C.handling=5/h"))
                .singleElement().asString()
                .contains("network.nodes.C.cranes: write servers (a process time per train) or"
                        + " cranes (handling time from the train's TEU), not both");
    }

    @Test
    void bind_cranesWithoutHandling_andHandlingWithoutCranes_reported() {
        assertThat(problems("network.nodes.C.servers=null", "network.nodes.C.cranes=4"))
                .singleElement().asString()
                .contains("network.nodes.C.cranes: cranes need a handling rate");
        assertThat(problems("network.nodes.C.handling=5/h")).singleElement().asString()
                .contains("network.nodes.C.handling: handling is the TEU rate of one crane");
        assertThat(problems("network.nodes.C.yard_teu=500")).singleElement().asString()
                .contains("network.nodes.C.yard_teu: yard_teu holds the containers");
    }

    @Test
    void bind_unknownDirectionOrBadValue_reportedWithPlace() {
        assertThat(problems("network.nodes.C.directions={north: {quota: 3/day}}"))
                .anySatisfy(p -> assertThat(p).contains("network.nodes.C.directions.north")
                        .contains("west"));
        assertThat(problems("demand.a-d.direction=up")).singleElement().asString()
                .contains("demand.a-d.direction").contains("west");
        assertThat(problems("network.nodes.C.directions={east: {handling: 5/hr, cranes: 2}}"))
                .singleElement().asString()
                .contains("network.nodes.C.directions.east.handling");
    }
}
