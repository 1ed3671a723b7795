package org.silkrail.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.silkrail.model.ModelSpec;
import org.silkrail.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail validate FILE…}: checks scenario files without simulating. Prints every
 * problem of every file to stderr as {@code file:line:col: path: message}, and
 * {@code ok: FILE (N nodes, M links, K flows)} to stdout for each good file; exit 0 when all are
 * good, 2 otherwise.
 */
@Command(name = "validate", description = "Check scenario files without simulating; print every"
        + " problem as file:line:col: path: message.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of"
            + " every file, e.g. --set network.nodes.DOS.quota=14/day (repeatable).")
    List<String> setOverrides = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allGood = true;
        for (Path file : files) {
            Optional<Scenario> scenario = ScenarioInput.load(file, setOverrides, err);
            if (scenario.isEmpty()) {
                allGood = false;
                continue;
            }
            ModelSpec model = scenario.get().model();
            out.printf("ok: %s (%d nodes, %d links, %d flows)%n", file,
                    model.network().nodes().size(), model.network().links().size(),
                    model.demand().size());
        }
        out.flush();
        return allGood ? Main.EXIT_OK : Main.EXIT_BAD_INPUT;
    }
}
