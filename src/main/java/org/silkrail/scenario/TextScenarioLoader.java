package org.silkrail.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;

/**
 * Loads a scenario from text in memory, never from a file: for content another process sent (a
 * sweep plan on a cluster worker). The text must be one self-contained document, as
 * {@link ScenarioContent#text()} writes it — the network inline, no base. A {@code network:} or
 * {@code extends:} that names a file is refused, not followed, so no content can make this
 * process open a file; the refusal quotes at most an {@link Excerpt} of the name.
 * The checks after reading are {@link ScenarioLoader}'s own.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextScenarioLoader {
    /** Longest content name used as the place in diagnostics; a longer one is replaced. */
    private static final int MAX_NAME_CHARS = 200;
    private static final Path UNNAMED = Path.of("received-scenario");

    private TextScenarioLoader() {
    }

    /**
     * The scenario of {@code text} with {@code --set} style overrides applied, checked and
     * bound as {@link ScenarioLoader#load(Path, List)} would do it.
     *
     * @param name the content's name, printed as the file in diagnostics and kept as
     *     {@link Scenario#file()}; never opened
     * @throws ScenarioException with every problem, among them a {@code network:} or
     *     {@code extends:} naming a file
     */
    public static Scenario load(String name, String text, List<String> overrides)
            throws ScenarioException {
        Path label = label(name);
        List<Diagnostic> problems = new ArrayList<>();
        YamlNode root = YamlReader.read(label, text, problems);
        if (root == null) {
            throw new ScenarioException(problems);
        }
        if (!(root instanceof Mapping tree)) {
            problems.add(Diagnostic.at(root.at(), "", "expected a map of keys like scenario:,"
                    + " network: and demand:, got " + describe(root)));
            throw new ScenarioException(problems);
        }
        refuseFileNames(tree, "", problems);
        if (tree.get("network") instanceof Mapping network) {
            refuseFileNames(network, "network", problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return ScenarioLoader.check(tree, label, overrides, problems);
    }

    /** Refuses, in {@code map} at {@code path}, what {@link TreeLoader} would read as a file. */
    private static void refuseFileNames(Mapping map, String path, List<Diagnostic> problems) {
        Entry base = map.entries().get("extends");
        if (base != null) {
            problems.add(Diagnostic.at(base.keyAt(), TreePaths.child(path, "extends"),
                    "a scenario received from another process cannot extend a file (got "
                    + describe(base.value()) + "): it must be self-contained, as"
                    + " the sweep command sends it; the file is not read"));
        }
        Entry network = map.entries().get("network");
        if (path.isEmpty() && network != null && network.value() instanceof Scalar s
                && s.type() == YamlNode.ScalarType.STRING) {
            problems.add(Diagnostic.at(s.at(), "network", "a scenario received from another"
                    + " process cannot name a network file (got " + describe(s)
                    + "): it must hold the network inline, as the sweep command sends it; the"
                    + " file is not read"));
        }
    }

    /** A value for a message: a scalar as a short escaped excerpt, a map or list by kind. */
    private static String describe(YamlNode node) {
        return node instanceof Scalar s && s.type() == YamlNode.ScalarType.STRING
                ? Excerpt.quote(s.text()) : Excerpt.of(node.describe());
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }

    /** The name as a place for diagnostics; a name that is no usable path is replaced. */
    private static Path label(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS
                || name.chars().anyMatch(c -> isControl((char) c))) {
            return UNNAMED;
        }
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            return UNNAMED;
        }
    }
}
