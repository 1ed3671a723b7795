package org.silkrail.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so that every problem found later (by the
 * schema, the binder, or an overlay merge) can name its file, line and column.
 *
 * <p>Trees are immutable; merging and overriding build new nodes that keep the places of the
 * values they take over, so a value inherited from a base file still points into the base file.
 */
sealed interface YamlNode {

    /** Where the value starts. */
    Source at();

    /** A short description for messages: {@code a map}, {@code a list}, {@code "sixty"}. */
    String describe();

    /** The kind of a scalar after YAML 1.2 core-schema resolution (quoted text is a string). */
    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A key of a mapping with the place the key was written. */
    record Entry(String key, Source keyAt, YamlNode value) {
    }

    /** A mapping whose keys keep their order of declaration. */
    record Mapping(Source at, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record Sequence(Source at, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar as written; {@code text} is the source text without quotes. */
    record Scalar(Source at, ScalarType type, String text) implements YamlNode {
        boolean isNull() {
            return type == ScalarType.NULL;
        }

        boolean isNumber() {
            return type == ScalarType.INTEGER || type == ScalarType.DECIMAL;
        }

        @Override
        public String describe() {
            return switch (type) {
                case NULL -> "nothing";
                case STRING -> Excerpt.quote(text);
                default -> Excerpt.of(text);
            };
        }
    }
}
