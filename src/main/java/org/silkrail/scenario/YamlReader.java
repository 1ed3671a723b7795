package org.silkrail.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.ScalarType;
import org.silkrail.scenario.YamlNode.Sequence;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps the line and column of every key and
 * value, from the token locations of Jackson's streaming YAML parser. The text is standard YAML
 * 1.2, read as it is: no pre-processing, so PyYAML, R, editors and linters read the same tree.
 *
 * <p>Inside a flow map {@code {…}} or list {@code […]} a comma ends a plain value, so
 * {@code {process: lognormal(4h, 2h)}} is the value {@code "lognormal(4h"} and a stray key
 * {@code "2h)"}. That split is recognised (a plain value with an unclosed parenthesis, then
 * keys or items without a value up to the closing one) and reported with the way to write it:
 * in quotes or in block style. The tree keeps the joined value, so the other problems of the
 * file are still found.
 *
 * <p>Problems (syntax errors, duplicate keys, aliases, split values) go to the caller's list; a
 * file with a syntax error yields no tree.
 */
final class YamlReader {
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    /** Most values (keys' values, list items, maps, lists) in one file: 15 times the network's. */
    static final int MAX_VALUES = 100_000;
    /** Deepest nesting of maps and lists: scenario files nest 6 deep. */
    static final int MAX_DEPTH = 32;
    /** Longest value: an empirical distribution of 1,000 values fits. */
    static final int MAX_VALUE_CHARS = 10_000;
    /** Longest key: ids are short codes and names ({@code xinjiang-central-asia}). */
    static final int MAX_KEY_CHARS = 200;
    /** Longest number: a long has 19 digits; longer numbers are never needed. */
    static final int MAX_NUMBER_CHARS = 40;

    private static final String CORE_TAGS = "tag:yaml.org,2002:";

    private final Path file;
    private final int line;
    private final int columnOffset;
    private final List<Diagnostic> problems;
    /** Set by a construct read but not supported (an alias): the tree would be wrong. */
    private boolean unsupported;
    private int values;
    private int depth;

    private YamlReader(Path file, int line, int columnOffset, List<Diagnostic> problems) {
        this.file = file;
        this.line = line;
        this.columnOffset = columnOffset;
        this.problems = problems;
    }

    /**
     * Parses one YAML document.
     *
     * @param file the name printed in diagnostics
     * @return the document's root, a null scalar for an empty document, or {@code null} after a
     *     syntax error or an unsupported construct (reported to {@code problems})
     */
    static YamlNode read(Path file, String text, List<Diagnostic> problems) {
        return new YamlReader(file, 0, 0, problems).read(text);
    }

    /**
     * Parses a one-line value cut out of a longer text, such as the VALUE of
     * {@code --set PATH=VALUE}: places are reported on {@code line}, columns shifted by
     * {@code columnOffset}.
     */
    static YamlNode readValue(Path file, String text, int line, int columnOffset,
            List<Diagnostic> problems) {
        return new YamlReader(file, line, columnOffset, problems).read(text);
    }

    private YamlNode read(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new Scalar(place(1, 1), ScalarType.NULL, "");
            }
            YamlNode root = readValue(parser, token, "");
            return unsupported ? null : root;
        } catch (JacksonException e) {
            problems.add(syntaxError(e, text));
            return null;
        } catch (OverLimit e) {
            return null;
        }
    }

    /** Thrown after a size limit was reported: the rest of the file is not read. */
    private static final class OverLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverLimit() {
            super(null, null, false, false);
        }
    }

    private YamlNode readValue(JsonParser parser, JsonToken token, String path) {
        Source at = source(parser.currentTokenLocation());
        if (++values > MAX_VALUES) {
            problems.add(Diagnostic.at(at, path, "more than " + MAX_VALUES + " values in one"
                    + " file; a scenario, network or sweep file may hold at most " + MAX_VALUES));
            throw new OverLimit();
        }
        String tag = parser instanceof YAMLParser yaml ? yaml.getRawTag() : null;
        if (tag != null) {
            String shown = tag.startsWith(CORE_TAGS) ? "!!" + tag.substring(CORE_TAGS.length())
                    : tag;
            problems.add(Diagnostic.at(at, path, "YAML tags (" + Excerpt.of(shown) + ") are not"
                    + " supported: write the value without a tag"));
            unsupported = true;
            if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
                return new Scalar(at, ScalarType.NULL, "");
            }
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (depth >= MAX_DEPTH) {
                problems.add(Diagnostic.at(at, path, "maps and lists nested more than "
                        + MAX_DEPTH + " deep; at most " + MAX_DEPTH));
                throw new OverLimit();
            }
            depth++;
            try {
                return readCollection(parser, token, path, at);
            } finally {
                depth--;
            }
        }
        YamlNode scalar = readScalar(parser, token, path, at);
        if (scalar instanceof Scalar s && s.text().length() > MAX_VALUE_CHARS) {
            problems.add(Diagnostic.at(at, path, "a value of " + s.text().length()
                    + " characters; a value may have at most " + MAX_VALUE_CHARS));
            unsupported = true;
            return new Scalar(at, ScalarType.NULL, "");
        }
        if (scalar instanceof Scalar s && s.isNumber() && s.text().length() > MAX_NUMBER_CHARS) {
            problems.add(Diagnostic.at(at, path, "a number of " + s.text().length()
                    + " characters (" + Excerpt.of(s.text()) + "); a number may have at most "
                    + MAX_NUMBER_CHARS));
            unsupported = true;
            return new Scalar(at, ScalarType.NULL, "");
        }
        return scalar;
    }

    private YamlNode readCollection(JsonParser parser, JsonToken token, String path,
            Source at) {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                Split split = null;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT;
                        t = parser.nextToken()) {
                    String key = parser.currentName();
                    Source keyAt = source(parser.currentTokenLocation());
                    if (key.length() > MAX_KEY_CHARS) {
                        problems.add(Diagnostic.at(keyAt, path, "a key of " + key.length()
                                + " characters (" + Excerpt.quote(key) + "); a key may have at"
                                + " most " + MAX_KEY_CHARS));
                        unsupported = true;
                    }
                    String childPath = TreePaths.child(path, key);
                    YamlNode value = readValue(parser, parser.nextToken(), childPath);
                    if (split != null && value instanceof Scalar s && s.isNull()) {
                        // the rest of a value cut at a comma: "2h)" of lognormal(4h, 2h)
                        if (split.absorb(key)) {
                            split = split.report(entries);
                        }
                        continue;
                    }
                    if (split != null) {
                        split = split.report(entries);
                    }
                    Entry first = entries.get(key);
                    if (first != null) {
                        problems.add(Diagnostic.at(keyAt, childPath, "duplicate key '" + key
                                + "' (first written at line " + first.keyAt().line() + ")"));
                    } else {
                        entries.put(key, new Entry(key, keyAt, value));
                        split = splitAt(key, keyAt, childPath, value);
                    }
                }
                if (split != null) {
                    split.report(entries);
                }
                return new Mapping(at, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                Split split = null;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY;
                        t = parser.nextToken()) {
                    YamlNode item = readValue(parser, t, TreePaths.index(path, items.size()));
                    if (split != null && item instanceof Scalar s && !s.isNull()) {
                        if (split.absorb(s.text())) {
                            split = split.report(items);
                        }
                        continue;
                    }
                    if (split != null) {
                        split = split.report(items);
                    }
                    items.add(item);
                    split = splitAt(null, null, TreePaths.index(path, items.size() - 1),
                            item);
                }
                if (split != null) {
                    split.report(items);
                }
                return new Sequence(at, items);
            }
            default -> throw new IllegalStateException("not a collection: token=" + token);
        }
    }

    private YamlNode readScalar(JsonParser parser, JsonToken token, String path, Source at) {
        switch (token) {
            case VALUE_NULL -> {
                return new Scalar(at, ScalarType.NULL, "");
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(at, ScalarType.BOOLEAN, parser.getString());
            }
            case VALUE_NUMBER_INT -> {
                return new Scalar(at, ScalarType.INTEGER, parser.getString());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(at, ScalarType.DECIMAL, parser.getString());
            }
            case VALUE_STRING -> {
                String text = parser.getString();
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    problems.add(Diagnostic.at(at, path, "YAML aliases (*" + Excerpt.of(text)
                            + ") are not supported; use extends: to share values between files"));
                    unsupported = true;
                    return new Scalar(at, ScalarType.NULL, "");
                }
                // YAML 1.2 core schema: a plain ~ is null (Jackson leaves it a string)
                return "~".equals(text) ? new Scalar(at, ScalarType.NULL, "")
                        : new Scalar(at, ScalarType.STRING, text);
            }
            default -> {
                // an embedded object (binary data) or a construct without a scenario meaning
                problems.add(Diagnostic.at(at, path, "a value silkrail cannot read (" + token
                        + "); write a plain number, text, list or map"));
                unsupported = true;
                return new Scalar(at, ScalarType.NULL, "");
            }
        }
    }

    /**
     * A plain value with an unclosed parenthesis inside a flow collection, and the keys or
     * items after it that a comma cut off: {@code lognormal(4h} then {@code 2h)}.
     */
    private final class Split {
        private final String key;
        private final Source keyAt;
        private final String path;
        private final Scalar value;
        private final StringBuilder joined;
        private int depth;
        private int parts;

        private Split(String key, Source keyAt, String path, Scalar value, int depth) {
            this.key = key;
            this.keyAt = keyAt;
            this.path = path;
            this.value = value;
            this.joined = new StringBuilder(value.text());
            this.depth = depth;
        }

        /** Takes the next cut-off part; whether it closes the parenthesis. */
        boolean absorb(String part) {
            joined.append(", ").append(part);
            depth += depth(part);
            parts++;
            return depth <= 0;
        }

        /** Reports the split value of a map and puts the joined value in its place. */
        Split report(Map<String, Entry> entries) {
            if (parts > 0) {
                Scalar whole = new Scalar(value.at(), ScalarType.STRING, joined.toString());
                entries.put(key, new Entry(key, keyAt, whole));
                problems.add(Diagnostic.at(value.at(), path, message("{…}", "the map",
                        key + ": ")));
            }
            return null;
        }

        /** Reports the split item of a list and puts the joined item in its place. */
        Split report(List<YamlNode> items) {
            if (parts > 0) {
                items.set(items.size() - 1, new Scalar(value.at(), ScalarType.STRING,
                        joined.toString()));
                problems.add(Diagnostic.at(value.at(), path, message("[…]", "the list", "")));
            }
            return null;
        }

        private String message(String brackets, String what, String prefix) {
            String rest = joined.substring(value.text().length() + 2);
            return "standard YAML cuts " + Excerpt.quote(joined.toString()) + " at its comma"
                    + (parts > 1 ? "s" : "") + " into " + Excerpt.quote(value.text()) + " and "
                    + (parts > 1 ? "stray " : "a stray ") + (key == null ? "item" : "key")
                    + (parts > 1 ? "s " : " ") + Excerpt.quote(rest) + ": inside " + brackets + " a comma ends a plain"
                    + " value; write " + prefix + Excerpt.quote(joined.toString())
                    + " in quotes, or " + what + " in block style";
        }
    }

    /** A split in the making when {@code value} is text with an unclosed parenthesis. */
    private Split splitAt(String key, Source keyAt, String path, YamlNode value) {
        if (value instanceof Scalar s && s.type() == ScalarType.STRING) {
            int depth = depth(s.text());
            if (depth > 0) {
                return new Split(key, keyAt, path, s, depth);
            }
        }
        return null;
    }

    /**
     * How to write a value whose brackets ended it inside a flow collection, as
     * {@code {teu: empirical([80, 90])}}: the parse fails at the {@code [} just after an open
     * parenthesis.
     *
     * @param line 0-based line of the error
     * @param column 0-based column of the error
     */
    static String bracketHint(String text, int line, int column) {
        String[] lines = text.split("\\R", -1);
        if (line < 0 || line >= lines.length || column <= 0 || column > lines[line].length()) {
            return "";
        }
        String l = lines[line];
        int before = column - 1;
        while (before >= 0 && l.charAt(before) == ' ') {
            before--;
        }
        if (before < 0 || l.charAt(before) != '(') {
            return "";
        }
        int start = before;
        while (start > 0 && " ,[{".indexOf(l.charAt(start - 1)) < 0) {
            start--;
        }
        int end = column;
        for (int depth = 1; end < l.length() && depth > 0; end++) {
            char c = l.charAt(end);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return "; inside {…} or […] a plain value ends at a bracket or comma: write it in"
                + " quotes, " + Excerpt.quote(l.substring(start, end)) + ", or the map in block"
                + " style";
    }

    /** Open minus closed parentheses. */
    private static int depth(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return depth;
    }

    private Source source(TokenStreamLocation location) {
        return place(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** The place of a 1-based line and column of the parsed text. */
    private Source place(int textLine, int textColumn) {
        if (line > 0) {
            return new Source(file, line, textColumn + columnOffset);
        }
        return new Source(file, textLine, textColumn);
    }

    private Diagnostic syntaxError(JacksonException e, String text) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            Mark mark = yaml.getProblemMark().get();
            Source at = place(mark.getLine() + 1, mark.getColumn() + 1);
            StringBuilder message = new StringBuilder("YAML syntax error: ")
                    .append(yaml.getProblem());
            if (yaml.getContext() != null && yaml.getContextMark().isPresent()) {
                Mark context = yaml.getContextMark().get();
                message.append(" (").append(yaml.getContext()).append(" at line ")
                        .append(context.getLine() + 1).append(", column ")
                        .append(context.getColumn() + 1).append(')');
            }
            message.append(bracketHint(text, mark.getLine(), mark.getColumn()));
            return Diagnostic.at(at, "", message.toString().replace('\n', ' '));
        }
        TokenStreamLocation location = e.getLocation();
        Source at = location == null ? place(1, 1) : source(location);
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return Diagnostic.at(at, "", "YAML syntax error: " + message.replace('\n', ' '));
    }
}
