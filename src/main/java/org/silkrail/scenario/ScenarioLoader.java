package org.silkrail.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.scenario.YamlNode.Mapping;

/**
 * Reads a scenario file into a {@link Scenario}: YAML with places, {@code extends:} and
 * {@code network:} files merged in ({@link TreeLoader}), {@code --set} overrides applied
 * ({@link Overrides}), the JSON Schema checked ({@link SchemaCheck}), values bound and checked
 * ({@link Binder}), then the network-level rules ({@link NetworkChecks}).
 *
 * <p>Every problem found on the way is collected; if there is any, the load fails once with all
 * of them, sorted by place. Only an unreadable file stops the checks early (its content is not
 * there to check). Stateless and thread-safe.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** Reads FILE from disk (following extends:, network: paths), validates, binds. */
    public static Scenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /**
     * Reads FILE from disk (following {@code extends:}, {@code network:} paths), applies
     * {@code --set} overrides ({@code "a.b.c=value"}), validates, binds.
     *
     * @throws ScenarioException with every problem found, sorted by file, line and column
     */
    public static Scenario load(Path file, List<String> setOverrides) throws ScenarioException {
        List<Diagnostic> problems = new ArrayList<>();
        TreeLoader loader = new TreeLoader(problems);
        Mapping tree = loader.loadScenario(file);
        if (tree == null || loader.incomplete()) {
            throw new ScenarioException(problems);
        }
        return check(tree, file, setOverrides, problems);
    }

    /**
     * Applies the overrides to a tree already read and merged, checks and binds it: every step
     * after the files, shared by {@link TextScenarioLoader}.
     *
     * @param problems the problems found so far (reading the tree); more are added
     */
    static Scenario check(Mapping merged, Path file, List<String> setOverrides,
            List<Diagnostic> problems) throws ScenarioException {
        Mapping tree = Overrides.apply(merged, setOverrides, problems);
        problems.addAll(SchemaCheck.check(tree));
        Binder.Bound bound = new Binder(problems).bind(tree);
        problems.addAll(NetworkChecks.check(tree, bound, problems));
        if (!problems.isEmpty()) {
            throw new ScenarioException(onePerPlace(problems));
        }
        if (bound.model() == null) {
            throw new IllegalStateException("binding failed without a problem: file=" + file);
        }
        return new Scenario(bound.id(), bound.title(), file, Canonical.sha256(tree),
                bound.model());
    }

    /**
     * The first problem found at each place and path: a value the schema rejected may also fail
     * a later check (a number out of range is also too large to bind), and one report is enough.
     */
    private static List<Diagnostic> onePerPlace(List<Diagnostic> problems) {
        List<Diagnostic> kept = new ArrayList<>();
        java.util.Set<String> places = new java.util.HashSet<>();
        for (Diagnostic d : problems) {
            if (places.add(d.file() + ":" + d.line() + ":" + d.column() + ":" + d.path())) {
                kept.add(d);
            }
        }
        return kept;
    }
}
