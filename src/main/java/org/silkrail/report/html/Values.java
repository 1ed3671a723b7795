package org.silkrail.report.html;

import java.util.Locale;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.Parts;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.Section;
import org.silkrail.experiment.Stat;
import org.silkrail.report.KpiTable;
import org.silkrail.report.Numbers;
import tools.jackson.databind.JsonNode;

/**
 * Numbers of {@code results.json} as the report shows them: a statistic object read back into a
 * {@link Stat}, formatted like the terminal's KPI table ({@code 13.2 ± 0.3}).
 */
final class Values {
    private Values() {
    }

    /** The statistic {@code {mean, sd, ci95_low, ci95_high, n[, p50, p90, p95, max]}}. */
    static Stat stat(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Stat.of(new double[0]);
        }
        Stat.Pooled pooled = node.has("p50") ? new Stat.Pooled(number(node, "p50"),
                number(node, "p90"), number(node, "p95"), number(node, "max"), 0) : null;
        return new Stat(number(node, "mean"), number(node, "sd"), number(node, "ci95_low"),
                number(node, "ci95_high"), node.path("n").asInt(0), pooled);
    }

    /** A number of the tree; NaN for {@code null} or a missing key. */
    static double number(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** {@code mean ± half-width}, the terminal's format. */
    static String pm(Stat stat) {
        return KpiTable.pm(stat);
    }

    /** The value with {@code decimals} decimals and ',' between thousands; "–" for none. */
    static String fixed(double value, int decimals) {
        return Double.isFinite(value)
                ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "–";
    }

    /**
     * The unit of a metric path ({@code nodes.DOS.wait_hours} → h,
     * {@code flows.F.time_breakdown_hours.closure} → h), or "" if unknown.
     */
    static String unit(String metricPath) {
        Parts<?> p = partsOf(metricPath);
        if (p != null) {
            return p.unit();
        }
        Metric<?> m = metric(metricPath);
        return m == null ? "" : m.unit();
    }

    /**
     * The {@link Parts} a path {@code SECTION.ID.PARTS.PART} names (its section's parts key
     * found as a segment after the id), or null for a metric path.
     */
    static Parts<?> partsOf(String metricPath) {
        int first = metricPath.indexOf('.');
        Section<?> section = first < 0 ? null
                : ResultSchema.section(metricPath.substring(0, first));
        if (section == null) {
            return null;
        }
        for (Parts<?> p : section.parts()) {
            int at = metricPath.indexOf("." + p.key() + ".", first + 1);
            if (at > first && at + p.key().length() + 2 < metricPath.length()) {
                return p;
            }
        }
        return null;
    }

    /** The meaning of a metric path's metric as a sentence, or the path if unknown. */
    static String meaning(String metricPath) {
        Parts<?> p = partsOf(metricPath);
        if (p != null) {
            return p.meaning() + ".";
        }
        Metric<?> m = metric(metricPath);
        return m == null ? metricPath : m.meaning() + ".";
    }

    /** The schema's metric of a dotted path: its first part names the section, its last the key. */
    static Metric<?> metric(String metricPath) {
        int first = metricPath.indexOf('.');
        int last = metricPath.lastIndexOf('.');
        if (first < 0) {
            return null;
        }
        Section<?> section = ResultSchema.section(metricPath.substring(0, first));
        return section == null ? null : section.metric(metricPath.substring(last + 1));
    }

    /** The value as a sort key for a table cell: the output files' number format. */
    static String sortKey(double value) {
        return Numbers.format(value);
    }
}
