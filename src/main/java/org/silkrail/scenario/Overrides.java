package org.silkrail.scenario;

import org.silkrail.network.NearNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.Sequence;
import tools.jackson.databind.JsonNode;

/**
 * Applies {@code --set PATH=VALUE} overrides to a merged scenario tree:
 * {@code network.nodes.DOS.quota=14/day}, {@code replications=5}.
 *
 * <p>PATH is a dotted path. Ids in it (nodes, links, flows …) must exist; other keys must be
 * keys the format knows at that place, and may be absent (then they are added). Both kinds of
 * mistake are reported with the nearest valid names. List items are addressed by their index
 * ({@code network.routes.northern.3}). VALUE is read as YAML (a scalar, or a flow list or map);
 * {@code null} removes the entry. Problems are reported in the pseudo-file {@code --set}, with
 * the override's position among the {@code --set} options as line and the column inside
 * {@code PATH=VALUE}.
 */
final class Overrides {
    static final Path SET_FILE = Path.of("--set");
    /** What an id in each id-keyed map names, for messages. */
    private static final Map<String, String> ID_NOUNS = Map.of("nodes", "node", "links", "link",
            "routes", "route", "demand", "flow", "closures", "closure", "weather", "weather entry",
            "shares", "route");

    private Overrides() {
    }

    /** {@code root} with every override applied in order; problems go to {@code problems}. */
    static Mapping apply(Mapping root, List<String> overrides, List<Diagnostic> problems) {
        Mapping result = root;
        for (int i = 0; i < overrides.size(); i++) {
            result = applyOne(result, overrides.get(i), i + 1, problems);
        }
        return result;
    }

    private static Mapping applyOne(Mapping root, String override, int line,
            List<Diagnostic> problems) {
        int equals = override.indexOf('=');
        if (equals <= 0) {
            problems.add(new Diagnostic(SET_FILE, line, 1, "", "expected PATH=VALUE, like"
                    + " network.nodes.DOS.quota=14/day, got \"" + override + "\""));
            return root;
        }
        String pathText = override.substring(0, equals).strip();
        List<String> segments = List.of(pathText.split("\\.", -1));
        int[] columns = new int[segments.size()];
        int offset = override.indexOf(pathText);
        for (int i = 0; i < segments.size(); i++) {
            columns[i] = offset + 1;
            offset += segments.get(i).length() + 1;
        }
        List<Diagnostic> valueProblems = new ArrayList<>();
        YamlNode value = YamlReader.readValue(SET_FILE, override.substring(equals + 1), line,
                equals + 1, valueProblems);
        problems.addAll(valueProblems);
        if (value == null) {
            return root;
        }
        if (namesAFile(segments, value)) {
            // applied after the files are read, so the file would never be read: the binder
            // would find a file name where it expects the network
            problems.add(new Diagnostic(SET_FILE, line, columns[0], pathText, "--set cannot"
                    + " name a file (got " + Excerpt.quote(override.substring(equals + 1))
                    + "): files are named only in scenario files; set the values instead,"
                    + " like network.nodes.DOS.servers=3"));
            return root;
        }
        Target target = new Target(segments, columns, line, problems, value);
        YamlNode result = target.set(root, SchemaCheck.schemaNode(), 0, "");
        return result instanceof Mapping m ? m : root;
    }

    /** {@code extends}, {@code network.extends}, or a string for {@code network}: a file name. */
    private static boolean namesAFile(List<String> segments, YamlNode value) {
        String path = String.join(".", segments);
        return path.equals("extends") || path.equals("network.extends")
                || path.equals("network") && value instanceof Scalar s
                        && s.type() == YamlNode.ScalarType.STRING;
    }

    /** One override being applied: walks tree and schema side by side. */
    private static final class Target {
        final List<String> segments;
        final int[] columns;
        final int line;
        final List<Diagnostic> problems;
        final YamlNode value;

        Target(List<String> segments, int[] columns, int line, List<Diagnostic> problems,
                YamlNode value) {
            this.segments = segments;
            this.columns = columns;
            this.line = line;
            this.problems = problems;
            this.value = value;
        }

        /** {@code node} with the value set at segment {@code i}; {@code null} on a problem. */
        YamlNode set(YamlNode node, JsonNode schema, int i, String path) {
            String segment = segments.get(i);
            String childPath = TreePaths.child(path, segment);
            JsonNode objectSchema = resolve(schema, node);
            if (segment.isEmpty()) {
                return fail(i, childPath, "empty key in the path");
            }
            if (node instanceof Sequence list) {
                return setInList(list, objectSchema, i, path);
            }
            if (node != null && !(node instanceof Mapping)) {
                return fail(i, childPath, path + " is " + node.describe()
                        + ", not a map; set " + path + " itself");
            }
            Mapping map = node == null ? new Mapping(new Source(SET_FILE, line, columns[i]),
                    Map.of()) : (Mapping) node;
            JsonNode properties = objectSchema == null ? null : objectSchema.get("properties");
            JsonNode ids = objectSchema == null ? null : objectSchema.get("additionalProperties");
            JsonNode childSchema;
            if (properties != null && properties.has(segment)) {
                childSchema = properties.get(segment);
            } else if (ids != null && ids.isObject()) {
                if (!map.entries().containsKey(segment)) {
                    String noun = ID_NOUNS.getOrDefault(lastKey(path), "entry");
                    return fail(i, childPath, NearNames.unknown(noun, segment,
                            map.entries().keySet()));
                }
                childSchema = ids;
            } else {
                List<String> allowed = new ArrayList<>();
                if (properties != null) {
                    properties.propertyNames().forEach(allowed::add);
                }
                String near = NearNames.didYouMean(segment, allowed);
                return fail(i, childPath, "unknown key '" + segment + "'" + (near.isEmpty()
                        && !allowed.isEmpty() ? "; allowed keys: " + String.join(", ", allowed)
                        : near));
            }
            Map<String, Entry> entries = new LinkedHashMap<>(map.entries());
            Entry old = entries.get(segment);
            if (i == segments.size() - 1) {
                YamlNode newValue = value;
                if (newValue instanceof Scalar s && s.isNull()) {
                    if (old == null) {
                        return fail(i, childPath, "nothing to remove: " + (path.isEmpty() ? "the"
                                + " scenario" : path) + " has no '" + segment + "'");
                    }
                    entries.remove(segment);
                } else {
                    Source keyAt = old == null ? new Source(SET_FILE, line, columns[i])
                            : old.keyAt();
                    entries.put(segment, new Entry(segment, keyAt, newValue));
                }
            } else {
                YamlNode child = set(old == null ? null : old.value(), childSchema, i + 1,
                        childPath);
                if (child == null) {
                    return null;
                }
                Source keyAt = old == null ? new Source(SET_FILE, line, columns[i]) : old.keyAt();
                entries.put(segment, new Entry(segment, keyAt, child));
            }
            return new Mapping(map.at(), entries);
        }

        private YamlNode setInList(Sequence list, JsonNode schema, int i, String path) {
            String segment = segments.get(i);
            int index;
            try {
                index = Integer.parseInt(segment);
            } catch (NumberFormatException e) {
                index = -1;
            }
            String childPath = TreePaths.index(path, Math.max(index, 0));
            if (index < 0 || index >= list.items().size()) {
                return fail(i, path, path + " is a list of " + list.items().size()
                        + " items; address one by its index 0.." + (list.items().size() - 1)
                        + ", got '" + segment + "'");
            }
            List<YamlNode> items = new ArrayList<>(list.items());
            if (i == segments.size() - 1) {
                YamlNode newValue = value;
                if (newValue instanceof Scalar s && s.isNull()) {
                    items.remove(index);
                } else {
                    items.set(index, newValue);
                }
            } else {
                JsonNode itemSchema = schema == null ? null : schema.get("items");
                YamlNode child = set(items.get(index), itemSchema, i + 1, childPath);
                if (child == null) {
                    return null;
                }
                items.set(index, child);
            }
            return new Sequence(list.at(), items);
        }

        private YamlNode fail(int i, String path, String message) {
            problems.add(new Diagnostic(SET_FILE, line, columns[i], path, message));
            return null;
        }
    }

    /**
     * The schema that applies to {@code node}: follows {@code $ref}s and picks the branch of an
     * {@code if/then/else} whose type fits a map (or, with no node yet, the map branch).
     */
    static JsonNode resolve(JsonNode schema, YamlNode node) {
        JsonNode current = schema;
        for (int guard = 0; current != null && guard < 16; guard++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asString();
                JsonNode target = SchemaCheck.schemaNode();
                for (String part : ref.replaceFirst("^#/", "").split("/")) {
                    target = target.get(part);
                }
                // sibling keywords (minItems, description) only add constraints
                current = target;
            } else if (current.has("if")) {
                boolean wantsObject = node == null || node instanceof Mapping;
                current = wantsObject ? current.get("then") : current.get("else");
            } else {
                return current;
            }
        }
        return current;
    }

    private static String lastKey(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
