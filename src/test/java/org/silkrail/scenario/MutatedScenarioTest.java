package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a slip of the keyboard does to a good scenario, loading it either succeeds or fails
 * with problems for people: never another exception (which a user would see as a stack trace).
 * Each seed applies a few random edits (drop or insert a character, drop or repeat a line) to
 * the corridor scenario and its network file.
 */
class MutatedScenarioTest {
    private static final Path GOOD = Path.of("src/test/resources/scenario/good");
    private static final String INSERTS = ":{}[],-#'\"\t 0.a/(%)&*~!|>\n";

    @TempDir
    Path dir;

    static IntStream seeds() {
        return IntStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void load_mutatedScenario_failsOnlyWithDiagnostics(int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Files.createDirectories(dir.resolve("networks"));
        String scenario = Files.readString(GOOD.resolve("corridor.yaml"));
        String network = Files.readString(GOOD.resolve("networks/corridor.yaml"));
        boolean inScenario = random.nextBoolean();
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            if (inScenario) {
                scenario = mutate(scenario, random);
            } else {
                network = mutate(network, random);
            }
        }
        Files.writeString(dir.resolve("corridor.yaml"), scenario);
        Files.writeString(dir.resolve("networks/corridor.yaml"), network);

        try {
            ScenarioLoader.load(dir.resolve("corridor.yaml"), List.of());
        } catch (ScenarioException e) {
            assertThat(e.diagnostics()).isNotEmpty();
            assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.message()).isNotBlank());
        }
    }

    private static String mutate(String text, SplittableRandom random) {
        return editCharactersOrLines(text, random, INSERTS);
    }

    /**
     * One random edit of one line of {@code text}: a character deleted, one of {@code inserts}
     * inserted, the line removed or the line doubled.
     */
    static String editCharactersOrLines(String text, SplittableRandom random, String inserts) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        String l = lines.get(line);
        switch (random.nextInt(4)) {
            case 0 -> {
                if (!l.isEmpty()) {
                    int at = random.nextInt(l.length());
                    lines.set(line, l.substring(0, at) + l.substring(at + 1));
                }
            }
            case 1 -> {
                int at = random.nextInt(l.length() + 1);
                char c = inserts.charAt(random.nextInt(inserts.length()));
                lines.set(line, l.substring(0, at) + c + l.substring(at));
            }
            case 2 -> lines.remove(line);
            default -> lines.add(line, l);
        }
        return String.join("\n", lines);
    }
}
