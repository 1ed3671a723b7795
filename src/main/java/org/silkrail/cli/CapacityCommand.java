package org.silkrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.silkrail.experiment.CapacitySearch;
import org.silkrail.experiment.Stat;
import org.silkrail.network.NodeSpec;
import org.silkrail.report.CapacityJsonWriter;
import org.silkrail.report.Numbers;
import org.silkrail.scenario.RunSize;
import org.silkrail.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail capacity SCENARIO}: searches the largest {@code demand_scale} at which the
 * network stays stable ({@code CapacitySearch}), prints it with its 95 % interval and the
 * bottleneck, and writes {@code capacity.json} atomically. Progress goes to stderr.
 *
 * <p>Exit codes: 0 done; 2 bad input (scenario problems as {@code file:line:col: path:
 * message}, or bad arguments); 1 internal failure.
 */
@Command(name = "capacity", description = "Find the largest demand_scale the network sustains,"
        + " with its 95 %% interval and the bottleneck (each replication searched on its own;"
        + " the search sets demand_scale itself); writes capacity.json.")
final class CapacityCommand implements Callable<Integer> {
    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default out/capacity-<scenario id>/).")
    Path out;

    @Mixin
    RunOptions options;

    @Option(names = "--tolerance", paramLabel = "X", description = "Relative width at which"
            + " each replication's bisection stops (default 0.01).")
    double tolerance = 0.01;

    @Option(names = "--start", paramLabel = "SCALE",
            description = "First demand_scale tried (default 1).")
    double start = 1;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String badNumber = options.problem(2, " for an interval");
        if (badNumber != null) {
            return badArgument(err, badNumber);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            return badArgument(err, "--tolerance must lie between 0 and 1, like 0.01, got "
                    + tolerance);
        }
        if (!(start > 0) || !Double.isFinite(start)) {
            return badArgument(err, "--start must be a number above 0, like 1, got " + start);
        }
        // the search sets the scale itself: load the demand as written
        List<String> overrides = new ArrayList<>(options.setOverrides);
        overrides.add("demand_scale=1");
        Optional<Scenario> loaded = ScenarioInput.load(scenarioFile, overrides, err);
        if (loaded.isEmpty()) {
            return Main.EXIT_BAD_INPUT;
        }
        Scenario scenario = loaded.get();
        Path dir = out != null ? out : Path.of("out", "capacity-" + scenario.id());
        int runs = options.replications(scenario);
        if (runs < 2) {
            return badArgument(err, "the scenario has " + runs + " replication; give"
                    + " --replications 2 or more for an interval");
        }
        RunSize.Problem tooLarge = RunSize.check(scenario.model(), runs);
        if (tooLarge != null) {
            return badArgument(err, options.replicationsPrefix(runs) + tooLarge.message());
        }
        double trainsAtStart = start * RunSize.trainsPerReplication(scenario.model());
        if (trainsAtStart > RunSize.MAX_TRAINS_PER_REPLICATION) {
            return badArgument(err, String.format(Locale.ROOT, "--start %s: at that scale the"
                    + " demand generates about %.3g trains per replication; a replication may"
                    + " generate at most %d, which are held in memory (largest start here: %s)",
                    Numbers.format(start), trainsAtStart, RunSize.MAX_TRAINS_PER_REPLICATION,
                    Numbers.format(RunSize.MAX_TRAINS_PER_REPLICATION
                            / RunSize.trainsPerReplication(scenario.model()))));
        }
        String unwritable = OutputFolder.problem(dir);
        if (unwritable != null) {
            return badArgument(err, "--out " + dir + ": " + unwritable);
        }
        try {
            OutputManifest.claim(dir, "capacity", List.of(CapacityJsonWriter.FILE_NAME)).commit();
        } catch (OutputManifest.Refused e) {
            return badArgument(err, "--out " + dir + ": " + e.getMessage());
        }
        CapacitySearch.Request request = new CapacitySearch.Request(options.request(scenario,
                runs), start, tolerance);

        CapacitySearch.Result result;
        int threadsUsed = Math.min(request.run().threads(), runs);
        try (ProgressDisplay progress = ProgressDisplay.start("capacity " + scenario.id(),
                (long) runs * CapacitySearch.typicalTrials(tolerance), 0, "simulations",
                "(about; " + runs + " replications searched on " + threadsUsed + " thread"
                        + (threadsUsed == 1 ? "" : "s") + ")", err)) {
            result = CapacitySearch.run(request, Main.version(),
                    (r, scale, stable, done) -> progress.step());
        }
        Path file;
        try {
            file = CapacityJsonWriter.write(result, dir);
        } catch (IOException e) {
            err.println("silkrail capacity: cannot write " + dir + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_INTERNAL;
        }
        print(result, scenario, stdout);
        stdout.println();
        stdout.println("Wrote:");
        stdout.println("  " + file);
        stdout.flush();
        return Main.EXIT_OK;
    }

    private static void print(CapacitySearch.Result result, Scenario scenario, PrintWriter out) {
        Stat s = result.demandScale();
        out.println(scenario.id() + (scenario.title() == null ? "" : " — " + scenario.title()));
        out.printf(Locale.ROOT, "%d replications, seed %d, %s days simulated of which %s"
                + " warm-up; each replication searched to %s %% under common random numbers%n",
                result.request().run().replications(), result.request().run().seed(),
                Numbers.format(result.horizonDays()), Numbers.format(result.warmupDays()),
                Numbers.format(100 * result.request().tolerance()));
        out.println();
        out.printf(Locale.ROOT, "  largest stable demand_scale  %s  95 %% CI [%s, %s]%n",
                fixed(s.mean()), fixed(s.ci95Low()), fixed(s.ci95High()));
        if (result.bottleneck() == null) {
            out.println("  bottleneck                   none found (stable up to the search"
                    + " limit)");
        } else {
            String name = "";
            NodeSpec node = scenario.model().network().nodes().get(result.bottleneck());
            if (!result.bottleneckIsLink() && node != null && !node.name().equals(node.id())) {
                name = " (" + node.name() + ")";
            }
            out.printf(Locale.ROOT, "  bottleneck                   %s %s%s, named by %d of %d"
                    + " replications%n", result.bottleneckIsLink() ? "link" : "node",
                    result.bottleneck(), name, result.bottleneckVotes().get(result.bottleneck()),
                    result.request().run().replications());
            if (result.bottleneckVotes().size() > 1) {
                List<String> others = new ArrayList<>();
                result.bottleneckVotes().forEach((id, n) -> others.add(id + " " + n));
                out.println("  named by replications        " + String.join(", ", others));
            }
        }
        List<String> each = new ArrayList<>();
        for (CapacitySearch.ReplicationSearch r : result.replications()) {
            each.add(fixed(r.demandScale()));
        }
        out.println("  per replication              " + String.join(" ", each));
    }

    private static String fixed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "—";
    }

    private static int badArgument(PrintWriter err, String message) {
        err.println("silkrail capacity: " + message);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
