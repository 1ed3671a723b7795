package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.silkrail.experiment.Band;
import org.silkrail.experiment.Breakdown;
import org.silkrail.experiment.Parts;
import org.silkrail.experiment.EntityStats;
import org.silkrail.experiment.Label;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.RunInfo;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Section;
import org.silkrail.experiment.SeriesKind;
import org.silkrail.experiment.Share;
import org.silkrail.experiment.Stat;
import org.silkrail.experiment.Warning;
import org.silkrail.format.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code results.json} (PRODUCT.md §4): the run's header, then every section of
 * {@link ResultSchema} with each statistic as {@code {mean, sd, ci95_low, ci95_high, n}} (plus
 * {@code p50, p90, p95, max} for per-train distributions), then the overload warnings
 * ({@code [{kind, id, message}]}, empty when none), then the chart series.
 *
 * <p>Deterministic: keys in schema order, entities in the order the results keep them, numbers
 * in {@link Numbers}' format, two-space indentation and '\n' line ends on every platform. Two
 * runs with the same seed give the same bytes except {@code engine.wall_seconds} and
 * {@code engine.events_per_second}.
 */
public final class ResultsJsonWriter implements ReportWriter {
    public static final String FILE_NAME = "results.json";


    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(RunResults results, OutputStream out) throws IOException {
        writeTree(toTree(results), out);
    }

    /** {@code tree} in this file's layout: two-space indentation, '\n' line ends. */
    static void writeTree(ObjectNode tree, OutputStream out) throws IOException {
        Json.pretty().writeValue(out, tree);
        out.write("\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The document as a tree, e.g. for tests and for the HTML report to embed. */
    public static ObjectNode toTree(RunResults results) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        RunInfo info = results.info();
        root.put("scenario", info.scenario());
        root.put("title", info.title());
        root.put("seed", info.seed());
        root.put("replications", info.replications());
        root.set("horizon_days", number(info.horizonDays()));
        root.set("warmup_days", number(info.warmupDays()));
        root.put("input_sha256", info.inputSha256());
        root.put("silkrail_version", info.silkrailVersion());
        for (Section<?> section : ResultSchema.SECTIONS) {
            Map<String, EntityStats> entities = results.section(section.key());
            if (entities.isEmpty() && ResultSchema.omittedWhenEmpty(section)) {
                continue;
            }
            if (section.keyed()) {
                ObjectNode byId = root.putObject(section.key());
                entities.forEach((id, stats) -> putEntity(byId.putObject(id), section, stats));
            } else {
                putEntity(root.putObject(section.key()), section,
                        entities.get(Section.SINGLE));
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        for (Warning w : results.warnings()) {
            ObjectNode warning = warnings.addObject();
            warning.put("kind", w.kind());
            warning.put("id", w.id());
            warning.put("message", w.message());
        }
        ObjectNode series = root.putObject("series");
        for (SeriesKind kind : ResultSchema.SERIES) {
            ObjectNode byId = series.putObject(kind.key());
            results.series().get(kind.key()).forEach((id, band) -> putBand(byId.putObject(id), band));
        }
        return root;
    }

    private static void putEntity(ObjectNode node, Section<?> section, EntityStats stats) {
        for (Label<?> label : section.labels()) {
            String text = stats.labels().get(label.key());
            if (!label.flag()) {
                node.put(label.key(), text);
            } else if (text != null) {
                node.put(label.key(), Boolean.parseBoolean(text));
            }
        }
        putMetrics(node, section, stats);
        for (Share<?> share : section.shares()) {
            ObjectNode parts = node.putObject(share.key());
            stats.share(share.key()).forEach((part, stat) -> putStat(parts.putObject(part), stat));
        }
        for (Breakdown<?> breakdown : section.breakdowns()) {
            ObjectNode parts = node.putObject(breakdown.key());
            stats.breakdown(breakdown.key()).forEach((part, partStats) ->
                    putMetrics(parts.putObject(part), section, partStats));
        }
        for (Parts<?> named : section.parts()) {
            ObjectNode parts = node.putObject(named.key());
            stats.parts(named.key()).forEach((part, stat) -> putStat(parts.putObject(part), stat));
        }
    }

    private static void putMetrics(ObjectNode node, Section<?> section, EntityStats stats) {
        for (Metric<?> metric : section.metrics()) {
            putStat(node.putObject(metric.key()), stats.get(metric.key()));
        }
    }

    static void putStat(ObjectNode node, Stat stat) {
        node.set("mean", number(stat.mean()));
        node.set("sd", number(stat.sd()));
        node.set("ci95_low", number(stat.ci95Low()));
        node.set("ci95_high", number(stat.ci95High()));
        node.put("n", stat.n());
        if (stat.isDistribution()) {
            node.set("p50", number(stat.pooled().p50()));
            node.set("p90", number(stat.pooled().p90()));
            node.set("p95", number(stat.pooled().p95()));
            node.set("max", number(stat.pooled().max()));
        }
    }

    private static void putBand(ObjectNode node, Band band) {
        putArray(node.putArray("mean"), band.mean());
        putArray(node.putArray("ci95_low"), band.ci95Low());
        putArray(node.putArray("ci95_high"), band.ci95High());
    }

    private static void putArray(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(number(v));
        }
    }

    static tools.jackson.databind.JsonNode number(double value) {
        java.math.BigDecimal d = Numbers.decimal(value);
        return d == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(d);
    }
}
