package org.silkrail.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.silkrail.experiment.EntityStats;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.RunInfo;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.experiment.Stat;
import org.silkrail.experiment.Warning;

/**
 * The KPI summary a planner reads after {@code silkrail run}: TEU per year, trains delivered,
 * transit days, cost and CO2 per TEU per flow and route, and the most congested nodes, each mean with the half-width of
 * its 95 % confidence interval ({@code 13.2 ± 0.3}); then the overload warnings, if any. Percentiles of individual trains carry no
 * interval.
 *
 * <p>A value's decimals follow its interval: the half-width keeps two significant digits and the
 * mean is rounded to the same place, so no digit is printed that the run cannot support. Thousands
 * are grouped with ',' in every locale.
 */
public final class KpiTable {
    /** How many nodes the congestion list shows. */
    public static final int CONGESTED_NODES = 5;

    private KpiTable() {
    }

    /**
     * The summary as text lines ended by '\n'.
     *
     * @param nodeName a node's display name by id ({@code DOS} → {@code Dostyk}); may return null
     */
    public static String render(RunResults results, Function<String, String> nodeName) {
        StringBuilder out = new StringBuilder();
        RunInfo info = results.info();
        out.append(info.scenario());
        if (info.title() != null && !info.title().isBlank()) {
            out.append(" — ").append(info.title());
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT,
                "%d replications, seed %d, %s days simulated of which %s warm-up; "
                        + "mean ± 95 %% CI half-width%n",
                info.replications(), info.seed(), Numbers.format(info.horizonDays()),
                Numbers.format(info.warmupDays())));
        if (info.replications() < 2) {
            out.append("(one replication: no confidence intervals; use --replications 2 or more)\n");
        }

        EntityStats background = results.section(ResultSchema.BACKGROUND_TOTALS.key())
                .get(Section.SINGLE);
        totals(out, background == null ? "Totals" : "Totals (China–Europe trains)",
                results.totals());
        if (background != null) {
            totals(out, "Background traffic (other freight, not in the totals)", background);
        }

        Table flows = new Table("Flows", "trains delivered", "TEU delivered", "transit days",
                "p50", "p95", "USD per TEU", "kg CO2 per TEU", "route shares");
        for (Map.Entry<String, EntityStats> e : results.flows().entrySet()) {
            EntityStats f = e.getValue();
            Stat days = f.get("transit_days");
            List<String> shares = new ArrayList<>();
            f.share("route_share").forEach((route, s) -> shares.add(route + " "
                    + fixed(s.mean(), 2)));
            String id = "true".equals(f.labels().get("background"))
                    ? e.getKey() + " (background)" : e.getKey();
            flows.row(id, pm(f.get("trains_delivered")), pm(f.get("teu_delivered")),
                    pm(days), fixed(days.pooled().p50(), 1), fixed(days.pooled().p95(), 1),
                    fixed(f.get("cost_usd_per_teu").mean(), 0),
                    fixed(f.get("co2_kg_per_teu").mean(), 1), String.join(", ", shares));
        }
        flows.appendTo(out);

        Table where = new Table("Where the days go (per train)", "running", "processing",
                "waiting", "largest waits (days)");
        for (Map.Entry<String, EntityStats> e : results.flows().entrySet()) {
            Map<String, Stat> parts = e.getValue().parts("time_breakdown_hours");
            if (parts.isEmpty()) {
                continue;
            }
            double waiting = 0;
            List<Map.Entry<String, Stat>> waits = new ArrayList<>();
            for (Map.Entry<String, Stat> p : parts.entrySet()) {
                if (!p.getKey().equals("running") && !p.getKey().equals("processing")) {
                    waits.add(p);
                    waiting += Double.isFinite(p.getValue().mean()) ? p.getValue().mean() : 0;
                }
            }
            List<String> largest = waits.stream()
                    .filter(p -> p.getValue().mean() > 0)
                    .sorted(Comparator.comparingDouble(
                            (Map.Entry<String, Stat> p) -> p.getValue().mean()).reversed())
                    .limit(3)
                    .map(p -> p.getKey() + " " + pm(p.getValue().scaled(1 / 24.0)))
                    .toList();
            where.row(e.getKey(), fixed(parts.get("running").mean() / 24, 2),
                    fixed(parts.get("processing").mean() / 24, 2), fixed(waiting / 24, 2),
                    String.join(", ", largest));
        }
        where.appendTo(out);

        Table routes = new Table("Routes", "trains delivered", "transit days", "p50", "p95",
                "USD per TEU", "kg CO2 per TEU");
        for (Map.Entry<String, EntityStats> e : results.routes().entrySet()) {
            Stat days = e.getValue().get("transit_days");
            routes.row(e.getKey(), pm(e.getValue().get("trains")), pm(days),
                    fixed(days.pooled().p50(), 1), fixed(days.pooled().p95(), 1),
                    fixed(e.getValue().get("cost_usd_per_teu").mean(), 0),
                    fixed(e.getValue().get("co2_kg_per_teu").mean(), 1));
        }
        routes.appendTo(out);

        Table lines = new Table("Busiest rail lines (UIC 406 daily guidance: 60 % mixed traffic)",
                "capacity consumption", "peak day", "");
        for (Map.Entry<String, EntityStats> e : busiestLines(results.links())) {
            Stat c = e.getValue().get("capacity_consumption");
            Stat peak = e.getValue().get("capacity_consumption_peak_day");
            lines.row(e.getKey(), pm(c), pm(peak), peak.mean() > UIC406_DAILY_MIXED
                    ? "peak day above 60 %" : "");
        }
        lines.appendTo(out);

        Table nodes = new Table("Most congested nodes", "name", "wait hours", "queue (trains)",
                "utilization", "quota hits");
        for (Map.Entry<String, EntityStats> e : mostCongested(results.nodes())) {
            EntityStats n = e.getValue();
            String name = nodeName.apply(e.getKey());
            nodes.row(e.getKey(), name == null ? "" : name, pm(n.get("wait_hours")),
                    pm(n.get("queue_mean")), pm(n.get("utilization")), pm(n.get("quota_hits")));
        }
        nodes.appendTo(out);
        if (!results.warnings().isEmpty()) {
            out.append("\nWarnings (past capacity: the numbers above describe a network that does"
                    + " not settle)\n");
            for (Warning w : results.warnings()) {
                out.append("  ").append(w.kind()).append(": ").append(w.message()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * UIC Code 406 (2004): recommended capacity consumption over the daily period on
     * mixed-traffic lines (75 % in the peak hour); see docs/results.md.
     */
    static final double UIC406_DAILY_MIXED = 0.60;

    /** Rail links by mean capacity consumption, highest first; links with none left out. */
    static List<Map.Entry<String, EntityStats>> busiestLines(Map<String, EntityStats> links) {
        return links.entrySet().stream()
                .filter(e -> e.getValue().get("capacity_consumption").mean() > 0)
                .sorted(Comparator.comparingDouble(
                        (Map.Entry<String, EntityStats> e) -> e.getValue()
                                .get("capacity_consumption").mean()).reversed())
                .limit(CONGESTED_NODES)
                .toList();
    }

    /**
     * Nodes by mean wait, longest first; nodes where no train waited (junctions, nodes no train
     * reached) are left out.
     */
    static List<Map.Entry<String, EntityStats>> mostCongested(Map<String, EntityStats> nodes) {
        return nodes.entrySet().stream()
                .filter(e -> e.getValue().get("wait_hours").mean() > 0)
                .sorted(Comparator.comparingDouble(
                        (Map.Entry<String, EntityStats> e) -> e.getValue().get("wait_hours").mean())
                        .reversed())
                .limit(CONGESTED_NODES)
                .toList();
    }

    /** {@code 13.2 ± 0.3}; the mean alone when there is no interval; "–" with no value. */
    public static String pm(Stat s) {
        if (s.n() == 0 || !Double.isFinite(s.mean())) {
            return "–";
        }
        double half = s.halfWidth();
        if (!Double.isFinite(half)) {
            return fixed(s.mean(), defaultDecimals(s.mean()));
        }
        int decimals;
        if (half == 0) {
            decimals = s.mean() == Math.rint(s.mean()) ? 0 : defaultDecimals(s.mean());
        } else {
            // two significant digits of the half-width: 0.34 -> 2 decimals, 12 -> 0
            decimals = Math.max(0, Math.min(4, 1 - (int) Math.floor(Math.log10(half))));
        }
        return fixed(s.mean(), decimals) + " ± " + fixed(half, decimals);
    }

    private static void totals(StringBuilder out, String title, EntityStats totals) {
        Table t = new Table(title, "", "p50", "p95");
        t.row("TEU per year", pm(totals.get("teu_per_year")));
        t.row("trains delivered", pm(totals.get("trains_delivered")));
        t.row("trains in system at end", pm(totals.get("trains_in_system_at_end")));
        Stat transit = totals.get("transit_days");
        t.row("transit days", pm(transit), fixed(transit.pooled().p50(), 1),
                fixed(transit.pooled().p95(), 1));
        t.appendTo(out);
    }

    private static int defaultDecimals(double v) {
        double a = Math.abs(v);
        return a >= 100 ? 0 : a >= 10 ? 1 : 2;
    }

    private static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** A plain-text table: the first column left-aligned, the others right-aligned. */
    private static final class Table {
        private final String title;
        private final List<String[]> rows = new ArrayList<>();
        private final String[] header;

        Table(String title, String... header) {
            this.title = title;
            String[] h = new String[header.length + 1];
            h[0] = "";
            System.arraycopy(header, 0, h, 1, header.length);
            this.header = h;
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void appendTo(StringBuilder out) {
            out.append('\n').append(title).append('\n');
            if (rows.isEmpty()) {
                out.append("  (none)\n");
                return;
            }
            boolean hasHeader = false;
            for (String h : header) {
                hasHeader |= !h.isEmpty();
            }
            int columns = header.length;
            for (String[] r : rows) {
                columns = Math.max(columns, r.length);
            }
            int[] width = new int[columns];
            List<String[]> all = new ArrayList<>();
            if (hasHeader) {
                all.add(header);
            }
            all.addAll(rows);
            for (String[] r : all) {
                for (int c = 0; c < r.length; c++) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
            for (String[] r : all) {
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < r.length; c++) {
                    String pad = " ".repeat(width[c] - r[c].length());
                    if (c > 0) {
                        line.append("   ");
                    }
                    if (c == 0 || isText(c)) {
                        line.append(r[c]).append(pad);
                    } else {
                        line.append(pad).append(r[c]);
                    }
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }

        /** Columns of words (names, route shares) read better left-aligned. */
        private boolean isText(int column) {
            String h = column < header.length ? header[column] : "";
            return h.equals("name") || h.equals("route shares");
        }
    }
}
