package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "validate", "network", "compare", "sweep", "worker", "report",
        "demo"})
    void help_afterEverySubcommand_printsItsUsageAndExitsZero(String command) {
        CommandLine cmd = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute(command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: silkrail " + command);
    }

    @org.junit.jupiter.api.Test
    void version_printsSilkrailVersion() {
        CommandLine cmd = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("silkrail ");
    }
}
