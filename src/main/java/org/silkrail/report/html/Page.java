package org.silkrail.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.silkrail.format.Json;
import tools.jackson.databind.JsonNode;

/**
 * One self-contained report page: the template {@code report.html} with its slots filled — the
 * title, the body written by {@link Html}, the data as embedded JSON, and the page's CSS and
 * script and Apache ECharts inlined — so that the file opens offline and makes no request
 * (its Content-Security-Policy forbids any).
 *
 * <p>Each slot's content is made safe for where it goes: the title is escaped; the JSON has
 * every {@code <}, {@code >} and {@code &} written as a JSON unicode escape (backslash, u, four
 * hex digits), so no value (a scenario title holding {@code </script>}) can end its script
 * element; the inlined CSS and scripts are checked not to contain a closing tag of their
 * element.
 */
final class Page {
    /**
     * The Apache ECharts release inlined into every page: a bundle of only the charts and
     * components the page uses, built by {@code tools/report-assets/build} (6.1.0 fixes
     * CVE-2026-45249, the lines series' tooltip XSS of every earlier release).
     */
    static final String ECHARTS_VERSION = "6.1.0";
    private static final String ASSETS = "/org/silkrail/report/";
    private static final String ECHARTS = ASSETS + "echarts.min.js";
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z]+)}}");

    private final String title;
    private final Html body;
    private final JsonNode data;

    /**
     * @param title the page's title, as the user wrote it (escaped here)
     * @param body the page's content
     * @param data what the page's script draws from, read as {@code silkrail-data}
     */
    Page(String title, Html body, JsonNode data) {
        this.title = title;
        this.body = body;
        this.data = data;
    }

    /** Writes the page as UTF-8. */
    void writeTo(OutputStream out) throws IOException {
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("title", new Html().text(title).toString());
        slots.put("css", Assets.CSS);
        slots.put("body", body.toString());
        slots.put("data", scriptSafeJson(data));
        slots.put("echarts", Assets.ECHARTS_JS);
        slots.put("script", Assets.SCRIPT);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String template = Assets.TEMPLATE;
        Matcher m = SLOT.matcher(template);
        int at = 0;
        while (m.find()) {
            String content = slots.remove(m.group(1));
            if (content == null) {
                throw new IllegalStateException("template slot unknown or used twice: slot="
                        + m.group(1));
            }
            w.write(template, at, m.start() - at);
            w.write(content);
            at = m.end();
        }
        if (!slots.isEmpty()) {
            throw new IllegalStateException("template lacks slots: slots=" + slots.keySet());
        }
        w.write(template, at, template.length() - at);
        w.flush();
    }

    /**
     * Compact JSON that cannot end a script element or open an HTML comment inside it. JSON's
     * own syntax has no {@code <}, {@code >} or {@code &}, so each one found is inside a string,
     * where its unicode escape means the same character to {@code JSON.parse}. U+2028 and U+2029
     * are escaped too, for older script parsers that took them for line ends.
     */
    static String scriptSafeJson(JsonNode data) {
        String json = Json.MAPPER.writeValueAsString(data);
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The page's fixed parts, read once from the classpath. */
    private static final class Assets {
        static final String TEMPLATE = read(ASSETS + "report.html");
        static final String CSS = inline(read(ASSETS + "report.css"), "style");
        static final String SCRIPT = inline(read(ASSETS + "report.js"), "script");
        static final String ECHARTS_JS = inline(read(ECHARTS), "script");

        private static String read(String resource) {
            try (InputStream in = Page.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("report asset missing from the classpath: "
                            + "resource=" + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read report asset: resource=" + resource, e);
            }
        }

        /** The text, after checking that it cannot close {@code element} or open a comment. */
        private static String inline(String text, String element) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("</" + element) || lower.contains("<!--")) {
                throw new IllegalStateException("asset would break out of its <" + element
                        + "> element: length=" + text.length());
            }
            return text;
        }
    }
}
