package org.silkrail.report.html;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.Section;
import org.silkrail.experiment.Stat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of one run: headline numbers, the map, the charts, the KPI tables and the inputs
 * that reproduce the run, from the run's {@code results.json} document.
 *
 * <p>The tables are written here, in HTML, so they read without the script; the map and charts
 * are drawn by the page's script from the embedded data: {@code {kind: "run", results,
 * network, basemap, transit}}. The tables follow {@link ResultSchema}: a metric added there gets
 * its column here without a change.
 */
public final class RunPage implements ReportPage {
    private static final Map<String, String> OPTIONAL_TITLES = Map.of(
            "fleets", "Rolling stock fleets", "reforming", "Re-forming nodes",
            "ports", "Ports with berths");
    private final JsonNode results;
    private final NetworkGeometry network;
    private final TransitHistograms transit;

    /**
     * @param results the {@code results.json} document
     * @param network the network's geometry, or {@code null} when unknown (no map then)
     * @param transit the per-flow transit histograms, or {@code null} when unknown
     */
    public RunPage(JsonNode results, NetworkGeometry network, TransitHistograms transit) {
        this.results = results;
        this.network = network;
        this.transit = transit;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        new Page(title(), body(), data()).writeTo(out);
    }

    private String title() {
        String id = results.path("scenario").asString("");
        String title = results.path("title").asString("");
        return title.isBlank() || title.equals(id) ? id + " — silkrail report"
                : title + " — " + id;
    }

    private JsonNode data() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("kind", "run");
        data.set("results", results);
        data.set("network", network == null ? null : network.toPageJson());
        data.set("basemap", network == null ? null : Basemap.around(network));
        data.set("transit", transit == null ? null : transit.toPageJson());
        return data;
    }

    private Html body() {
        Html h = new Html();
        header(h);
        h.open("main").newline();
        headline(h);
        map(h);
        charts(h);
        tables(h);
        inputs(h);
        h.close("main").newline();
        Parts.footer(h, results.path("silkrail_version").asString(""));
        return h;
    }

    private void header(Html h) {
        String id = results.path("scenario").asString("");
        int replications = results.path("replications").asInt();
        Parts.header(h, "silkrail report", results.path("title").asString(id), id + " · "
                + replications + " replication" + (replications == 1 ? "" : "s") + " · seed "
                + results.path("seed").asString("") + " · "
                + Values.fixed(Values.number(results, "horizon_days"), 0)
                + " days simulated, the first "
                + Values.fixed(Values.number(results, "warmup_days"), 0)
                + " discarded as warm-up", new String[][] {{"#map-section", "Map"},
                    {"#charts", "Charts"}, {"#kpi", "KPI tables"}, {"#inputs", "Inputs"}});
    }

    private void headline(Html h) {
        JsonNode totals = results.path("totals");
        Stat transitDays = Values.stat(totals.get("transit_days"));
        h.open("section", "class", "cards", "aria-label", "headline numbers").newline();
        card(h, "TEU per year", Values.pm(Values.stat(totals.get("teu_per_year"))), null);
        card(h, "trains delivered", Values.pm(Values.stat(totals.get("trains_delivered"))),
                "in the measured window");
        card(h, "transit days", Values.pm(transitDays), transitDays.pooled() == null ? null
                : "p50 " + Values.fixed(transitDays.pooled().p50(), 1) + " · p95 "
                        + Values.fixed(transitDays.pooled().p95(), 1) + " of all trains");
        card(h, "trains in system at end",
                Values.pm(Values.stat(totals.get("trains_in_system_at_end"))), null);
        h.close("section").newline();
        h.element("p", "Every number is the mean over replications ± the half-width of its 95 % "
                + "confidence interval; p50 and p95 are percentiles of individual trains.",
                "class", "note");
        if (results.path("replications").asInt() < 2) {
            h.element("p", "One replication: no confidence intervals. Run with --replications 2 "
                    + "or more.", "class", "warn");
        }
    }

    private static void card(Html h, String label, String value, String detail) {
        h.open("div", "class", "card");
        h.element("div", label, "class", "card-label");
        h.element("div", value, "class", "card-value");
        if (detail != null) {
            h.element("div", detail, "class", "card-detail");
        }
        h.close("div").newline();
    }

    private void map(Html h) {
        h.open("section", "id", "map-section").newline();
        h.element("h2", "Network");
        h.element("p", "Links are coloured by utilisation and widened by the trains they carry; "
                + "nodes are sized by their mean wait. Gauge-change nodes are diamonds, borders "
                + "triangles, ports squares. Named routes are the broad bands behind the links "
                + "(click their names to show or hide them). Hover over anything for its "
                + "numbers.", "class", "note");
        h.open("div", "class", "map-wrap");
        h.open("div", "id", "map", "class", "chart map", "data-chart", "map", "data-draw", "map",
                "role", "img", "aria-label", "map of the network").close("div");
        mapLegend(h);
        h.close("div").newline();
        h.close("section").newline();
    }

    private static void mapLegend(Html h) {
        h.open("div", "class", "legend");
        h.element("div", "Link utilisation", "class", "legend-title");
        h.open("div", "class", "ramp-row");
        h.element("span", "0 %");
        h.open("span", "class", "ramp").close("span");
        h.element("span", "≥ 100 %");
        h.close("div");
        h.open("div", "class", "legend-row");
        h.open("span", "class", "line unused").close("span").text("no train");
        h.open("span", "class", "line ferry").close("span").text("ferry");
        h.close("div");
        h.element("div", "Nodes", "class", "legend-title");
        for (String[] kind : new String[][] {{"terminal", "terminal"},
            {"gauge-change", "gauge change"}, {"border", "border"}, {"port", "port"},
            {"junction", "junction"}}) {
            h.open("div", "class", "legend-row");
            h.open("span", "class", "sym sym-" + kind[0]).close("span").text(kind[1]);
            h.close("div");
        }
        h.element("div", "Size: mean wait before processing", "class", "legend-note");
        h.close("div");
    }

    private void charts(Html h) {
        h.open("section", "id", "charts").newline();
        h.element("h2", "Charts");
        h.open("div", "class", "grid").newline();
        Parts.chart(h, "transit", "Transit time per flow", "Share of each flow's delivered "
                + "trains that arrived within a given number of days, all replications pooled.");
        if (hasTimeBreakdown()) {
            Parts.chart(h, "time-breakdown", "Where the days go", "Each flow's mean transit "
                    + "time split into running, processing and each cause of waiting, in days; "
                    + "the parts add up to the mean transit time. Hover for hours with their "
                    + "95 % intervals.");
        }
        if (hasPart("routes", "cost_parts_usd_per_teu")) {
            Parts.chart(h, "route-cost", "Cost and CO2 per TEU by route", "Per route taken, "
                    + "the mean cost per TEU stacked from tariff, fees and the value of time "
                    + "(they add up to cost_usd_per_teu), and beside it the mean CO2 per TEU with "
                    + "its 95 % interval. Hover for every part with its interval.");
        }
        Parts.chart(h, "border-waits", "Waiting time at borders, gauge changes and ports",
                "Mean wait before processing starts, with its 95 % confidence interval.");
        if (hasPart("nodes", "directions")) {
            Parts.chart(h, "node-directions", "Waiting time by direction", "At the borders, "
                    + "gauge changes and ports that trains of both directions pass, the mean "
                    + "wait before processing of the westbound and of the eastbound trains, "
                    + "with their 95 % intervals, longest overall wait first.");
        }
        JsonNode fleets = results.path("fleets");
        if (fleets.isObject() && !fleets.isEmpty()) {
            Parts.chart(h, "fleets", "Rolling stock", "Per fleet of wagon sets or locomotives, "
                    + "the mean units in use with a train, running back empty, and free (they "
                    + "add up to the fleet's size), time-averaged over the measured window. Hover "
                    + "for the utilisation and the trains' wait for a unit, with 95 % intervals.");
        }
        Parts.chart(h, "queues", "Queue length at the five busiest nodes", "Trains waiting, "
                + "daily time-average; the line is the mean over replications, the band its 95 % "
                + "confidence interval.");
        Parts.chart(h, "queues-monthly", "Queue length by calendar month", "The same five "
                + "nodes, time-average trains waiting in each calendar month (placed by the "
                + "scenario's start date), mean over replications: the peak month of a node "
                + "that looks fine over the year. Hover for the largest queue, the wait and the "
                + "utilisation of that month.");
        Parts.chart(h, "route-teu", "TEU delivered per route", "TEU per 30-day period of the "
                + "measured window, mean and 95 % band; a last period shorter than 30 days is "
                + "left out.");
        Parts.chart(h, "ferries", "Ferry utilisation", "Wagons carried over wagon places "
                + "sailed, per 30-day period, mean and 95 % band; a last period shorter than 30 "
                + "days is left out.");
        h.close("div").newline();
        h.close("section").newline();
    }

    /** Whether a flow has {@code time_breakdown_hours} (issue 12's delay attribution). */
    private boolean hasTimeBreakdown() {
        return hasPart("flows", "time_breakdown_hours");
    }

    /**
     * Whether an entity of {@code section} has a non-empty object under {@code key}: a
     * results.json of an earlier silkrail lacks the newer ones, and its page leaves their
     * charts out.
     */
    private boolean hasPart(String section, String key) {
        for (JsonNode entity : results.path(section)) {
            JsonNode part = entity.path(key);
            if (part.isObject() && !part.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void tables(Html h) {
        h.open("section", "id", "kpi").newline();
        h.element("h2", "KPI tables");
        h.element("p", "Click a column heading to sort by it. Hover over a heading for its "
                + "meaning.", "class", "note");
        totalsTable(h);
        Map<String, NetworkGeometry.Node> nodes = new HashMap<>();
        Map<String, NetworkGeometry.Link> links = new HashMap<>();
        if (network != null) {
            network.nodes().forEach(n -> nodes.put(n.id(), n));
            network.links().forEach(l -> links.put(l.id(), l));
        }
        sectionTable(h, ResultSchema.FLOWS, "Flows", "flow", List.of(), id -> new String[0],
                null);
        sectionTable(h, ResultSchema.ROUTES, "Routes", "route", List.of(), id -> new String[0],
                null);
        sectionTable(h, ResultSchema.NODES, "Nodes, longest wait first", "node",
                List.of("name", "kind"), id -> {
                    NetworkGeometry.Node n = nodes.get(id);
                    return n == null ? new String[] {"", ""}
                            : new String[] {n.name(), n.kind() == null ? "" : n.kind()};
                }, "wait_hours");
        sectionTable(h, ResultSchema.LINKS, "Links", "link", List.of("between", "mode"), id -> {
            NetworkGeometry.Link l = links.get(id);
            return l == null ? new String[] {"", ""}
                    : new String[] {l.from() + " – " + l.to(), l.mode()};
        }, null);
        // sections a scenario has only when it uses them (fleets, re-forming, berths)
        for (Section<?> optional : List.of(ResultSchema.FLEETS, ResultSchema.REFORMING,
                ResultSchema.PORTS)) {
            JsonNode entities = results.path(optional.key());
            if (entities.isObject() && !entities.isEmpty()) {
                sectionTable(h, optional, OPTIONAL_TITLES.get(optional.key()), "id", List.of(),
                        id -> new String[0], null);
            }
        }
        h.close("section").newline();
    }

    private void totalsTable(Html h) {
        totalsTable(h, results.path("totals"), "Totals", "table-totals");
        JsonNode background = results.path("background_totals");
        if (background.isObject()) {
            h.element("p", "Totals count the China–Europe trains; the trains of background "
                    + "flows (other freight on the same lines) are counted apart.", "class",
                    "note");
            totalsTable(h, background, "Background traffic", "table-background-totals");
        }
    }

    private void totalsTable(Html h, JsonNode totals, String title, String id) {
        h.element("h3", title);
        h.open("table", "class", "kpi sortable", "id", id).open("thead").open("tr");
        Parts.th(h, "metric", null, "text");
        Parts.th(h, "unit", null, "text");
        Parts.th(h, "mean ± 95 % CI", null, "number");
        Parts.th(h, "p50", "median of individual trains", "number");
        Parts.th(h, "p95", "95th percentile of individual trains", "number");
        Parts.th(h, "meaning", null, "text");
        h.close("tr").close("thead").open("tbody").newline();
        for (Metric<?> m : ResultSchema.TOTALS.metrics()) {
            Stat s = Values.stat(totals.get(m.key()));
            h.open("tr");
            h.element("td", m.key(), "class", "id");
            h.element("td", m.unit());
            Parts.numberCell(h, Values.pm(s), s.mean());
            double p50 = s.pooled() == null ? Double.NaN : s.pooled().p50();
            double p95 = s.pooled() == null ? Double.NaN : s.pooled().p95();
            Parts.numberCell(h, s.pooled() == null ? "" : Values.fixed(p50, 1), p50);
            Parts.numberCell(h, s.pooled() == null ? "" : Values.fixed(p95, 1), p95);
            h.element("td", m.meaning(), "class", "meaning");
            h.close("tr").newline();
        }
        h.close("tbody").close("table").newline();
    }

    /**
     * A table with a row per entity of a keyed section and a column per metric of the schema
     * (per-train metrics add their pooled p50 and p95), plus the section's shares.
     *
     * @param sortBy a metric to order rows by, largest mean first; {@code null} keeps the
     *     results' order
     */
    private void sectionTable(Html h, Section<?> section, String title, String idHeader,
            List<String> extraHeaders, Function<String, String[]> extra,
            String sortBy) {
        JsonNode entities = results.path(section.key());
        h.element("h3", title);
        if (!entities.isObject() || entities.isEmpty()) {
            h.element("p", "None in this run.", "class", "note");
            return;
        }
        h.open("div", "class", "table-wrap");
        h.open("table", "class", "kpi sortable", "id", "table-" + section.key())
                .open("thead").open("tr");
        Parts.th(h, idHeader, null, "text");
        for (String e : extraHeaders) {
            Parts.th(h, e, null, "text");
        }
        List<String> labels = new ArrayList<>();
        for (var label : section.labels()) {
            boolean present = false;
            for (JsonNode entity : entities) {
                present |= entity.has(label.key());
            }
            if (present && !extraHeaders.contains(label.key())) {
                labels.add(label.key());
                Parts.th(h, label.key(), label.meaning(), "text");
            }
        }
        for (Metric<?> m : section.metrics()) {
            Parts.th(h, m.key() + " (" + m.unit() + ")", m.meaning(), "number");
            if (m.kind() == Metric.Kind.PER_TRAIN) {
                Parts.th(h, "p50", "median of individual trains (" + m.unit() + ")", "number");
                Parts.th(h, "p95", "95th percentile of individual trains (" + m.unit() + ")",
                        "number");
            }
        }
        for (var share : section.shares()) {
            Parts.th(h, share.key(), share.meaning(), "text");
        }
        h.close("tr").close("thead").open("tbody").newline();
        List<String> ids = new ArrayList<>(entities.propertyNames());
        if (sortBy != null) {
            // largest first, entities without a value last; the sort is stable, so ties keep
            // the results' order
            ids.sort(Comparator.comparingDouble(id -> {
                double mean = Values.stat(entities.path(id).get(sortBy)).mean();
                return Double.isFinite(mean) ? -mean : Double.POSITIVE_INFINITY;
            }));
        }
        for (String id : ids) {
            JsonNode entity = entities.path(id);
            h.open("tr");
            h.element("td", id, "class", "id");
            for (String value : extra.apply(id)) {
                h.element("td", value);
            }
            for (String label : labels) {
                JsonNode value = entity.get(label);
                h.element("td", value == null || value.isNull() ? "" : value.asString());
            }
            for (Metric<?> m : section.metrics()) {
                Stat s = Values.stat(entity.get(m.key()));
                Parts.numberCell(h, Values.pm(s), s.mean());
                if (m.kind() == Metric.Kind.PER_TRAIN) {
                    double p50 = s.pooled() == null ? Double.NaN : s.pooled().p50();
                    double p95 = s.pooled() == null ? Double.NaN : s.pooled().p95();
                    Parts.numberCell(h, Values.fixed(p50, 1), p50);
                    Parts.numberCell(h, Values.fixed(p95, 1), p95);
                }
            }
            for (var share : section.shares()) {
                List<String> parts = new ArrayList<>();
                JsonNode shares = entity.path(share.key());
                for (String part : shares.propertyNames()) {
                    parts.add(part + " " + Values.fixed(Values.number(shares.get(part), "mean"),
                            2));
                }
                h.element("td", String.join(", ", parts));
            }
            h.close("tr").newline();
        }
        h.close("tbody").close("table").close("div").newline();
    }

    private void inputs(Html h) {
        h.open("section", "id", "inputs").newline();
        h.element("h2", "Inputs");
        h.element("p", "Running the same scenario files with this seed and number of "
                + "replications gives the same results; input_sha256 identifies the inputs as "
                + "loaded (files, overlays and --set values).", "class", "note");
        h.open("table", "class", "inputs").open("tbody").newline();
        for (String key : new String[] {"scenario", "title", "seed", "replications",
            "horizon_days", "warmup_days", "input_sha256", "silkrail_version"}) {
            JsonNode v = results.get(key);
            h.open("tr");
            h.element("th", key, "scope", "row");
            h.element("td", v == null || v.isNull() ? "" : v.asString(),
                    "class", key.equals("input_sha256") ? "hash" : null);
            h.close("tr").newline();
        }
        JsonNode engine = results.path("engine");
        for (Metric<?> m : ResultSchema.ENGINE.metrics()) {
            h.open("tr");
            h.element("th", "engine." + m.key() + " (" + m.unit() + ")", "scope", "row",
                    "title", m.meaning());
            h.element("td", Values.pm(Values.stat(engine.get(m.key()))));
            h.close("tr").newline();
        }
        h.close("tbody").close("table").newline();
        h.close("section").newline();
    }
}
