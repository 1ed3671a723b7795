package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.experiment.FakeModel;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Warning;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultsJsonWriterTest {
    // PRODUCT.md §4, written out here (not derived from ResultSchema) so that a renamed or
    // missing key in the schema fails this test
    static final List<String> TOP = List.of("scenario", "title", "seed", "replications",
            "horizon_days", "warmup_days", "input_sha256", "silkrail_version", "engine", "totals",
            "flows", "nodes", "links", "routes", "warnings", "series");
    static final List<String> ENGINE = List.of("events", "wall_seconds", "events_per_second");
    static final List<String> TOTALS = List.of("trains_delivered", "teu_delivered",
            "teu_per_year", "transit_days", "trains_in_system_at_end");
    static final List<String> FLOW = List.of("from", "to", "trains_generated",
            "trains_delivered", "teu_delivered", "empty_teu_delivered", "transit_days",
            "cost_usd_per_teu", "co2_kg_per_teu", "route_share", "time_breakdown_hours",
            "wait_by_place_hours", "cost_parts_usd_per_teu");
    static final List<String> NODE_METRICS = List.of("arrivals", "wait_hours",
            "process_hours", "utilization", "queue_mean", "queue_max", "quota_hits",
            "teu_per_day");
    static final List<String> NODE = concat(NODE_METRICS, List.of("directions", "monthly"));
    /** Keys whose values are plain strings or nested objects, not statistics. */
    static final List<String> NOT_STATS = List.of("route_share", "from", "to", "directions",
            "monthly", "time_breakdown_hours", "wait_by_place_hours", "cost_parts_usd_per_teu");
    static final List<String> LINK = List.of("trains", "utilization", "wait_hours",
            "capacity_consumption", "capacity_consumption_peak_day");
    static final List<String> ROUTE = List.of("trains", "transit_days", "cost_usd_per_teu",
            "co2_kg_per_teu", "cost_parts_usd_per_teu");
    static final List<String> STAT = List.of("mean", "sd", "ci95_low", "ci95_high", "n");
    static final List<String> DISTRIBUTION = List.of("mean", "sd", "ci95_low", "ci95_high", "n",
            "p50", "p90", "p95", "max");
    static final List<String> PER_TRAIN = List.of("totals.transit_days", "flows.transit_days",
            "routes.transit_days");

    @Test
    void write_fakeRun_hasExactlyTheContractKeys() throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(json(FakeModel.results(3, 1, 1)));
        assertThat(names(root)).containsExactlyElementsOf(TOP);
        assertThat(root.get("scenario").asString()).isEqualTo("fake");
        assertThat(root.get("replications").asInt()).isEqualTo(3);
        checkEntity(root.get("engine"), "engine", ENGINE);
        checkEntity(root.get("totals"), "totals", TOTALS);
        assertThat(names(root.get("flows"))).containsExactly("xian-europe",
                "chongqing, \"duisburg\"");
        for (JsonNode flow : root.get("flows").values()) {
            checkEntity(flow, "flows", FLOW);
            assertThat(names(flow.get("route_share"))).isNotEmpty();
            for (JsonNode share : flow.get("route_share").values()) {
                assertThat(names(share)).containsExactlyElementsOf(STAT);
            }
            assertThat(names(flow.get("time_breakdown_hours")))
                    .containsExactlyElementsOf(org.silkrail.model.Causes.NAMES);
            for (JsonNode part : flow.get("time_breakdown_hours").values()) {
                assertThat(names(part)).containsExactlyElementsOf(STAT);
            }
            assertThat(names(flow.get("wait_by_place_hours"))).isNotEmpty();
        }
        assertThat(names(root.get("nodes"))).containsExactly("XIA", "DOS", "MAL", "BAK");
        root.get("nodes").values().forEach(n -> checkEntity(n, "nodes", NODE));
        assertThat(root.at("/flows/xian-europe/from").asString()).isEqualTo("XIA");
        assertThat(root.at("/flows/xian-europe/to").asString()).isEqualTo("DUI");
        assertThat(names(root.at("/nodes/DOS/directions"))).containsExactly("west", "east");
        root.at("/nodes/DOS/directions").values()
                .forEach(d -> checkEntity(d, "nodes", NODE_METRICS));
        root.get("links").values().forEach(n -> checkEntity(n, "links", LINK));
        root.get("routes").values().forEach(n -> checkEntity(n, "routes", ROUTE));
        assertThat(names(root.get("series"))).containsExactly("node_queue_daily",
                "route_teu_monthly", "ferry_utilization_monthly");
        assertThat(root.get("warnings").isArray()).isTrue();
        assertThat(root.get("warnings").size()).isZero();
    }

    @Test
    void write_warnings_listOfKindIdMessage() throws IOException {
        RunResults results = FakeModel.results(3, 1, 1).withWarnings(List.of(
                new Warning("utilization", "DOS", "node DOS: utilisation 0.9951")));

        JsonNode root = JsonMapper.builder().build().readTree(json(results));

        assertThat(root.get("warnings").size()).isEqualTo(1);
        JsonNode w = root.get("warnings").get(0);
        assertThat(names(w)).containsExactly("kind", "id", "message");
        assertThat(w.get("kind").asString()).isEqualTo("utilization");
        assertThat(w.get("id").asString()).isEqualTo("DOS");
        assertThat(w.get("message").asString()).isEqualTo("node DOS: utilisation 0.9951");
    }

    @Test
    void write_missingValues_areNullNotNaN() throws IOException {
        String text = json(FakeModel.results(1, 1, 1));
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode root = JsonMapper.builder().build().readTree(text);
        // one replication: no spread, no interval
        assertThat(root.at("/totals/teu_per_year/sd").isNull()).isTrue();
        assertThat(root.at("/totals/teu_per_year/ci95_low").isNull()).isTrue();
        assertThat(root.at("/nodes/BAK/wait_hours/mean").isNull()).isTrue();
        assertThat(root.at("/nodes/BAK/wait_hours/n").asInt()).isZero();
    }

    @Test
    void write_sameSeedOneAndThreeThreads_byteIdenticalAsideFromTiming() throws IOException {
        String serial = json(FakeModel.results(6, 77, 1));
        String parallel = json(FakeModel.results(6, 77, 3));
        assertThat(withoutTiming(parallel)).isEqualTo(withoutTiming(serial));
        assertThat(withoutTiming(serial)).contains("\"events\"").doesNotContain("wall_seconds");
        String otherSeed = json(FakeModel.results(6, 78, 1));
        assertThat(withoutTiming(otherSeed)).isNotEqualTo(withoutTiming(serial));
    }

    @Test
    void write_numbers_useStableFormatAndNewlines() throws IOException {
        String text = json(FakeModel.results(2, 1, 1));
        assertThat(text).doesNotContain("\r").endsWith("}\n");
        assertThat(text).contains("\"horizon_days\": 40,");
        assertThat(text).doesNotContainPattern("[0-9]E[+-]?[0-9]");
    }

    /** Removes the two timing statistics, the only values allowed to differ between runs. */
    static String withoutTiming(String json) {
        return json.replaceAll("\"(wall_seconds|events_per_second)\": \\{[^}]*\\},?\\s*", "");
    }

    static String json(RunResults results) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResultsJsonWriter().write(results, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void checkEntity(JsonNode entity, String section, List<String> keys) {
        assertThat(names(entity)).as(section).containsExactlyElementsOf(keys);
        for (String key : keys) {
            if (NOT_STATS.contains(key)) {
                continue;
            }
            List<String> expected = PER_TRAIN.contains(section + "." + key) ? DISTRIBUTION : STAT;
            assertThat(names(entity.get(key))).as(section + "." + key)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
