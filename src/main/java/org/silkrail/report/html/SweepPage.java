package org.silkrail.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.silkrail.experiment.Stat;
import org.silkrail.report.Numbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of a sweep: each metric against the varied parameters, every variant's mean with
 * its 95 % interval, and a sortable table of the variants.
 *
 * <p>The script draws one chart per metric: the x axis is the varied parameter with the most
 * values (numbers on a value axis, other values in the sweep file's order), and every
 * combination of the other varied parameters is a line of its own. Embedded data:
 * {@code {kind: "sweep", sweep, plan, parameters, metrics, units, variants: [{variant, values,
 * replications, stats: [[mean, ci95_low, ci95_high], …]}]}}.
 */
public final class SweepPage implements ReportPage {
    /**
     * One row of {@code summary.csv}.
     *
     * @param values the value of each varied parameter as the sweep file writes it
     * @param stats per metric: mean, ci95_low, ci95_high (NaN when missing)
     */
    public record Variant(String variant, List<String> values, int replications,
            double[][] stats) {
        public Variant {
            values = List.copyOf(values);
        }
    }

    private final String name;
    private final JsonNode plan;
    private final List<String> parameters;
    private final List<String> metrics;
    private final List<Variant> variants;

    /**
     * @param name the sweep's id
     * @param plan {@code sweep-plan.json}, or {@code null}
     * @param parameters the varied scenario paths
     * @param metrics the metric paths, in column order
     */
    public SweepPage(String name, JsonNode plan, List<String> parameters, List<String> metrics,
            List<Variant> variants) {
        this.name = name;
        this.plan = plan;
        this.parameters = List.copyOf(parameters);
        this.metrics = List.copyOf(metrics);
        this.variants = List.copyOf(variants);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        new Page(name + " — silkrail sweep", body(), data()).writeTo(out);
    }

    private JsonNode data() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode data = f.objectNode();
        data.put("kind", "sweep");
        data.put("sweep", name);
        data.set("plan", plan);
        parameters.forEach(data.putArray("parameters")::add);
        metrics.forEach(data.putArray("metrics")::add);
        ArrayNode units = data.putArray("units");
        metrics.forEach(m -> units.add(Values.unit(m)));
        ArrayNode rows = data.putArray("variants");
        for (Variant v : variants) {
            ObjectNode row = rows.addObject();
            row.put("variant", v.variant());
            v.values().forEach(row.putArray("values")::add);
            row.put("replications", v.replications());
            ArrayNode stats = row.putArray("stats");
            for (double[] s : v.stats()) {
                ArrayNode triple = stats.addArray();
                for (double x : s) {
                    BigDecimal d = Numbers.decimal(x);
                    if (d == null) {
                        triple.addNull();
                    } else {
                        triple.add(d);
                    }
                }
            }
        }
        return data;
    }

    private Html body() {
        Html h = new Html();
        int replications = plan == null ? -1 : plan.path("replications").asInt(-1);
        Parts.header(h, "silkrail sweep report", name, variants.size() + " variant"
                + (variants.size() == 1 ? "" : "s") + (replications > 0 ? " × " + replications
                        + " replications" : "") + " · varied: " + String.join(", ", parameters),
                new String[][] {{"#charts", "Charts"}, {"#variants", "Variants"},
                    {"#inputs", "Inputs"}});
        h.open("main").newline();
        h.element("p", "Every point is a variant's mean over its replications with the 95 % "
                + "confidence interval of that mean; all variants share the root seed (common "
                + "random numbers), so differences between them are not blurred by different "
                + "random draws.", "class", "note");
        h.open("section", "id", "charts").newline();
        h.element("h2", "Metrics against the varied parameters");
        h.open("div", "class", "grid").newline();
        for (int m = 0; m < metrics.size(); m++) {
            String metric = metrics.get(m);
            String unit = Values.unit(metric);
            Parts.chart(h, "sweep-" + m, "sweep-metric", metric, metric + (unit.isEmpty() ? ""
                    : " (" + unit + ")"), Values.meaning(metric), null);
        }
        h.close("div").newline();
        h.close("section").newline();
        variantsTable(h);
        inputs(h);
        h.close("main").newline();
        Parts.footer(h, Parts.runningVersion());
        return h;
    }

    private void variantsTable(Html h) {
        h.open("section", "id", "variants").newline();
        h.element("h2", "Variants");
        h.element("p", "Mean ± 95 % CI half-width over each variant's replications. Click a "
                + "column heading to sort by it.", "class", "note");
        h.open("div", "class", "table-wrap");
        h.open("table", "class", "kpi sortable", "id", "table-variants").open("thead").open("tr");
        Parts.th(h, "variant", null, "number");
        for (String p : parameters) {
            Parts.th(h, p, "varied scenario value", "text");
        }
        Parts.th(h, "replications", null, "number");
        for (String m : metrics) {
            String unit = Values.unit(m);
            Parts.th(h, m + (unit.isEmpty() ? "" : " (" + unit + ")"), Values.meaning(m),
                    "number");
        }
        h.close("tr").close("thead").open("tbody").newline();
        for (Variant v : variants) {
            h.open("tr");
            Parts.numberCell(h, v.variant(), parse(v.variant()));
            for (String value : v.values()) {
                h.element("td", value, "class", "id");
            }
            Parts.numberCell(h, Integer.toString(v.replications()), v.replications());
            for (double[] s : v.stats()) {
                Stat stat = new Stat(s[0], Double.NaN, s[1], s[2], v.replications(), null);
                Parts.numberCell(h, Values.pm(stat), s[0]);
            }
            h.close("tr").newline();
        }
        h.close("tbody").close("table").close("div").newline();
        h.close("section").newline();
    }

    private void inputs(Html h) {
        h.open("section", "id", "inputs").newline();
        h.element("h2", "Inputs");
        if (plan == null) {
            h.element("p", "No sweep-plan.json beside summary.csv: the sweep's base and seed are "
                    + "unknown.", "class", "note");
        } else {
            h.element("p", "Running the sweep file again with this base and seed gives the same "
                    + "summary; base_sha256 identifies the base scenario as loaded.", "class",
                    "note");
            h.open("table", "class", "inputs").open("tbody").newline();
            for (String key : new String[] {"sweep", "base", "base_sha256", "replications",
                "seed"}) {
                JsonNode v = plan.get(key);
                h.open("tr");
                h.element("th", key, "scope", "row");
                h.element("td", v == null || v.isNull() ? "" : v.asString(), "class",
                        key.endsWith("sha256") ? "hash" : null);
                h.close("tr").newline();
            }
            h.close("tbody").close("table").newline();
        }
        h.close("section").newline();
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
