package org.silkrail.cli;

import java.util.ArrayList;
import java.util.List;
import org.silkrail.experiment.Replications;
import org.silkrail.experiment.ScenarioRun;
import org.silkrail.scenario.Scenario;
import picocli.CommandLine.Option;

/**
 * The options of a command that runs one scenario's replications ({@code run},
 * {@code capacity}): {@code --replications}, {@code --seed}, {@code --threads} and
 * {@code --set}, declared once as a picocli mixin, with their checks and defaults.
 */
final class RunOptions {
    @Option(names = "--replications", paramLabel = "N",
            description = "Replications (default: the scenario's).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Root seed (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario"
            + " value, e.g. --set network.nodes.DOS.quota=14/day (repeatable).")
    List<String> setOverrides = new ArrayList<>();

    /**
     * What is wrong with the numbers given, or {@code null}: {@code --replications} below
     * {@code minReplications} ({@code why} says what needs that many), {@code --threads} below 1.
     */
    String problem(int minReplications, String why) {
        if (replications != null && replications < minReplications) {
            return "--replications must be at least " + minReplications + why + ", got "
                    + replications;
        }
        if (threads != null && threads < 1) {
            return "--threads must be at least 1, got " + threads;
        }
        return null;
    }

    /** {@code --replications}, or the scenario's. */
    int replications(Scenario scenario) {
        return replications != null ? replications : scenario.model().run().replications();
    }

    /** {@code "--replications N: "} before a message about the count, if it came from there. */
    String replicationsPrefix(int runs) {
        return replications != null ? "--replications " + runs + ": " : "";
    }

    /** {@code --threads}, or every available processor. */
    int threads() {
        return threads != null ? threads : Replications.defaultThreads();
    }

    /** The run these options ask of {@code scenario}: {@code runs} replications. */
    ScenarioRun.Request request(Scenario scenario, int runs) {
        return new ScenarioRun.Request(scenario.id(), scenario.title(), scenario.inputSha256(),
                scenario.model(), runs, seed != null ? seed : scenario.model().run().seed(),
                threads());
    }
}
