package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in {@code scenarios/} loads without a single problem. */
class ShippedScenariosTest {
    static final Path SCENARIOS = Path.of("scenarios");
    /** Sweep files name a base scenario and are read by the sweep command, not as scenarios. */
    private static final Pattern SWEEP = Pattern.compile("(?m)^sweep:");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !isSweep(p)).map(p -> p.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    private static boolean isSweep(Path file) {
        try {
            return SWEEP.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void scenarios_includeTheBaselineAndItsOptions() throws IOException {
        assertThat(scenarios().toList()).contains("baseline-2025.yaml", "third-railway.yaml",
                "titr-expanded.yaml", "dostyk-disruption.yaml", "poland-closure.yaml",
                "tiny-corridor.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void load_shippedScenario_hasNoProblems(String name) throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve(name), List.of());

        assertThat(scenario.id()).isEqualTo(name.replace(".yaml", ""));
        assertThat(scenario.model().demand()).isNotEmpty();
        assertThat(scenario.model().network().nodes()).isNotEmpty();
    }
}
