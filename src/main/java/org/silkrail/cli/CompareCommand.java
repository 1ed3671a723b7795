package org.silkrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.silkrail.experiment.Comparison;
import org.silkrail.experiment.PairedDifference;
import org.silkrail.experiment.Replications;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.ScenarioRun;
import org.silkrail.experiment.Stat;
import org.silkrail.format.Json;
import org.silkrail.report.AtomicFiles;
import org.silkrail.report.Numbers;
import org.silkrail.report.ReportWriters;
import org.silkrail.report.html.ComparePage;
import org.silkrail.report.html.HtmlReportWriter;
import org.silkrail.scenario.RunSize;
import org.silkrail.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code silkrail compare BASE OPTION…}: runs the base and every option with the same seed and
 * replications — common random numbers — and prints each option's difference to the base for
 * the main metrics, with paired 95 % intervals and a {@code *} where the interval excludes
 * zero. Writes {@code DIR/comparison.json} (PRODUCT.md §4) and each run's results into
 * {@code DIR/<scenario id>/}.
 *
 * <p>Exit codes: 0 done; 2 bad input (scenario problems as {@code file:line:col: path:
 * message}, bad arguments); 1 internal failure.
 */
@Command(name = "compare", description = "Run a base scenario and options with common random"
        + " numbers; print and write paired differences with 95 %% confidence intervals.")
final class CompareCommand implements Callable<Integer> {
    static final String FILE_NAME = "comparison.json";


    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "Base scenario file (YAML).")
    Path baseFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "OPTION",
            description = "Option scenario files (YAML).")
    List<Path> optionFiles = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default out/compare-<base id>/).")
    Path out;

    @Option(names = "--replications", paramLabel = "N",
            description = "Replications of every run (default: the base's).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S",
            description = "Root seed of every run (default: the base's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value in"
            + " every scenario, e.g. --set horizon=120d (repeatable).")
    List<String> setOverrides = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replications != null && replications < 1) {
            return badArgument(err, "--replications must be at least 1, got " + replications);
        }
        if (threads != null && threads < 1) {
            return badArgument(err, "--threads must be at least 1, got " + threads);
        }
        List<Path> files = new ArrayList<>();
        files.add(baseFile);
        files.addAll(optionFiles);
        List<Scenario> scenarios = new ArrayList<>();
        boolean bad = false;
        for (Path f : files) {
            Optional<Scenario> s = ScenarioInput.load(f, setOverrides, err);
            bad |= s.isEmpty();
            s.ifPresent(scenarios::add);
        }
        if (bad) {
            return Main.EXIT_BAD_INPUT;
        }
        Scenario base = scenarios.get(0);
        Path dir = out != null ? out : Path.of("out", "compare-" + base.id());
        String unwritable = OutputFolder.problem(dir);
        if (unwritable != null) {
            return badArgument(err, "--out " + dir + ": " + unwritable);
        }
        int runs = replications != null ? replications : base.model().run().replications();
        for (Scenario s : scenarios) {
            RunSize.Problem tooLarge = RunSize.check(s.model(), runs);
            if (tooLarge != null) {
                return badArgument(err, s.file() + ": " + (replications != null
                        ? "--replications " + runs + ": " : "") + tooLarge.message());
            }
        }
        long rootSeed = seed != null ? seed : base.model().run().seed();
        int workers = threads != null ? threads : Replications.defaultThreads();
        List<String> keys = uniqueKeys(scenarios);
        List<String> outputs = new ArrayList<>(List.of(FILE_NAME, HtmlReportWriter.FILE_NAME));
        for (String key : keys) {
            OutputManifest.runFiles().forEach(name -> outputs.add(key + "/" + name));
        }
        try {
            OutputManifest.claim(dir, "compare", outputs).commit();
        } catch (OutputManifest.Refused e) {
            return badArgument(err, "--out " + dir + ": " + e.getMessage());
        }

        List<RunResults> results = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try (ProgressDisplay progress = ProgressDisplay.start("compare " + String.join(" ", keys),
                (long) runs * scenarios.size(), 0, "replications", "on " + workers + " thread"
                        + (workers == 1 ? "" : "s") + ", seed " + rootSeed, err)) {
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                RunResults r = ScenarioRun.run(new ScenarioRun.Request(s.id(), s.title(),
                        s.inputSha256(), s.model(), runs, rootSeed, workers), Main.version(),
                        (replication, done, total) -> progress.step());
                results.add(r);
                written.add(dir.resolve(keys.get(i)));
                ReportWriters.writeAll(HtmlReportWriter.runFiles(s.model().network()), r,
                        dir.resolve(keys.get(i)));
            }
        } catch (IOException e) {
            err.println("silkrail compare: cannot write " + dir + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_INTERNAL;
        }
        Map<String, RunResults> options = new LinkedHashMap<>();
        for (int i = 1; i < results.size(); i++) {
            options.put(keys.get(i), results.get(i));
        }
        Comparison comparison = Comparison.of(results.get(0), options);
        Path json = dir.resolve(FILE_NAME);
        AtomicFiles.write(json, (Json.pretty()
                .writeValueAsString(toJson(keys.get(0), comparison)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Path report = dir.resolve(HtmlReportWriter.FILE_NAME);
        AtomicFiles.write(report, ComparePage.of(toJson(keys.get(0), comparison), keys,
                results)::writeTo);

        stdout.print(table(keys.get(0), comparison));
        stdout.println();
        stdout.println("Wrote:");
        stdout.println("  " + json);
        for (Path p : written) {
            stdout.println("  " + p.resolve("results.json"));
        }
        stdout.println("  " + report);
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** Scenario ids, with {@code -2}, {@code -3} … added where an id repeats. */
    static List<String> uniqueKeys(List<Scenario> scenarios) {
        List<String> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Scenario s : scenarios) {
            String key = s.id();
            for (int n = 2; !used.add(key); n++) {
                key = s.id() + "-" + n;
            }
            keys.add(key);
        }
        return keys;
    }

    /** comparison.json as PRODUCT.md §4 gives it; NaN (no interval) is {@code null}. */
    static ObjectNode toJson(String baseKey, Comparison comparison) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("base", baseKey);
        ObjectNode options = root.putObject("options");
        comparison.differences().forEach((option, metrics) -> {
            ObjectNode o = options.putObject(option);
            metrics.forEach((path, d) -> {
                ObjectNode m = o.putObject(path);
                number(m, "base_mean", d.baseMean());
                number(m, "option_mean", d.optionMean());
                number(m, "diff_mean", d.diffMean());
                number(m, "diff_ci95_low", d.diffCi95Low());
                number(m, "diff_ci95_high", d.diffCi95High());
                m.put("n", d.n());
            });
        });
        return root;
    }

    private static void number(ObjectNode node, String key, double value) {
        var decimal = Numbers.decimal(value);
        if (decimal == null) {
            node.putNull(key);
        } else {
            node.put(key, decimal);
        }
    }

    /** One block per option: the main metrics' base, option, difference and its interval. */
    static String table(String baseKey, Comparison comparison) {
        StringBuilder sb = new StringBuilder();
        int n = comparison.base().replications().size();
        for (Map.Entry<String, Map<String, PairedDifference>> e
                : comparison.differences().entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (String path : comparison.mainMetrics()) {
                PairedDifference d = e.getValue().get(path);
                if (d == null) {
                    continue;
                }
                rows.add(List.of(path, number(d.baseMean()), number(d.optionMean()),
                        signed(d.diffMean()), "[" + signed(d.diffCi95Low()) + ", "
                                + signed(d.diffCi95High()) + "]", d.excludesZero() ? "*" : ""));
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(columns(e.getKey() + " − " + baseKey + ": paired differences over " + n
                    + " replications with common random numbers (* = 95 % interval excludes 0)",
                    List.of("metric", baseKey, e.getKey(), "difference", "95 % CI", ""), rows));
        }
        return sb.toString();
    }

    /** {@code 912,345 ± 4,567}: mean and half-width of the 95 % interval. */
    static String meanPlusMinus(Stat s) {
        return number(s.mean()) + " ± " + number(s.halfWidth());
    }

    /** Four significant digits or the whole number, grouped; {@code –} for NaN. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        String s = number(v);
        return Double.isFinite(v) && v >= 0 ? "+" + s : s;
    }

    /** A title line and a table: first column left-aligned, the others right-aligned. */
    static String columns(String title, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder(title).append('\n');
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(' ').append(i == 0 ? cell + pad : pad + cell).append(' ');
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static int badArgument(PrintWriter err, String message) {
        err.println("silkrail compare: " + message);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
