package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.cli.Cli.execute;

import org.junit.jupiter.api.Test;
import org.silkrail.cli.Cli.Outcome;

/** {@code silkrail validate} as a user runs it: exit codes, stdout and stderr. */
class ValidateCommandTest {
    @Test
    void validate_goodFile_printsOkAndExitsZero() {
        Outcome run = execute("validate", "src/test/resources/scenario/good/corridor.yaml");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("ok: src/test/resources/scenario/good/corridor.yaml"
                + " (7 nodes, 6 links, 3 flows)" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validate_goodAndBadFile_printsProblemsOfBadOnlyAndExitsTwo() {
        Outcome run = execute("validate", "src/test/resources/scenario/good/corridor.yaml",
                "src/test/resources/scenario/good/missing.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("ok: src/test/resources/scenario/good/corridor.yaml");
        assertThat(run.err()).isEqualTo("src/test/resources/scenario/good/missing.yaml: no such"
                + " file" + System.lineSeparator());
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validate_setOverrideWithBadUnit_reportsSetPlaceAndExitsTwo() {
        Outcome run = execute("validate", "src/test/resources/scenario/good/corridor.yaml", "--set",
                "network.nodes.DOS.quota=14/dya");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--set:1:25: network.nodes.DOS.quota: unknown rate unit"
                + " 'dya' in \"14/dya\"; did you mean day? (units: h, day, week, month, year)"
                + System.lineSeparator());
    }
}
