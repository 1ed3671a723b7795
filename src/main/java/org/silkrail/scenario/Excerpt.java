package org.silkrail.scenario;

/**
 * Text from a scenario quoted in a message: at most {@value #MAX_CHARS} characters, with
 * control characters, ANSI escapes and other invisible characters escaped, so that a message
 * stays one readable line whatever the file holds (a 1 MB value, a newline, an escape sequence
 * that would recolour the terminal).
 */
public final class Excerpt {
    /** Longest excerpt quoted, in characters before escaping. */
    public static final int MAX_CHARS = 60;

    private Excerpt() {
    }

    /** {@code "lognormal(4h"}: the excerpt in double quotes. */
    public static String quote(String text) {
        return '"' + of(text) + '"';
    }

    /**
     * The first {@value #MAX_CHARS} characters of {@code text}, escaped, with {@code …(N more
     * characters)} when longer.
     */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; ) {
            int c = text.codePointAt(i);
            escape(c, out);
            i += Character.charCount(c);
        }
        if (end < text.length()) {
            out.append("…(").append(text.length() - end).append(" more characters)");
        }
        return out.toString();
    }

    private static void escape(int c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
                int type = Character.getType(c);
                if (type == Character.CONTROL || type == Character.FORMAT
                        || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR
                        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                        || type == Character.SURROGATE) {
                    out.append(String.format("\\u%04X", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }
}
