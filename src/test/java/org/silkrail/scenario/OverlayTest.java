package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.ModelSpec;

/** {@code extends:} semantics: deep merge, null removal, relative paths, chains, places. */
class OverlayTest {
    static final Path DIR = Path.of("src/test/resources/scenario/overlay");

    @Test
    void load_option_patchesValuesAddsAndRemovesEntries() throws ScenarioException {
        ModelSpec model = ScenarioLoader.load(DIR.resolve("option.yaml"), List.of()).model();

        assertThat(model.network().nodes()).containsOnlyKeys("A", "B", "C", "D", "E");
        // patched value, other values of the entry kept from the base
        assertThat(model.network().nodes().get("C").quotaPerDay()).isEqualTo(14.0);
        assertThat(model.network().nodes().get("C").servers()).isEqualTo(4);
        assertThat(model.network().nodes().get("C").processSeconds())
                .isEqualTo(new Distribution.Fixed(6 * SimTime.HOUR));
        assertThat(model.network().links()).containsOnlyKeys("A-B", "B-C", "C-E", "E-D");
        assertThat(model.demand()).containsOnlyKeys("a-d");
        assertThat(model.demand().get("a-d").trains())
                .isEqualTo(new ArrivalSpec.Poisson(6.0 / SimTime.DAY));
        assertThat(model.demand().get("a-d").teu()).isEqualTo(new Distribution.Fixed(80));
        // run settings inherited
        assertThat(model.run().horizonSeconds()).isEqualTo(100 * SimTime.DAY);
        assertThat(model.run().replications()).isEqualTo(4);
    }

    @Test
    void load_option_keepsBaseTitleAndTakesOwnId() throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(DIR.resolve("option.yaml"), List.of());

        assertThat(scenario.id()).isEqualTo("option");
        assertThat(scenario.title()).isEqualTo("Base line");
    }

    @Test
    void load_chainInOtherFolder_resolvesEachPathAgainstItsOwnFile() throws ScenarioException {
        ModelSpec model = ScenarioLoader.load(DIR.resolve("options/chain.yaml"), List.of())
                .model();

        assertThat(model.run().replications()).isEqualTo(7);
        assertThat(model.network().nodes().get("C").quotaPerDay()).isEqualTo(14.0);
        assertThat(model.network().links()).containsKey("C-E").doesNotContainKey("C-D");
    }

    @Test
    void load_optionNamingAnotherNetworkFile_replacesTheBaseNetwork() throws ScenarioException {
        ModelSpec model = ScenarioLoader.load(DIR.resolve("options/other-network.yaml"),
                List.of()).model();

        assertThat(model.network().nodes()).containsOnlyKeys("A", "D");
        assertThat(model.network().links()).containsOnlyKeys("A-D");
        assertThat(model.network().routes()).isEmpty();
    }

    @Test
    void load_problemsInBaseAndOption_eachPointsIntoTheFileThatWroteIt() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(DIR.resolve("bad-option.yaml"), List.of()));

        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                DIR.resolve("bad-base.yaml") + ":4:33: demand.a-d.trains: poisson rate: unknown"
                        + " rate unit 'dya' in \"4/dya\"; did you mean day? (units: h, day, week,"
                        + " month, year)",
                DIR.resolve("bad-option.yaml") + ":4:14: demand.a-d.teu: expected a number like"
                        + " 100 or a distribution like uniform(90, 110), got \"lots\"");
    }

    @Test
    void merge_nullForMissingKey_reportsNothingToRemove() {
        List<Diagnostic> problems = new java.util.ArrayList<>();
        YamlNode base = YamlReader.read(Path.of("base.yaml"), "a: {x: 1}\n", problems);
        YamlNode over = YamlReader.read(Path.of("over.yaml"), "a: {y: null}\n", problems);

        YamlNode merged = TreeLoader.merge(base, over, "", problems);

        assertThat(Canonical.json(merged)).isEqualTo("{\"a\":{\"x\":1}}");
        assertThat(problems).extracting(Diagnostic::format).containsExactly(
                "over.yaml:1:5: a.y: nothing to remove: the base has no 'y'");
    }

    @Test
    void merge_listsAndScalarsReplace_mapsMerge() {
        List<Diagnostic> problems = new java.util.ArrayList<>();
        YamlNode base = YamlReader.read(Path.of("b"), "l: [1, 2]\ns: x\nm: {a: 1, b: {c: 2}}\n",
                problems);
        YamlNode over = YamlReader.read(Path.of("o"), "l: [3]\nm: {b: {d: 4}, a: null}\n",
                problems);

        YamlNode merged = TreeLoader.merge(base, over, "", problems);

        assertThat(problems).isEmpty();
        assertThat(Canonical.json(merged))
                .isEqualTo("{\"l\":[3],\"m\":{\"b\":{\"c\":2,\"d\":4}},\"s\":\"x\"}");
    }
}
