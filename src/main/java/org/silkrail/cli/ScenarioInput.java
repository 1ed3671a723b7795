package org.silkrail.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.silkrail.scenario.Diagnostic;
import org.silkrail.scenario.Scenario;
import org.silkrail.scenario.ScenarioException;
import org.silkrail.scenario.ScenarioLoader;

/**
 * Loads a scenario for a command and, when it has problems, prints each as
 * {@code file:line:col: path: message} to stderr; the command then exits with
 * {@link Main#EXIT_BAD_INPUT}:
 * <pre>{@code
 * Optional<Scenario> scenario = ScenarioInput.load(file, setOverrides, err);
 * if (scenario.isEmpty()) {
 *     return Main.EXIT_BAD_INPUT;
 * }
 * }</pre>
 */
final class ScenarioInput {
    private ScenarioInput() {
    }

    /** The scenario, or empty after its problems were printed to {@code err}. */
    static Optional<Scenario> load(Path file, List<String> setOverrides, PrintWriter err) {
        try {
            return Optional.of(ScenarioLoader.load(file, setOverrides));
        } catch (ScenarioException e) {
            print(e, err);
            return Optional.empty();
        }
    }

    /** Prints every problem, one per line, in place order. */
    static void print(ScenarioException e, PrintWriter err) {
        for (Diagnostic d : e.diagnostics()) {
            err.println(d.format());
        }
        err.flush();
    }
}
