package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RoutePolicy;

/** {@code --set PATH=VALUE} semantics, applied after all merging. */
class OverridesTest {
    static final Path BASE = Path.of("src/test/resources/scenario/overlay/base.yaml");
    static final Path OPTION = Path.of("src/test/resources/scenario/overlay/option.yaml");

    static ModelSpec load(Path file, String... sets) throws ScenarioException {
        return ScenarioLoader.load(file, List.of(sets)).model();
    }

    static List<String> problems(Path file, String... sets) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(file, List.of(sets)));
        assertThat(e).isNotNull();
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void set_existingValue_replacesIt() throws ScenarioException {
        ModelSpec model = load(BASE, "network.nodes.C.quota=14/day", "replications=5");

        assertThat(model.network().nodes().get("C").quotaPerDay()).isEqualTo(14.0);
        assertThat(model.run().replications()).isEqualTo(5);
    }

    @Test
    void set_absentKnownKey_addsIt() throws ScenarioException {
        ModelSpec model = load(BASE, "network.nodes.D.quota=7/day", "seed=99",
                "network.links.B-C.sidings=3");

        assertThat(model.network().nodes().get("D").quotaPerDay()).isEqualTo(7.0);
        assertThat(model.run().seed()).isEqualTo(99);
        assertThat(model.network().links().get("B-C").sidings()).isEqualTo(3);
    }

    @Test
    void set_afterMerge_overridesTheOptionsValue() throws ScenarioException {
        ModelSpec model = load(OPTION, "network.nodes.C.quota=10/day");

        assertThat(model.network().nodes().get("C").quotaPerDay()).isEqualTo(10.0);
    }

    @Test
    void set_flowValues_parseAsYaml() throws ScenarioException {
        ModelSpec model = load(BASE, "demand.a-d.teu=uniform(70, 90)",
                "demand.a-d.route={via: [B, C]}", "network.nodes.A.process=lognormal(5h, 1h)");

        assertThat(model.demand().get("a-d").teu()).isEqualTo(new Distribution.Uniform(70, 90));
        assertThat(model.demand().get("a-d").route())
                .isEqualTo(new RoutePolicy.Via(List.of("B", "C")));
        assertThat(model.network().nodes().get("A").processSeconds())
                .isEqualTo(new Distribution.LogNormal(5 * SimTime.HOUR, SimTime.HOUR));
    }

    @Test
    void set_listItemByIndex_replacesOrRemovesThatItem() throws ScenarioException {
        ModelSpec model = load(BASE, "network.routes.main.1=null", "network.routes.main.1=B");

        // [A, B, C, D] without item 1 is [A, C, D]; then item 1 becomes B
        assertThat(model.network().routes().get("main").waypoints())
                .containsExactly("A", "B", "D");
    }

    @Test
    void set_null_removesTheEntry() throws ScenarioException {
        ModelSpec model = load(BASE, "demand.a-c=null", "network.nodes.C.quota=null");

        assertThat(model.demand()).containsOnlyKeys("a-d");
        assertThat(model.network().nodes().get("C").quotaPerDay()).isEqualTo(0.0);
    }

    @Test
    void set_laterOverrideWins() throws ScenarioException {
        assertThat(load(BASE, "replications=5", "replications=6").run().replications())
                .isEqualTo(6);
    }

    @Test
    void set_unknownId_namesPathWithNearMatches() {
        assertThat(problems(BASE, "network.nodes.CC.quota=14/day")).containsExactly(
                "--set:1:15: network.nodes.CC: unknown node 'CC'; did you mean C?");
    }

    @Test
    void set_unknownKey_namesPathWithNearMatches() {
        assertThat(problems(BASE, "replications=3", "network.nodes.C.quot=14/day",
                "demand.a-d.trians=every(1d)", "horizn=3d")).containsExactly(
                "--set:2:17: network.nodes.C.quot: unknown key 'quot'; did you mean quota?",
                "--set:3:12: demand.a-d.trians: unknown key 'trians'; did you mean trains?",
                "--set:4:1: horizn: unknown key 'horizn'; did you mean horizon?");
    }

    @Test
    void set_badValue_isCheckedLikeFileValues() {
        assertThat(problems(BASE, "network.nodes.C.quota=14/dya", "replications=0",
                "network.nodes.C.lat=[1")).containsExactly(
                "--set:1:23: network.nodes.C.quota: unknown rate unit 'dya' in \"14/dya\"; did you"
                        + " mean day? (units: h, day, week, month, year)",
                "--set:2:14: replications: must be at least 1, got 0",
                "--set:3:23: YAML syntax error: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence at line 1, column 1)");
    }

    @Test
    void set_withoutEquals_isAnError() {
        assertThat(problems(BASE, "replications")).containsExactly(
                "--set:1:1: expected PATH=VALUE, like network.nodes.DOS.quota=14/day, got"
                        + " \"replications\"");
    }

    @Test
    void set_intoScalar_isAnError() {
        assertThat(problems(BASE, "horizon.days=3")).containsExactly(
                "--set:1:9: horizon.days: horizon is \"100d\", not a map; set horizon itself");
    }

    @Test
    void set_removeAbsent_isAnError() {
        assertThat(problems(BASE, "warmup=null")).containsExactly(
                "--set:1:1: warmup: nothing to remove: the scenario has no 'warmup'");
    }

    @Test
    void set_changesInputHash() throws ScenarioException {
        String plain = ScenarioLoader.load(BASE, List.of()).inputSha256();
        String set = ScenarioLoader.load(BASE, List.of("replications=5")).inputSha256();
        String same = ScenarioLoader.load(BASE, List.of("replications=4")).inputSha256();

        assertThat(set).isNotEqualTo(plain);
        assertThat(same).as("setting the value the file has").isEqualTo(plain);
    }
}
