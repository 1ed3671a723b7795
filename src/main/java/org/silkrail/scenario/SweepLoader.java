package org.silkrail.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.silkrail.network.NearNames;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.ScalarType;
import org.silkrail.scenario.YamlNode.Sequence;

/**
 * Reads a sweep file into a {@link SweepFile}: checks its own keys, loads the base scenario,
 * then loads every variant of the grid — the base with one {@code --set} style override per
 * varied path — so that an unknown path, an unknown id or a value the path does not take is
 * found before anything runs.
 *
 * <p>Problems are placed in the sweep file: a problem with a path at the path's key (column of
 * the offending segment), a problem with a value at that value in its list; a problem that only
 * a combination of values causes is placed where the base scenario has it and names the
 * combination. Every problem is collected, then the load fails once with all of them.
 * Stateless and thread-safe.
 */
public final class SweepLoader {
    /** Grids larger than this are almost certainly a mistake (and would take days to run). */
    static final int MAX_VARIANTS = 10_000;
    private static final List<String> KEYS = List.of("sweep", "title", "base", "replications",
            "seed", "vary", "nodes");

    private SweepLoader() {
    }

    /**
     * Reads and checks FILE and the base scenario it names.
     *
     * @throws ScenarioException with every problem, sorted by file, line and column
     */
    public static SweepFile load(Path file) throws ScenarioException {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = readRoot(file, problems);
        if (root == null) {
            throw new ScenarioException(problems);
        }
        for (Entry e : root.entries().values()) {
            if (!KEYS.contains(e.key())) {
                String near = NearNames.didYouMean(e.key(), KEYS);
                problems.add(Diagnostic.at(e.keyAt(), e.key(), "unknown key '" + e.key() + "'"
                        + (near.isEmpty() ? "; allowed keys: " + String.join(", ", KEYS) : near)));
            }
        }
        String name = requiredText(root, "sweep", "a sweep id like caspian-fleet", problems);
        String baseName = requiredText(root, "base", "a scenario file like ../titr-expanded.yaml",
                problems);
        Long replications = optionalInteger(root, "replications", 1, problems);
        if (replications != null && replications > RunSize.MAX_REPLICATIONS) {
            problems.add(Diagnostic.at(root.entries().get("replications").value().at(),
                    "replications", "at most " + RunSize.MAX_REPLICATIONS + " replications, got "
                    + replications));
            replications = null;
        }
        Long seed = optionalInteger(root, "seed", Long.MIN_VALUE, problems);
        List<Parameter> grid = readVary(root, problems);
        List<Scalar> nodeItems = readNodes(root, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }

        Scalar baseScalar = (Scalar) root.get("base");
        Path base = TextFiles.sibling(file, baseName, baseScalar.at(), "base", problems);
        if (base == null) {
            throw new ScenarioException(problems);
        }
        if (!Files.isRegularFile(base)) {
            problems.add(Diagnostic.at(baseScalar.at(), "base", "no such scenario file: " + base
                    + " (paths are relative to the sweep file's directory)"));
            throw new ScenarioException(problems);
        }
        ScenarioContent content = ScenarioContent.read(base);
        Scenario baseScenario = ScenarioLoader.load(base);

        Map<String, ?> nodes = baseScenario.model().network().nodes();
        List<String> keyNodes = new ArrayList<>();
        for (Scalar item : nodeItems) {
            if (!nodes.containsKey(item.text())) {
                problems.add(Diagnostic.at(item.at(), "nodes", NearNames.unknown("node",
                        item.text(), nodes.keySet())));
            }
            keyNodes.add(item.text());
        }

        long count = 1;
        for (Parameter p : grid) {
            count *= p.values.size();
        }
        if (count > MAX_VARIANTS) {
            problems.add(Diagnostic.at(root.entries().get("vary").keyAt(), "vary", "the grid has "
                    + count + " variants; at most " + MAX_VARIANTS + " are allowed"));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }

        List<SweepFile.Variant> variants = new ArrayList<>();
        List<int[]> choices = new ArrayList<>();
        int[] choice = new int[grid.size()];
        for (int v = 0; v < count; v++) {
            List<String> values = new ArrayList<>();
            List<String> overrides = new ArrayList<>();
            for (int i = 0; i < grid.size(); i++) {
                YamlNode value = grid.get(i).values.get(choice[i]);
                values.add(value instanceof Scalar s ? s.text() : display(value));
                overrides.add(grid.get(i).path + "=" + ScenarioContent.flowText(value));
            }
            variants.add(new SweepFile.Variant(values, overrides));
            choices.add(choice.clone());
            for (int i = grid.size() - 1; i >= 0; i--) {
                if (++choice[i] < grid.get(i).values.size()) {
                    break;
                }
                choice[i] = 0;
            }
        }
        // Loading a variant of the Eurasian network takes a few tenths of a second: check them
        // on all cores (the loader is stateless), collecting problems in variant order.
        List<List<Diagnostic>> found = IntStream.range(0, variants.size()).parallel()
                .mapToObj(v -> {
                    SweepFile.Variant variant = variants.get(v);
                    List<Diagnostic> placed = new ArrayList<>();
                    try {
                        // from the files, so that a problem in a base value points into its file
                        ScenarioLoader.load(base, variant.overrides());
                    } catch (ScenarioException e) {
                        for (Diagnostic d : e.diagnostics()) {
                            placed.add(place(d, grid, choices.get(v), variant.values()));
                        }
                    }
                    return placed;
                }).toList();
        Set<Diagnostic> variantProblems = new LinkedHashSet<>();
        found.forEach(variantProblems::addAll);
        if (!variantProblems.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(variantProblems));
        }
        List<String> parameters = grid.stream().map(p -> p.path).toList();
        return new SweepFile(file, name, base, content, baseScenario,
                replications != null ? replications.intValue()
                        : baseScenario.model().run().replications(),
                seed != null ? seed : baseScenario.model().run().seed(), parameters, variants,
                keyNodes);
    }

    /**
     * A map or list value for columns and tables, close to how it is written:
     * {@code {via: [BAK]}}; a string is quoted only when it holds more than letters, digits
     * and {@code _ . / ( ) % + -}.
     */
    static String display(YamlNode value) {
        if (value instanceof Mapping m) {
            List<String> parts = new ArrayList<>();
            for (Entry e : m.entries().values()) {
                parts.add(bare(e.key()) + ": " + display(e.value()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof Sequence list) {
            List<String> parts = new ArrayList<>();
            for (YamlNode item : list.items()) {
                parts.add(display(item));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        Scalar s = (Scalar) value;
        return s.type() == ScalarType.STRING ? bare(s.text()) : ScenarioContent.flowText(s);
    }

    private static String bare(String text) {
        return text.matches("[A-Za-z0-9_./()%+-]+") ? text : ScenarioContent.flowText(
                new Scalar(Source.wholeFile(Overrides.SET_FILE), ScalarType.STRING, text));
    }

    /** A varied path: where its key is written, and its values as written. */
    private record Parameter(String path, Source keyAt, List<YamlNode> values) {
    }

    /**
     * Moves a problem of a variant into the sweep file: a {@code --set} problem of override
     * {@code i} to parameter i's key (path problems, at the segment's column) or to the chosen
     * value; any other problem stays where it is, naming the combination that causes it.
     */
    private static Diagnostic place(Diagnostic d, List<Parameter> grid, int[] choice,
            List<String> values) {
        if (d.file().equals(Overrides.SET_FILE) && d.line() >= 1 && d.line() <= grid.size()) {
            Parameter p = grid.get(d.line() - 1);
            if (d.column() >= 1 && d.column() <= p.path.length()) {
                return new Diagnostic(p.keyAt.file(), p.keyAt.line(),
                        p.keyAt.column() + d.column() - 1, d.path(), d.message());
            }
            Source at = p.values.get(choice[d.line() - 1]).at();
            return new Diagnostic(at.file(), at.line(), at.column(), d.path(), d.message());
        }
        List<String> combination = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            combination.add(grid.get(i).path + "=" + values.get(i));
        }
        return new Diagnostic(d.file(), d.line(), d.column(), d.path(), "with "
                + String.join(", ", combination) + ": " + d.message());
    }

    private static Mapping readRoot(Path file, List<Diagnostic> problems) {
        String text = TextFiles.read(file, null, "", problems);
        if (text == null) {
            return null;
        }
        YamlNode root = YamlReader.read(file, text, problems);
        if (root == null) {
            return null;
        }
        if (!(root instanceof Mapping m)) {
            problems.add(Diagnostic.at(root.at(), "", "expected a map of keys like sweep:, base:,"
                    + " replications: and vary:, got " + TreeLoader.kindOf(root)));
            return null;
        }
        return m;
    }

    private static String requiredText(Mapping root, String key, String expected,
            List<Diagnostic> problems) {
        Entry e = root.entries().get(key);
        if (e == null) {
            problems.add(Diagnostic.at(root.at(), key, "missing " + key + ": (" + expected
                    + ")"));
            return null;
        }
        if (!(e.value() instanceof Scalar s) || s.type() != ScalarType.STRING
                || s.text().isBlank()) {
            problems.add(Diagnostic.at(e.value().at(), key, "expected " + expected + ", got "
                    + e.value().describe()));
            return null;
        }
        return s.text();
    }

    private static Long optionalInteger(Mapping root, String key, long min,
            List<Diagnostic> problems) {
        Entry e = root.entries().get(key);
        if (e == null) {
            return null;
        }
        String expected = min == 1 ? "a whole number of at least 1" : "a whole number";
        if (e.value() instanceof Scalar s && s.type() == ScalarType.INTEGER) {
            try {
                long value = Long.parseLong(s.text());
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException ex) {
                // reported below
            }
        }
        problems.add(Diagnostic.at(e.value().at(), key, "expected " + expected + ", got "
                + e.value().describe()));
        return null;
    }

    private static List<Parameter> readVary(Mapping root, List<Diagnostic> problems) {
        Entry vary = root.entries().get("vary");
        List<Parameter> grid = new ArrayList<>();
        if (vary == null) {
            problems.add(Diagnostic.at(root.at(), "vary", "missing vary: (a map from scenario"
                    + " paths to lists of values, like network.nodes.DOS.servers: [4, 5, 6])"));
            return grid;
        }
        if (!(vary.value() instanceof Mapping map) || map.entries().isEmpty()) {
            problems.add(Diagnostic.at(vary.value().at(), "vary", "empty grid: expected a map"
                    + " from scenario paths to lists of values, like network.nodes.DOS.servers:"
                    + " [4, 5, 6], got " + vary.value().describe()));
            return grid;
        }
        for (Entry e : map.entries().values()) {
            String path = "vary." + e.key();
            if (!(e.value() instanceof Sequence list)) {
                problems.add(Diagnostic.at(e.value().at(), path, "expected a list of values like"
                        + " [4, 5, 6], got " + e.value().describe()));
                continue;
            }
            if (list.items().isEmpty()) {
                problems.add(Diagnostic.at(list.at(), path, "empty grid: give at least one"
                        + " value"));
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (YamlNode item : list.items()) {
                if (!seen.add(ScenarioContent.flowText(item))) {
                    problems.add(Diagnostic.at(item.at(), path, "value "
                            + item.describe() + " is listed twice"));
                }
            }
            grid.add(new Parameter(e.key(), e.keyAt(), list.items()));
        }
        return grid;
    }

    private static List<Scalar> readNodes(Mapping root, List<Diagnostic> problems) {
        Entry e = root.entries().get("nodes");
        List<Scalar> ids = new ArrayList<>();
        if (e == null) {
            return ids;
        }
        if (!(e.value() instanceof Sequence list)) {
            problems.add(Diagnostic.at(e.value().at(), "nodes", "expected a list of node ids"
                    + " like [DOS, ALT, AKU], got " + e.value().describe()));
            return ids;
        }
        for (YamlNode item : list.items()) {
            if (item instanceof Scalar s && s.type() == ScalarType.STRING) {
                ids.add(s);
            } else {
                problems.add(Diagnostic.at(item.at(), "nodes", "expected a node id, got "
                        + item.describe()));
            }
        }
        return ids;
    }
}
