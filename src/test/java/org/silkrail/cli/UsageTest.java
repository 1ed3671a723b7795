package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every usage text renders without a picocli warning: a bare {@code %} in a description (as in
 * "95 % confidence") is a format specifier to picocli and prints {@code [picocli WARN]} on
 * stderr each time the usage is shown.
 */
class UsageTest {

    /** The root command's usage and each subcommand's, as {@code silkrail ... --help} prints. */
    static List<List<String>> usages() {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("--help"));
        commands.add(List.of());
        for (String name : Main.newCommandLine().getSubcommands().keySet()) {
            commands.add(List.of(name, "--help"));
        }
        return commands;
    }

    @ParameterizedTest
    @MethodSource("usages")
    void usage_ofEveryCommand_printsNoWarning(List<String> args) {
        Cli.Outcome outcome = Cli.execute(args.toArray(String[]::new));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("Usage: silkrail");
        assertThat(outcome.err()).doesNotContain("WARN").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void usage_ofCompare_rendersEscapedPercentAsOneSign() {
        Cli.Outcome outcome = Cli.execute("compare", "--help");

        assertThat(outcome.out()).contains("95 % confidence").doesNotContain("%%");
    }
}
