package org.silkrail.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The pieces every report page shares: its header, chart cards, table cells and footer. */
final class Parts {
    private Parts() {
    }

    /**
     * The dark band at the top: the kind of report, its title, one line of facts and links to
     * the page's sections.
     *
     * @param nav pairs of (fragment, label), e.g. {@code {"#charts", "Charts"}}
     */
    static void header(Html h, String kind, String title, String facts, String[][] nav) {
        h.open("header", "class", "top").newline();
        h.element("p", kind, "class", "brand");
        h.element("h1", title);
        h.element("p", facts, "class", "sub");
        h.open("nav");
        for (String[] link : nav) {
            h.element("a", link[1], "href", link[0]);
        }
        h.close("nav").newline();
        h.close("header").newline();
    }

    /** A chart's card drawn by the script's function of the same name. */
    static void chart(Html h, String name, String title, String caption) {
        chart(h, name, name, null, title, caption, null);
    }

    /**
     * A chart's card: title, the element the script draws into, and a caption saying what is
     * drawn.
     *
     * @param name unique name of the chart ({@code window.silkrail.charts[name]})
     * @param draw the script's drawing function for it
     * @param subject what the function draws (a metric of a sweep), or {@code null}
     * @param chartClass extra CSS class of the chart element, or {@code null}
     */
    static void chart(Html h, String name, String draw, String subject, String title,
            String caption, String chartClass) {
        h.open("figure", "class", "chart-card");
        h.element("h3", title);
        h.open("div", "id", "chart-" + name, "class", chartClass == null ? "chart"
                : "chart " + chartClass, "data-chart", name, "data-draw", draw,
                "data-subject", subject, "role", "img", "aria-label", title).close("div");
        h.element("figcaption", caption);
        h.close("figure").newline();
    }

    /** A column heading that sorts its table as {@code number} or {@code text} when clicked. */
    static void th(Html h, String text, String meaning, String sortType) {
        h.element("th", text, "scope", "col", "data-sort", sortType, "title", meaning);
    }

    /** A right-aligned number cell that sorts by {@code sortValue} (missing: NaN). */
    static void numberCell(Html h, String text, double sortValue) {
        h.element("td", text, "class", "num", "data-value", Values.sortKey(sortValue));
    }

    /** The version of the silkrail writing the page, from the jar's resources. */
    static String runningVersion() {
        Properties properties = new Properties();
        try (InputStream in = Parts.class.getResourceAsStream("/silkrail-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    static void footer(Html h, String silkrailVersion) {
        h.open("footer").newline();
        h.element("p", "Written by silkrail " + silkrailVersion + ". Charts by Apache ECharts "
                + Page.ECHARTS_VERSION + " (Apache License 2.0), inlined: this page makes no "
                + "network request.");
        h.close("footer").newline();
    }
}
