package org.silkrail.scenario;

import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.Sequence;

/**
 * A scenario as one self-contained text: its files merged into a single tree ({@code extends:}
 * and {@code network:} files resolved) and written as one YAML flow document. A process that
 * has none of the scenario's files — a cluster worker — loads it, with {@code --set} style
 * overrides, to the same {@link Scenario} (same model, same {@code inputSha256}) as
 * {@link ScenarioLoader} gives from the files.
 *
 * <p>Invariants: keys keep their order of declaration (node and flow order decide the model's
 * indices, hence the order of simultaneous events); every scalar keeps its text and YAML type
 * (a quoted {@code "6"} stays a string). Immutable, {@link Serializable} (a name and a string),
 * and safe to share between threads; {@link #load} is stateless.
 *
 * <pre>{@code
 * ScenarioContent base = ScenarioContent.read(Path.of("scenarios/titr-expanded.yaml"));
 * Scenario variant = base.load(List.of("network.links.AKU-ALAT.vessels=9"));
 * }</pre>
 */
public final class ScenarioContent implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String text;

    private ScenarioContent(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * Reads a scenario file and everything it names, without overrides, and checks that it
     * loads.
     *
     * @throws ScenarioException with every problem of the files, as {@link ScenarioLoader} finds
     *     them
     */
    public static ScenarioContent read(Path file) throws ScenarioException {
        ScenarioLoader.load(file);
        List<Diagnostic> problems = new ArrayList<>();
        TreeLoader loader = new TreeLoader(problems);
        Mapping tree = loader.loadScenario(file);
        if (tree == null || loader.incomplete() || !problems.isEmpty()) {
            throw new ScenarioException(problems.isEmpty() ? List.of(Diagnostic.at(
                    Source.wholeFile(file), "", "cannot read the scenario")) : problems);
        }
        StringBuilder sb = new StringBuilder();
        write(tree, sb);
        return new ScenarioContent(file.toString(), sb.append('\n').toString());
    }

    /** Content received from elsewhere (a cluster member), as {@link #text} gave it. */
    public static ScenarioContent of(String name, String text) {
        return new ScenarioContent(name, text);
    }

    /** The scenario file's name as the user gave it; diagnostics name it. */
    public String name() {
        return name;
    }

    /** The merged tree as one YAML flow document. */
    public String text() {
        return text;
    }

    /**
     * The scenario with {@code --set} style overrides ({@code "network.nodes.DOS.quota=14/day"})
     * applied, checked and bound, exactly as {@link ScenarioLoader#load(Path, List)} does, from
     * the text alone ({@link TextScenarioLoader}: no file is opened).
     *
     * @throws ScenarioException with every problem; problems of an override are placed in the
     *     pseudo-file {@code --set}, line = the override's 1-based position in the list, column
     *     inside {@code PATH=VALUE}
     */
    public Scenario load(List<String> overrides) throws ScenarioException {
        // from memory, never through a file: the text may come from another process, and a
        // network: or extends: naming a file is refused there instead of read
        return TextScenarioLoader.load(name, text, overrides);
    }

    /** YAML flow text of a value: maps and lists in brackets, strings double-quoted. */
    static String flowText(YamlNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(YamlNode node, StringBuilder sb) {
        if (node instanceof Mapping m) {
            sb.append('{');
            String separator = "";
            for (Entry e : m.entries().values()) {
                sb.append(separator);
                quote(e.key(), sb);
                sb.append(": ");
                write(e.value(), sb);
                separator = ", ";
            }
            sb.append('}');
        } else if (node instanceof Sequence s) {
            sb.append('[');
            String separator = "";
            for (YamlNode item : s.items()) {
                sb.append(separator);
                write(item, sb);
                separator = ", ";
            }
            sb.append(']');
        } else {
            Scalar scalar = (Scalar) node;
            switch (scalar.type()) {
                case NULL -> sb.append("null");
                case STRING -> quote(scalar.text(), sb);
                // numbers and booleans as written, so that they read back with the same type
                default -> sb.append(scalar.text());
            }
        }
    }

    /** A YAML double-quoted scalar: backslash escapes for quote, backslash and controls. */
    private static void quote(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioContent other && name.equals(other.name)
                && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "ScenarioContent[name=" + name + ", chars=" + text.length() + "]";
    }
}
