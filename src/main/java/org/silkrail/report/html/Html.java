package org.silkrail.report.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes HTML elements with every text and attribute value escaped: the only place the report
 * turns words into markup. Tag and attribute names are the code's own constants and are
 * checked; values may come from users (scenario titles, node names) and are always escaped.
 *
 * <pre>{@code
 * Html h = new Html();
 * h.open("td", "class", "num", "data-value", "13.2").text("13.2 ± 0.3").close("td");
 * }</pre>
 *
 * <p>Elements must close in order ({@link #close} names the tag it closes, so a mismatch fails
 * fast); {@link #toString} fails while any is open. Not thread-safe.
 */
final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "meta", "col", "wbr");

    private final StringBuilder out = new StringBuilder(1 << 14);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code <tag name="value" …>}; {@code attributes} alternate names and values. */
    Html open(String tag, String... attributes) {
        startTag(tag, attributes);
        if (!VOID.contains(tag)) {
            open.push(tag);
        }
        return this;
    }

    /** An element holding only {@code text}: {@code <tag …>text</tag>}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text content; {@code null} writes nothing. */
    Html text(String text) {
        if (text != null) {
            escape(text, false);
        }
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    Html close(String tag) {
        String top = open.poll();
        if (!tag.equals(top)) {
            throw new IllegalStateException("closing the wrong element: close=" + tag
                    + " open=" + top);
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A line break in the source, for people reading the page's HTML. */
    Html newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: open=" + open);
        }
        return out.toString();
    }

    private void startTag(String tag, String[] attributes) {
        if (!NAME.matcher(tag).matches()) {
            throw new IllegalArgumentException("not a tag name: tag=" + tag);
        }
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs: length="
                    + attributes.length);
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            if (!NAME.matcher(name).matches() || name.startsWith("on")) {
                throw new IllegalArgumentException("not an allowed attribute name: name=" + name);
            }
            if (attributes[i + 1] == null) {
                continue;
            }
            out.append(' ').append(name).append("=\"");
            escape(attributes[i + 1], true);
            out.append('"');
        }
        out.append('>');
    }

    /** Escapes the five characters that can change markup; everything else passes as is. */
    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&#39;" : "'");
                default -> out.append(c);
            }
        }
    }
}
