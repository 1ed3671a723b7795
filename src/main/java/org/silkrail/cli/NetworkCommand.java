package org.silkrail.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.silkrail.network.Network;
import org.silkrail.network.NetworkExport;
import org.silkrail.network.NetworkProblem;
import org.silkrail.scenario.Diagnostic;
import org.silkrail.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail network SCENARIO [--format text|dot|graphml|geojson]}: prints the scenario's
 * network to stdout — as text (nodes, links, named routes with their lengths in km and expected
 * days), as Graphviz DOT, as GraphML, or as GeoJSON for a map viewer. A scenario with problems
 * prints them to stderr as {@code file:line:col: path: message} and exits 2.
 */
@Command(name = "network", description = "Print or export the network, its routes and their"
        + " lengths.")
final class NetworkCommand implements Callable<Integer> {
    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), dot, graphml or geojson.")
    String format;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario"
            + " value, e.g. --set network.links.AKU-ALAT.vessels=8 (repeatable).")
    List<String> setOverrides = new ArrayList<>();

    @Override
    public Integer call() {
        NetworkExport.Format exportFormat = parseFormat();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Scenario> scenario = ScenarioInput.load(file, setOverrides, err);
        if (scenario.isEmpty()) {
            return Main.EXIT_BAD_INPUT;
        }
        Network network = Network.build(scenario.get().model().network());
        if (!network.isValid()) {
            // The loader runs these checks with places; this is the fallback without them.
            for (NetworkProblem p : network.problems()) {
                err.println(new Diagnostic(file, 0, 0, "network." + p.path(), p.message())
                        .format());
            }
            err.flush();
            return Main.EXIT_BAD_INPUT;
        }
        NetworkExport.write(network.compile(), exportFormat, out);
        out.flush();
        return Main.EXIT_OK;
    }

    private NetworkExport.Format parseFormat() {
        try {
            return NetworkExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format must be text, dot,"
                    + " graphml or geojson, got '" + format + "'");
        }
    }
}
