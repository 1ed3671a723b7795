package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script, loaded into a real bash ({@code /bin/bash}, always there on the Debian
 * machines this builds on): it registers a completion for {@code silkrail} and completes
 * commands and options as a user typing would see them.
 */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void completionBash_sourcedInBash_registersAndCompletesCommandsAndOptions() throws Exception {
        Path script = script("bash");

        String out = bash("source " + script + " && complete -p silkrail"
                + " && complete_line 'silkrail ru' && complete_line 'silkrail sweep --thr'"
                + " && complete_line 'silkrail i'");

        assertThat(out).contains("complete -o default -F _complete_silkrail silkrail")
                .contains("[silkrail ru] run")
                .contains("[silkrail sweep --thr] --threads")
                .contains("[silkrail i] init");
    }

    @Test
    void completionZsh_printsTheScriptThatSetsUpBashcompinitInZsh() throws Exception {
        String zsh = Files.readString(script("zsh"));

        assertThat(zsh).isEqualTo(Files.readString(script("bash")))
                .contains("ZSH_VERSION", "bashcompinit");
    }

    @Test
    void completion_unknownShell_exitsTwoNamingTheShells() {
        Cli.Outcome o = Cli.execute("completion", "fish");

        assertThat(o.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("bash, zsh");
    }

    private Path script(String shell) throws IOException {
        Cli.Outcome o = Cli.execute("completion", shell);
        assertThat(o.exitCode()).as(o.err()).isZero();
        return Files.writeString(dir.resolve("silkrail." + shell), o.out());
    }

    /**
     * Runs bash with {@code complete_line LINE}, a function that asks the registered completion
     * for the last word of LINE and prints {@code [LINE] candidates}.
     */
    private static String bash(String commands) throws IOException, InterruptedException {
        String prelude = """
                complete_line() {
                  COMP_LINE="$1"; COMP_POINT=${#1}
                  read -r -a COMP_WORDS <<< "$1"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                  COMPREPLY=(); _complete_silkrail
                  echo "[$1] ${COMPREPLY[*]}"
                }
                """;
        Process p = new ProcessBuilder("/bin/bash", "-c", prelude + commands)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
