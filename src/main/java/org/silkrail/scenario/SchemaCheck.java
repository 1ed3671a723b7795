package org.silkrail.scenario;

import org.silkrail.format.Json;
import org.silkrail.network.NearNames;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.Sequence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the structure of a merged scenario tree against the JSON Schema that ships in the jar
 * ({@value #RESOURCE}, also {@code docs/scenario-schema.json}): keys, types, required values and
 * ranges. Each schema error becomes a {@link Diagnostic} at the place of the offending key or
 * value, with a message for people (unknown keys come with the nearest valid names).
 *
 * <p>The compiled schema is shared; validation is thread-safe.
 */
final class SchemaCheck {
    static final String RESOURCE = "/org/silkrail/scenario/scenario-schema.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaCheck() {
    }

    private static final class Holder {
        static final JsonNode SCHEMA_NODE = readSchema();
        static final Schema SCHEMA = SchemaRegistry
                .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SCHEMA_NODE.toString(), InputFormat.JSON);
    }

    /** The schema document itself, for tests and tools. */
    static JsonNode schemaNode() {
        return Holder.SCHEMA_NODE;
    }

    private static JsonNode readSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the jar: resource=" + RESOURCE);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every structural problem of {@code root}. */
    static List<Diagnostic> check(YamlNode root) {
        // a set: 100,000 unknown keys must not take quadratic time
        java.util.Set<Diagnostic> problems = new java.util.LinkedHashSet<>();
        for (Error error : Holder.SCHEMA.validate(toJson(root))) {
            Diagnostic d = describe(root, error);
            if (d != null) {
                problems.add(d);
            }
        }
        return new ArrayList<>(problems);
    }

    static JsonNode toJson(YamlNode node) {
        if (node instanceof Mapping m) {
            ObjectNode object = NODES.objectNode();
            for (Entry e : m.entries().values()) {
                object.set(e.key(), toJson(e.value()));
            }
            return object;
        } else if (node instanceof Sequence s) {
            ArrayNode array = NODES.arrayNode();
            for (YamlNode item : s.items()) {
                array.add(toJson(item));
            }
            return array;
        }
        Scalar scalar = (Scalar) node;
        try {
            return switch (scalar.type()) {
                case NULL -> NODES.nullNode();
                case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(scalar.text().toLowerCase(
                        java.util.Locale.ROOT)));
                case INTEGER -> NODES.numberNode(new BigInteger(scalar.text()));
                case DECIMAL -> decimal(scalar.text());
                case STRING -> NODES.stringNode(scalar.text());
            };
        } catch (NumberFormatException e) {
            // YAML number forms Java does not read (0o17, .inf) count as text here
            return NODES.stringNode(scalar.text());
        }
    }

    /**
     * A decimal beyond double range (1e400) is text here: no quantity of ours is that big. A
     * whole one ({@code 4.0}, {@code seed: 1e308}) is an integer node: the validator converts
     * decimal nodes of integer-typed keys to a long, and fails beyond a long's range.
     */
    private static JsonNode decimal(String text) {
        BigDecimal value = new BigDecimal(text);
        if (!Double.isFinite(value.doubleValue())) {
            return NODES.stringNode(text);
        }
        // finite, so at most 309 digits: toBigIntegerExact stays cheap
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? NODES.numberNode(stripped.toBigIntegerExact())
                : NODES.numberNode(value);
    }

    private static Diagnostic describe(YamlNode root, Error error) {
        NodePath instancePath = error.getInstanceLocation();
        YamlNode node = root;
        String path = "";
        for (int i = 0; i < instancePath.getNameCount() && node != null; i++) {
            Object element = instancePath.getElement(i);
            if (element instanceof Integer index && node instanceof Sequence s) {
                node = index < s.items().size() ? s.items().get(index) : null;
                path = TreePaths.index(path, index);
            } else if (node instanceof Mapping m) {
                node = m.get(String.valueOf(element));
                path = TreePaths.child(path, String.valueOf(element));
            } else {
                node = null;
            }
        }
        if (node == null) {
            throw new IllegalStateException("schema error outside the tree: instance="
                    + instancePath + " error=" + error);
        }
        JsonNode keywordOwner = schemaAt(error.getSchemaLocation().getFragment(), 1);
        String keyword = error.getKeyword();
        // descriptions phrased as a noun ("a duration like 6h") complete "expected …"
        String description = keywordOwner != null && keywordOwner.has("description")
                ? keywordOwner.get("description").asString() : "";
        String expected = description.startsWith("a ") || description.startsWith("an ")
                || keyword.equals("const") && !description.isEmpty() ? description : null;
        switch (keyword) {
            case "additionalProperties", "propertyNames" -> {
                String key = error.getProperty();
                Entry entry = node instanceof Mapping m ? m.entries().get(key) : null;
                Source at = entry == null ? node.at() : entry.keyAt();
                String keyPath = TreePaths.child(path, key);
                if (keyword.equals("propertyNames")) {
                    return Diagnostic.at(at, keyPath, "id '" + Excerpt.of(key)
                            + "' may contain only letters, digits, '-' and '_'");
                }
                List<String> allowed = new ArrayList<>();
                JsonNode properties = keywordOwner == null ? null : keywordOwner.get("properties");
                if (properties != null) {
                    allowed.addAll(properties.propertyNames());
                }
                String near = NearNames.didYouMean(key, allowed);
                return Diagnostic.at(at, keyPath, "unknown key '" + Excerpt.of(key) + "'" + (near.isEmpty()
                        ? "; allowed keys: " + String.join(", ", allowed) : near));
            }
            case "required" -> {
                return Diagnostic.at(node.at(), path, "missing key '" + error.getProperty() + "'");
            }
            case "type" -> {
                String want = expected != null ? expected : typeNames(error.getSchemaNode());
                if (node instanceof Scalar s && s.isNull()) {
                    return Diagnostic.at(node.at(), path, "missing value; expected " + want);
                }
                return Diagnostic.at(node.at(), path, "expected " + want + ", got "
                        + node.describe());
            }
            case "enum", "const" -> {
                List<String> allowed = new ArrayList<>();
                JsonNode values = error.getSchemaNode();
                if (values.isArray()) {
                    values.forEach(v -> allowed.add(v.asString()));
                } else {
                    allowed.add(values.asString());
                }
                String got = node instanceof Scalar s ? s.text() : "";
                String want = keyword.equals("const") && expected != null ? expected
                        : (allowed.size() == 1 ? "" : "one of ") + String.join(", ", allowed);
                return Diagnostic.at(node.at(), path, "expected " + want + ", got "
                        + node.describe() + NearNames.didYouMean(got, allowed));
            }
            case "minimum" -> {
                return Diagnostic.at(node.at(), path, "must be at least "
                        + error.getSchemaNode().asString() + ", got " + node.describe());
            }
            case "maximum" -> {
                return Diagnostic.at(node.at(), path, "must be at most "
                        + error.getSchemaNode().asString() + ", got " + node.describe());
            }
            case "exclusiveMinimum" -> {
                return Diagnostic.at(node.at(), path, "must be above "
                        + error.getSchemaNode().asString() + ", got " + node.describe());
            }
            case "pattern" -> {
                return Diagnostic.at(node.at(), path, "expected "
                        + (expected != null ? expected : "text matching "
                                + error.getSchemaNode().asString()) + ", got " + node.describe());
            }
            case "minItems" -> {
                int min = error.getSchemaNode().asInt();
                return Diagnostic.at(node.at(), path, expected != null ? "expected " + expected
                        : "needs at least " + min + " item" + (min == 1 ? "" : "s"));
            }
            case "minProperties", "maxProperties" -> {
                JsonNode properties = keywordOwner == null ? null : keywordOwner.get("properties");
                if (properties != null && keywordOwner.has("maxProperties")) {
                    List<String> names = new ArrayList<>(properties.propertyNames());
                    // point at the last key: in a merged map, the one the option added
                    Source at = node.at();
                    String lastPath = path;
                    if (node instanceof Mapping m && !m.entries().isEmpty()) {
                        Entry last = null;
                        for (Entry e : m.entries().values()) {
                            last = e;
                        }
                        at = last.keyAt();
                        lastPath = TreePaths.child(path, last.key());
                    }
                    return Diagnostic.at(at, lastPath, "write exactly one of "
                            + NearNames.orList(names.stream().map(n -> n + ":").toList()));
                }
                return Diagnostic.at(node.at(), path, "needs at least one entry");
            }
            default -> {
                return Diagnostic.at(node.at(), path, error.getMessage());
            }
        }
    }

    /** The schema node {@code dropLast} levels above a location inside the schema. */
    private static JsonNode schemaAt(NodePath fragment, int dropLast) {
        JsonNode node = Holder.SCHEMA_NODE;
        for (int i = 0; i < fragment.getNameCount() - dropLast && node != null; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(
                    element));
        }
        return node;
    }

    private static String typeNames(JsonNode types) {
        List<String> names = new ArrayList<>();
        Iterator<JsonNode> it = types.isArray() ? types.iterator() : List.of(types).iterator();
        while (it.hasNext()) {
            names.add(switch (it.next().asString()) {
                case "object" -> "a map";
                case "array" -> "a list";
                case "string" -> "text";
                case "integer" -> "a whole number";
                case "number" -> "a number";
                case "boolean" -> "true or false";
                default -> "null";
            });
        }
        return NearNames.orList(names);
    }
}
