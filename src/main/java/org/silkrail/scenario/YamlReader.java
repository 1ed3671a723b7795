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

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps the line and column of every key and
 * value, from the token locations of Jackson's streaming YAML parser.
 *
 * <p>Scenario files write distributions inside flow maps, as in
 * {@code XIA: {servers: 6, process: lognormal(4h, 2h)}}. Plain YAML would end the scalar at the
 * comma (a flow indicator), so before parsing, commas and brackets inside parentheses are
 * replaced by private-use characters of the same length and put back in every scalar and key
 * afterwards. Lengths do not change, so every line and column stays exact.
 *
 * <p>Problems (syntax errors, duplicate keys, aliases) go to the caller's list; a file with a
 * syntax error yields no tree.
 */
final class YamlReader {
    private static final char COMMA = '\uE000';
    private static final char OPEN_BRACKET = '\uE001';
    private static final char CLOSE_BRACKET = '\uE002';
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private final Path file;
    private final int line;
    private final int columnOffset;
    private final List<Diagnostic> problems;
    /** Set by a construct read but not supported (an alias): the tree would be wrong. */
    private boolean unsupported;

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
        try (JsonParser parser = MAPPER.createParser(protect(text))) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new Scalar(place(1, 1), ScalarType.NULL, "");
            }
            YamlNode root = readValue(parser, token, "");
            return unsupported ? null : root;
        } catch (JacksonException e) {
            problems.add(syntaxError(e));
            return null;
        }
    }

    private YamlNode readValue(JsonParser parser, JsonToken token, String path) {
        Source at = source(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT;
                        t = parser.nextToken()) {
                    String key = restore(parser.currentName());
                    Source keyAt = source(parser.currentTokenLocation());
                    String childPath = TreePaths.child(path, key);
                    YamlNode value = readValue(parser, parser.nextToken(), childPath);
                    Entry first = entries.get(key);
                    if (first != null) {
                        problems.add(Diagnostic.at(keyAt, childPath, "duplicate key '" + key
                                + "' (first written at line " + first.keyAt().line() + ")"));
                    } else {
                        entries.put(key, new Entry(key, keyAt, value));
                    }
                }
                return new Mapping(at, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY;
                        t = parser.nextToken()) {
                    items.add(readValue(parser, t, TreePaths.index(path, items.size())));
                }
                return new Sequence(at, items);
            }
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
                String text = restore(parser.getString());
                if (parser instanceof tools.jackson.dataformat.yaml.YAMLParser yaml
                        && yaml.isCurrentAlias()) {
                    problems.add(Diagnostic.at(at, path, "YAML aliases (*" + text
                            + ") are not supported; use extends: to share values between files"));
                    unsupported = true;
                    return new Scalar(at, ScalarType.NULL, "");
                }
                // YAML 1.2 core schema: a plain ~ is null (Jackson leaves it a string)
                return "~".equals(text) ? new Scalar(at, ScalarType.NULL, "")
                        : new Scalar(at, ScalarType.STRING, text);
            }
            default -> throw new IllegalStateException("unexpected YAML token=" + token + " at "
                    + at);
        }
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

    private Diagnostic syntaxError(JacksonException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            Mark mark = yaml.getProblemMark().get();
            Source at = place(mark.getLine() + 1, mark.getColumn() + 1);
            StringBuilder message = new StringBuilder("YAML syntax error: ")
                    .append(restore(yaml.getProblem()));
            if (yaml.getContext() != null && yaml.getContextMark().isPresent()) {
                Mark context = yaml.getContextMark().get();
                message.append(" (").append(restore(yaml.getContext())).append(" at line ")
                        .append(context.getLine() + 1).append(", column ")
                        .append(context.getColumn() + 1).append(')');
            }
            return Diagnostic.at(at, "", message.toString().replace('\n', ' '));
        }
        TokenStreamLocation location = e.getLocation();
        Source at = location == null ? place(1, 1) : source(location);
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return Diagnostic.at(at, "", "YAML syntax error: " + restore(message).replace('\n', ' '));
    }

    /**
     * Replaces commas and brackets inside parentheses, outside quotes and comments, by
     * placeholders of the same length. Parentheses never span lines in scenario files, so the
     * depth restarts at each line (an unbalanced parenthesis in free text harms nothing).
     */
    static String protect(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inDouble = false;
        boolean inSingle = false;
        int depth = 0;
        char previous = '\n';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                depth = 0;
            } else if (inDouble) {
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(c);
                    c = text.charAt(++i);
                } else if (c == '"') {
                    inDouble = false;
                }
            } else if (inSingle) {
                if (c == '\'') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        out.append(c);
                        i++;
                    } else {
                        inSingle = false;
                    }
                }
            } else if (c == '#' && Character.isWhitespace(previous)) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                out.append(text, i, end);
                i = end - 1;
                previous = ' ';
                continue;
            } else if (depth == 0 && (c == '"' || c == '\'') && startsScalar(previous)) {
                if (c == '"') {
                    inDouble = true;
                } else {
                    inSingle = true;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth > 0 && c == ',') {
                c = COMMA;
            } else if (depth > 0 && c == '[') {
                c = OPEN_BRACKET;
            } else if (depth > 0 && c == ']') {
                c = CLOSE_BRACKET;
            }
            out.append(c);
            previous = c;
        }
        return out.toString();
    }

    private static boolean startsScalar(char previous) {
        return Character.isWhitespace(previous) || previous == ':' || previous == ','
                || previous == '[' || previous == '{' || previous == '-' || previous == '?';
    }

    static String restore(String text) {
        if (text == null) {
            return null;
        }
        return text.replace(COMMA, ',').replace(OPEN_BRACKET, '[').replace(CLOSE_BRACKET, ']');
    }
}
