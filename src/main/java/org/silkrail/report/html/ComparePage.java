package org.silkrail.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.experiment.Comparison;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Stat;
import org.silkrail.report.ResultsJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of {@code silkrail compare}: every option's paired differences to the base with
 * their 95 % intervals, and the runs side by side, from {@code comparison.json} and each run's
 * {@code results.json}.
 *
 * <p>The main metrics are those of the terminal table: TEU per year, mean transit days overall
 * and per flow, and the mean wait at the five nodes where the base's trains wait longest. The
 * script draws the differences as a forest plot in percent of the base's mean, and the runs'
 * TEU per year, transit days per flow and waits side by side with each run's own interval;
 * tables give every metric of {@code comparison.json}. Embedded data: {@code {kind: "compare",
 * base, keys, comparison, runs: {KEY: results.json without its series}, main_metrics, units}}.
 */
public final class ComparePage implements ReportPage {
    /** Nodes in the main metrics: the base's longest mean waits (as the terminal table). */
    static final int BUSIEST_NODES = 5;

    private final JsonNode comparison;
    private final Map<String, JsonNode> runs;
    private final String base;
    private final List<String> keys;
    private final List<String> mainMetrics;

    /**
     * @param comparison the {@code comparison.json} document
     * @param runs each run's {@code results.json} by its key (the base's and every option's)
     */
    public ComparePage(JsonNode comparison, Map<String, JsonNode> runs) {
        this.comparison = comparison;
        this.base = comparison.path("base").asString("");
        this.keys = new ArrayList<>();
        keys.add(base);
        keys.addAll(comparison.path("options").propertyNames());
        this.runs = new LinkedHashMap<>();
        for (String key : keys) {
            JsonNode r = runs.get(key);
            if (r != null && r.isObject()) {
                // the daily series are the runs' own reports' business: they would only
                // weigh the page down here
                ObjectNode copy = ((ObjectNode) r).deepCopy();
                copy.remove("series");
                this.runs.put(key, copy);
            }
        }
        this.mainMetrics = mainMetrics(comparison, base);
    }

    /** The page of a comparison just computed: its JSON and the runs in key order. */
    public static ComparePage of(JsonNode comparison, List<String> keys, List<RunResults> runs) {
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            trees.put(keys.get(i), ResultsJsonWriter.toTree(runs.get(i)));
        }
        return new ComparePage(comparison, trees);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        new Page(String.join(", ", keys.subList(1, keys.size())) + " against " + base
                + " — silkrail comparison", body(), data()).writeTo(out);
    }

    /**
     * TEU per year, transit days overall and per flow, each flow's cost and CO2 per TEU where
     * the base or an option has a non-zero mean, then the waits at the {@value #BUSIEST_NODES}
     * nodes with the base's longest mean wait — those the first option reports. The same rows
     * as the terminal table ({@link Comparison#mainMetrics()}).
     */
    static List<String> mainMetrics(JsonNode comparison, String base) {
        JsonNode options = comparison.path("options");
        JsonNode first = options.isEmpty() ? null : options.get(options.propertyNames()
                .iterator().next());
        List<String> paths = new ArrayList<>();
        if (first == null) {
            return paths;
        }
        List<String> nodes = new ArrayList<>();
        Map<String, List<String>> perTeu = new LinkedHashMap<>();
        Comparison.PER_TEU_METRICS.forEach(m -> perTeu.put(m, new ArrayList<>()));
        for (String path : first.propertyNames()) {
            String[] flowMetric = flowMetric(path);
            if (path.equals("totals.teu_per_year") || path.equals("totals.transit_days")
                    || (flowMetric != null && flowMetric[1].equals("transit_days"))) {
                paths.add(path);
            } else if (flowMetric != null && perTeu.containsKey(flowMetric[1])
                    && nonZeroAnywhere(options, path)) {
                perTeu.get(flowMetric[1]).add(path);
            } else if (path.startsWith("nodes.") && path.endsWith(".wait_hours")
                    && Values.number(first.get(path), "base_mean") > 0) {
                nodes.add(path);
            }
        }
        perTeu.values().forEach(paths::addAll);
        nodes.sort(Comparator.comparingDouble(
                (String p) -> Values.number(first.get(p), "base_mean")).reversed());
        paths.addAll(nodes.subList(0, Math.min(BUSIEST_NODES, nodes.size())));
        return paths;
    }

    /**
     * {@code [flow id, metric key]} of a path {@code flows.ID.KEY} whose KEY is a flow metric
     * (not a part), or null. Flow ids may hold dots; metric keys do not.
     */
    static String[] flowMetric(String path) {
        if (!path.startsWith("flows.")) {
            return null;
        }
        int last = path.lastIndexOf('.');
        String key = path.substring(last + 1);
        if (last <= "flows.".length() || ResultSchema.FLOWS.metric(key) == null
                || Values.partsOf(path) != null) {
            return null;
        }
        return new String[] {path.substring("flows.".length(), last), key};
    }

    private static boolean nonZeroAnywhere(JsonNode options, String path) {
        for (String option : options.propertyNames()) {
            JsonNode d = options.get(option).get(path);
            for (String key : new String[] {"base_mean", "option_mean"}) {
                double v = Values.number(d, key);
                if (Double.isFinite(v) && v != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode data() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("kind", "compare");
        data.put("base", base);
        keys.forEach(data.putArray("keys")::add);
        data.set("comparison", comparison);
        ObjectNode r = data.putObject("runs");
        runs.forEach(r::set);
        mainMetrics.forEach(data.putArray("main_metrics")::add);
        ObjectNode units = data.putObject("units");
        mainMetrics.forEach(m -> units.put(m, Values.unit(m)));
        return data;
    }

    private Html body() {
        JsonNode baseRun = runs.get(base);
        int replications = baseRun == null ? -1 : baseRun.path("replications").asInt(-1);
        String seed = baseRun == null ? "" : baseRun.path("seed").asString("");
        Html h = new Html();
        Parts.header(h, "silkrail comparison report", String.join(", ", keys.subList(1,
                keys.size())) + " against " + base, (replications > 0 ? replications
                        + " replications per run · " : "") + (seed.isEmpty() ? "" : "seed "
                        + seed + " · ") + "common random numbers", new String[][] {
                    {"#charts", "Charts"}, {"#causes", "Where the days go"},
                    {"#differences", "Differences"}, {"#runs", "Runs"}});
        h.open("main").newline();
        h.element("p", "Every run used the same seed and replications, so replication r of each "
                + "option saw the same arrivals, processing draws and disruptions as replication "
                + "r of the base wherever they share them. A difference is option minus base, "
                + "averaged over the replications, with the 95 % interval of those paired "
                + "differences: an interval that excludes 0 (marked *) is a difference the run "
                + "resolves.", "class", "note");
        h.open("section", "id", "charts").newline();
        h.element("h2", "Charts");
        h.open("div", "class", "grid").newline();
        Parts.chart(h, "compare-differences", "compare-differences", null,
                "Differences to " + base + " (% of the base's mean)", "Paired difference of each "
                        + "main metric, option minus base, with its 95 % interval, in percent of "
                        + "the base's mean; hover for the values in their units.", "tall");
        Parts.chart(h, "compare-throughput", "compare-totals", "teu_per_year",
                "TEU per year, run by run", "Each run's mean with its own 95 % interval.", null);
        Parts.chart(h, "compare-transit", "compare-section", "flows.transit_days",
                "Transit days per flow, run by run", "Each run's mean transit days with its own "
                        + "95 % interval.", null);
        Parts.chart(h, "compare-waits", "compare-section", "nodes.wait_hours",
                "Wait at the busiest nodes, run by run", "Mean wait before processing at the "
                        + "nodes where the base's trains wait longest, with each run's 95 % "
                        + "interval.", null);
        h.close("div").newline();
        h.close("section").newline();
        causes(h);
        differences(h);
        runsTable(h);
        h.close("main").newline();
        Parts.footer(h, Parts.runningVersion());
        return h;
    }

    /**
     * Per option that pairs delay causes ({@code flows.ID.time_breakdown_hours.CAUSE}), a
     * chart of each flow's difference per cause; a comparison.json written before the causes
     * existed has none, and the section says so.
     */
    private void causes(Html h) {
        h.open("section", "id", "causes").newline();
        h.element("h2", "Where the days go differently");
        JsonNode options = comparison.path("options");
        boolean any = false;
        for (String option : options.propertyNames()) {
            boolean paired = false;
            for (String path : options.get(option).propertyNames()) {
                if (path.startsWith("flows.") && path.contains(".time_breakdown_hours.")) {
                    paired = true;
                    break;
                }
            }
            if (paired) {
                Parts.chart(h, "compare-causes-" + option, "compare-causes", option,
                        option + " − " + base + ": hours per train by cause",
                        "Per flow, the paired mean difference of each part of the transit time "
                                + "(running, processing, each cause of waiting), option minus "
                                + "base, in hours per delivered train, with its 95 % interval; "
                                + "the parts' differences add up to the flow's difference in "
                                + "transit time. Causes at 0 in both runs are left out.", null);
                any = true;
            }
        }
        if (!any) {
            h.element("p", "comparison.json pairs no delay cause "
                    + "(flows.ID.time_breakdown_hours): it was written by an earlier silkrail.",
                    "class", "note");
        }
        h.close("section").newline();
    }

    private void differences(Html h) {
        h.open("section", "id", "differences").newline();
        h.element("h2", "Differences to " + base);
        JsonNode options = comparison.path("options");
        for (String option : options.propertyNames()) {
            JsonNode metrics = options.get(option);
            h.element("h3", option + " − " + base + ": main metrics");
            differenceTable(h, "table-main-" + option, metrics, mainMetrics);
            h.open("details");
            h.element("summary", "Every metric of " + option + " (" + metrics.size() + ")");
            differenceTable(h, "table-all-" + option, metrics,
                    new ArrayList<>(metrics.propertyNames()));
            h.close("details").newline();
        }
        h.close("section").newline();
    }

    private void differenceTable(Html h, String id, JsonNode metrics, List<String> paths) {
        h.open("div", "class", "table-wrap");
        h.open("table", "class", "kpi sortable", "id", id).open("thead").open("tr");
        Parts.th(h, "metric", null, "text");
        Parts.th(h, "unit", null, "text");
        Parts.th(h, base, "the base's mean", "number");
        Parts.th(h, "option", "the option's mean", "number");
        Parts.th(h, "difference", "option minus base, mean of the paired differences",
                "number");
        Parts.th(h, "95 % CI", "interval of the mean paired difference", "number");
        Parts.th(h, "%", "difference in percent of the base's mean", "number");
        Parts.th(h, "", "* where the interval excludes 0", "text");
        h.close("tr").close("thead").open("tbody").newline();
        for (String path : paths) {
            JsonNode d = metrics.get(path);
            if (d == null) {
                continue;
            }
            double baseMean = Values.number(d, "base_mean");
            double diff = Values.number(d, "diff_mean");
            double low = Values.number(d, "diff_ci95_low");
            double high = Values.number(d, "diff_ci95_high");
            int decimals = decimals(low, high, diff);
            h.open("tr");
            h.element("td", path, "class", "id");
            h.element("td", Values.unit(path));
            Parts.numberCell(h, Values.fixed(baseMean, decimals), baseMean);
            Parts.numberCell(h, Values.fixed(Values.number(d, "option_mean"), decimals),
                    Values.number(d, "option_mean"));
            Parts.numberCell(h, signed(diff, decimals), diff);
            Parts.numberCell(h, Double.isFinite(low) ? "[" + signed(low, decimals) + ", "
                    + signed(high, decimals) + "]" : "–", high - low);
            double percent = baseMean != 0 ? 100 * diff / Math.abs(baseMean) : Double.NaN;
            Parts.numberCell(h, signed(percent, 1), percent);
            boolean resolved = Double.isFinite(low) && (low > 0 || high < 0);
            h.element("td", resolved ? "*" : "");
            h.close("tr").newline();
        }
        h.close("tbody").close("table").close("div").newline();
    }

    private void runsTable(Html h) {
        h.open("section", "id", "runs").newline();
        h.element("h2", "Runs");
        h.element("p", "Each run's folder holds its results.json, CSV files and its own report "
                + "with the map.", "class", "note");
        h.open("table", "class", "kpi", "id", "table-runs").open("thead").open("tr");
        for (String head : new String[] {"run", "title", "TEU per year", "transit days",
            "input_sha256", "report"}) {
            h.element("th", head, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody").newline();
        for (String key : keys) {
            JsonNode r = runs.get(key);
            h.open("tr");
            h.element("td", key + (key.equals(base) ? " (base)" : ""), "class", "id");
            if (r == null) {
                h.element("td", "results.json missing");
                h.element("td", "");
                h.element("td", "");
                h.element("td", "");
            } else {
                h.element("td", r.path("title").asString(""));
                Stat teu = Values.stat(r.path("totals").get("teu_per_year"));
                Stat days = Values.stat(r.path("totals").get("transit_days"));
                Parts.numberCell(h, Values.pm(teu), teu.mean());
                Parts.numberCell(h, Values.pm(days), days.mean());
                h.element("td", r.path("input_sha256").asString(""), "class", "hash");
            }
            h.open("td").element("a", key + "/" + HtmlReportWriter.FILE_NAME, "href",
                    key + "/" + HtmlReportWriter.FILE_NAME).close("td");
            h.close("tr").newline();
        }
        h.close("tbody").close("table").newline();
        h.close("section").newline();
    }

    /** Decimals that show two significant digits of the interval's half-width. */
    private static int decimals(double low, double high, double mean) {
        double half = (high - low) / 2;
        if (Double.isFinite(half) && half > 0) {
            return Math.max(0, Math.min(4, 1 - (int) Math.floor(Math.log10(half))));
        }
        double a = Math.abs(mean);
        return a >= 100 ? 0 : a >= 10 ? 1 : 2;
    }

    private static String signed(double v, int decimals) {
        String s = Values.fixed(v, decimals);
        return Double.isFinite(v) && v >= 0 ? "+" + s : s.replace('-', '−');
    }
}
