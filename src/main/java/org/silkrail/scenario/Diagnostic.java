package org.silkrail.scenario;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One problem in a scenario, at the place a planner must fix it:
 * {@code scenarios/x.yaml:42:7: network.links.DOS-MOI.capacity: expected a rate like 60/day, got "sixty"}.
 *
 * <p>Diagnostics sort by file, line, column, then path and message, so all problems of a run
 * print in reading order.
 *
 * @param file the file where the offending value was written (the base file for a value an
 *     option inherits); {@code --set} for a command-line override
 * @param line 1-based line, or 0 when the problem concerns the whole file (e.g. it is missing)
 * @param column 1-based column; 0 when {@code line} is 0
 * @param path dotted path of the value in the merged scenario ({@code network.nodes.DOS.quota},
 *     list items as {@code [3]}), or empty for the file as a whole
 * @param message what is wrong and what is allowed
 */
public record Diagnostic(Path file, int line, int column, String path, String message)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.file.toString())
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::path)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        if (file == null || path == null || message == null) {
            throw new NullPointerException("file=" + file + " path=" + path + " message=" + message);
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line=" + line + " column=" + column);
        }
    }

    static Diagnostic at(Source at, String path, String message) {
        return new Diagnostic(at.file(), at.line(), at.column(), path, message);
    }

    /**
     * {@code file:line:col: path: message}; the place is just {@code file} when line is 0.
     * Control characters (newlines, the escape that starts a terminal colour sequence) are
     * written as {@code \\uXXXX}, so a diagnostic is always one line of plain text.
     */
    public String format() {
        return printable(rawFormat());
    }

    private String rawFormat() {
        StringBuilder sb = new StringBuilder(file.toString());
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    /** {@code text} with control and invisible format characters escaped as {@code \\uXXXX}. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(text.charAt(i - 1)));
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (hidden) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
