package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Scenario#inputSha256}: same content, same hash; any change, another hash. */
class InputHashTest {
    private static final String NETWORK = """
            nodes:
              A: {country: CN, lat: 40, lon: 100, gauge: 1435, kind: terminal}
              B: {country: CN, lat: 41, lon: 90, gauge: 1435, kind: terminal}
            links:
              A-B: {from: A, to: B, km: 900, speed_kmh: 60}
            """;

    @TempDir
    Path dir;

    String hash(String name, String text) throws IOException, ScenarioException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return ScenarioLoader.load(file, List.of()).inputSha256();
    }

    @Test
    void hash_sameContentOtherLayoutOrderAndComments_isEqual() throws Exception {
        Files.writeString(dir.resolve("net.yaml"), NETWORK);
        String a = hash("a.yaml", """
                scenario: s
                network: net.yaml
                demand:
                  f: {from: A, to: B, trains: poisson(2/day), teu: 90}
                """);
        String b = hash("b.yaml", """
                # the same scenario, written differently
                demand:
                  f:
                    teu: 90.0
                    trains: poisson(2/day)   # two a day
                    to: B
                    from: A
                network: net.yaml
                scenario: s
                """);
        String inline = hash("c.yaml", "scenario: s\nnetwork:\n"
                + NETWORK.indent(2) + "demand:\n  f: {from: A, to: B, trains: poisson(2/day),"
                + " teu: 90}\n");

        assertThat(a).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(b).isEqualTo(a);
        assertThat(inline).as("a network file hashes as its content").isEqualTo(a);
    }

    @Test
    void hash_anyValueChanged_differs() throws Exception {
        Files.writeString(dir.resolve("net.yaml"), NETWORK);
        String base = "scenario: s\nnetwork: net.yaml\ndemand:\n"
                + "  f: {from: A, to: B, trains: poisson(2/day), teu: 90}\n";

        String a = hash("a.yaml", base);
        String teu = hash("b.yaml", base.replace("teu: 90", "teu: 91"));
        String seed = hash("c.yaml", base + "seed: 2\n");
        Files.writeString(dir.resolve("net.yaml"), NETWORK.replace("km: 900", "km: 901"));
        String km = hash("d.yaml", base);

        assertThat(List.of(teu, seed, km)).doesNotContain(a).doesNotHaveDuplicates();
    }

    @Test
    void hash_sameFileTwice_isStable() throws Exception {
        Path file = Path.of("src/test/resources/scenario/good/corridor.yaml");
        assertThat(ScenarioLoader.load(file, List.of()).inputSha256())
                .isEqualTo(ScenarioLoader.load(file, List.of()).inputSha256());
    }
}
