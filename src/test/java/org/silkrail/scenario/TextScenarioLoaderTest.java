package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario text from another process names no file that this process would read: a
 * {@code network:} or {@code extends:} naming one is refused, and the file's content never
 * shows up (it would, had the loader read it: the old loader echoed a file it could not use).
 */
class TextScenarioLoaderTest {
    /** What the files below hold; a message that contains it read the file. */
    private static final String MARKER = "LEAKED-CONTENT-7f3a";

    @TempDir
    Path dir;

    @Test
    void load_networkNamesAFile_refusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("passwd");
        Files.writeString(file, MARKER + "\n");
        String text = "{\"scenario\": \"evil\", \"network\": \"" + file + "\"}\n";

        assertThatThrownBy(() -> TextScenarioLoader.load("plan.yaml", text, List.of()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("plan.yaml:1:")
                .hasMessageContaining("network: a scenario received from another process cannot"
                        + " name a network file")
                .hasMessageContaining("the file is not read")
                .message().doesNotContain(MARKER);
    }

    @Test
    void load_extendsAFileAtTopOrInTheNetwork_refusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("base.yaml");
        Files.writeString(file, MARKER + "\n");
        for (String text : List.of("{\"scenario\": \"evil\", \"extends\": \"" + file + "\"}",
                "{\"scenario\": \"evil\", \"network\": {\"extends\": \"" + file + "\"}}")) {
            assertThatThrownBy(() -> TextScenarioLoader.load("plan.yaml", text, List.of()))
                    .as(text)
                    .hasMessageContaining("extends: a scenario received from another process"
                            + " cannot extend a file")
                    .message().doesNotContain(MARKER);
        }
    }

    @Test
    void load_overrideNamesAFile_refusedNotLeftToTheBinder() throws Exception {
        Path file = dir.resolve("passwd");
        Files.writeString(file, MARKER + "\n");
        ScenarioContent content = ScenarioContent.read(Path.of("scenarios/tiny-corridor.yaml"));
        for (String override : List.of("network=" + file, "extends=" + file,
                "network.extends=" + file)) {
            assertThatThrownBy(() -> TextScenarioLoader.load(content.name(), content.text(),
                    List.of(override)))
                    .as(override).isInstanceOf(ScenarioException.class)
                    .hasMessageStartingWith("--set:1:1: ")
                    .hasMessageContaining("--set cannot name a file")
                    .message().doesNotContain(MARKER);
        }
    }

    @Test
    void load_longOrControlCharacterFileName_quotedAsAShortEscapedExcerpt() {
        String name = "/tmp/\u001b[31m" + "x".repeat(1000);
        String text = "{\"scenario\": \"evil\", \"network\": \"" + name.replace("\u001b",
                "\\u001b") + "\"}";
        assertThatThrownBy(() -> TextScenarioLoader.load("plan.yaml", text, List.of()))
                .message().containsIgnoringCase("\\u001b[31m").doesNotContain("\u001b")
                .doesNotContain("x".repeat(Excerpt.MAX_CHARS));
    }

    @Test
    void load_selfContainedText_sameScenarioAsTheFiles() throws Exception {
        Path file = Path.of("scenarios/third-railway.yaml");
        ScenarioContent content = ScenarioContent.read(file);
        Scenario fromText = TextScenarioLoader.load(content.name(), content.text(),
                List.of("replications=3"));
        Scenario fromFiles = ScenarioLoader.load(file, List.of("replications=3"));
        assertThat(fromText.inputSha256()).isEqualTo(fromFiles.inputSha256());
        assertThat(fromText.model()).isEqualTo(fromFiles.model());
        assertThat(fromText.file()).isEqualTo(file);
    }

    @Test
    void load_nameNoUsablePath_diagnosticsNameTheContent() {
        assertThatThrownBy(() -> TextScenarioLoader.load("a\u0000b", "[1, 2]", List.of()))
                .hasMessageStartingWith("received-scenario:1:1: expected a map");
    }
}
