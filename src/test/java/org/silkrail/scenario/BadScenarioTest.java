package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under {@code src/test/resources/scenario/bad/} is a small broken scenario that ends
 * with the exact problems it must produce, one {@code # expect: LINE:COL: PATH: MESSAGE} comment
 * each (prefixed with the file's own name; {@code {dir}} stands for the folder, for problems
 * placed in another file), and optionally {@code # set: PATH=VALUE} overrides to apply. The
 * comments sit at the end so they shift no line of the case itself.
 */
class BadScenarioTest {
    static final Path BAD = Path.of("src/test/resources/scenario/bad");
    private static final String EXPECT = "# expect: ";
    private static final String SET = "# set: ";

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void cases_areAtLeastThirty() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void load_badFile_reportsExactlyTheExpectedProblems(String name) throws IOException {
        Path file = BAD.resolve(name);
        List<String> expected = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(EXPECT)) {
                String text = line.substring(EXPECT.length()).replace("{dir}", BAD.toString());
                expected.add(Character.isDigit(text.charAt(0)) ? file + ":" + text : text);
            } else if (line.startsWith(SET)) {
                sets.add(line.substring(SET.length()));
            }
        }
        assertThat(expected).as("a bad case states its problems").isNotEmpty();

        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(file, sets));

        assertThat(e).as("loading %s must fail", name).isNotNull();
        assertThat(e.diagnostics()).extracting(Diagnostic::format)
                .containsExactlyElementsOf(expected);
    }
}
