package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.silkrail.scenario.Scenario;
import org.silkrail.scenario.ScenarioContent;
import org.silkrail.scenario.ScenarioException;
import org.silkrail.scenario.ScenarioLoader;

/** A scenario shipped as content loads to what its files load to: what a cluster worker needs. */
class ScenarioContentTest {

    @ParameterizedTest
    @ValueSource(strings = {"baseline-2025", "third-railway", "titr-expanded",
        "dostyk-disruption", "poland-closure", "tiny-corridor"})
    void load_shippedScenario_sameModelAndHashAsTheFiles(String id) throws Exception {
        Path file = Path.of("scenarios", id + ".yaml");
        List<String> overrides = List.of("replications=3", "network.nodes.DOS.quota=20/day");
        Scenario fromFiles = ScenarioLoader.load(file, overrides);
        Scenario fromContent = ScenarioContent.read(file).load(overrides);

        assertThat(fromContent.id()).isEqualTo(fromFiles.id());
        assertThat(fromContent.inputSha256()).isEqualTo(fromFiles.inputSha256());
        assertThat(fromContent.model()).isEqualTo(fromFiles.model());
        assertThat(List.copyOf(fromContent.model().network().nodes().keySet()))
                .as("declaration order").isEqualTo(List.copyOf(
                        fromFiles.model().network().nodes().keySet()));
    }

    @Test
    void load_textFromAnotherProcess_sameAsTheOriginal() throws Exception {
        ScenarioContent original = ScenarioContent.read(Path.of("scenarios/third-railway.yaml"));
        ScenarioContent received = ScenarioContent.of(original.name(), original.text());
        assertThat(received.load(List.of()).model()).isEqualTo(original.load(List.of()).model());
    }

    @Test
    void load_badOverride_problemPlacedInSet() throws Exception {
        ScenarioContent content = ScenarioContent.read(Path.of("scenarios/tiny-corridor.yaml"));
        assertThatThrownBy(() -> content.load(List.of("network.nodes.DOX.servers=3")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("--set:1:")
                .hasMessageContaining("DOS");
    }
}
