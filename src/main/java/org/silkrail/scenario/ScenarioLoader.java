package org.silkrail.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;

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
        tree = Overrides.apply(tree, setOverrides, problems);
        problems.addAll(SchemaCheck.check(tree));
        Binder.Bound bound = new Binder(problems).bind(tree);
        if (bound.model() != null) {
            for (NetworkChecks.Problem p : NetworkChecks.check(bound.model().network())) {
                String path = TreePaths.child("network", p.path());
                problems.add(Diagnostic.at(locate(tree, path), path, p.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(bound.id(), bound.title(), file, Canonical.sha256(tree),
                bound.model());
    }

    /**
     * The place of a dotted path in the tree: a scalar's own place, else the key of the deepest
     * entry the path reaches.
     */
    static Source locate(Mapping root, String path) {
        Source at = root.at();
        YamlNode node = root;
        for (String segment : path.split("\\.")) {
            if (!(node instanceof Mapping m) || !m.entries().containsKey(segment)) {
                break;
            }
            Entry entry = m.entries().get(segment);
            at = entry.keyAt();
            node = entry.value();
        }
        return node instanceof Scalar s ? s.at() : at;
    }
}
