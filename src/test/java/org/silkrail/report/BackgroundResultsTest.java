package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.engine.RandomStreams;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.RunInfo;
import org.silkrail.experiment.RunResults;
import org.silkrail.format.Csv;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Background flows in the written results: {@code background_totals} and the flows'
 * {@code background} flag appear in results.json and the CSV files only when the scenario has a
 * background flow, so that other scenarios write exactly what they wrote before.
 */
class BackgroundResultsTest {
    private static final Path SCENARIO = Path.of("src/test/resources/model/priority-mm1.yaml");

    @TempDir
    Path dir;

    @Test
    void results_scenarioWithBackgroundFlow_reportBackgroundTotalsAndFlag() throws Exception {
        RunResults results = run("horizon=120d");
        JsonNode json = new ObjectMapper().readTree(
                Files.readString(new ResultsJsonWriter().writeTo(dir, results)));

        assertThat(json.path("flows").path("bulk").path("background").isBoolean()).isTrue();
        assertThat(json.path("flows").path("bulk").path("background").asBoolean()).isTrue();
        assertThat(json.path("flows").path("urgent").path("background").asBoolean()).isFalse();
        // totals: the corridor flow only; background_totals: the background one
        assertThat(json.path("totals").path("trains_delivered").path("mean").asDouble())
                .isEqualTo(json.path("flows").path("urgent").path("trains_delivered")
                        .path("mean").asDouble());
        assertThat(json.path("background_totals").path("trains_delivered").path("mean")
                .asDouble()).isEqualTo(json.path("flows").path("bulk")
                .path("trains_delivered").path("mean").asDouble()).isPositive();
        List<String> keys = new ArrayList<>();
        json.propertyNames().forEach(keys::add);
        assertThat(keys.indexOf("background_totals")).isEqualTo(keys.indexOf("totals") + 1);

        List<List<String>> flows = read(new SectionCsv(ResultSchema.FLOWS).writeTo(dir, results));
        assertThat(flows.get(0).subList(0, 5)).containsExactly("replication", "id", "from", "to",
                "background");
        assertThat(flows).filteredOn(r -> r.get(1).equals("bulk"))
                .allSatisfy(r -> assertThat(r.get(4)).isEqualTo("true"));
        assertThat(flows).filteredOn(r -> r.get(1).equals("urgent"))
                .allSatisfy(r -> assertThat(r.get(4)).isEqualTo("false"));
        List<String> header = read(new ReplicationsCsv().writeTo(dir, results)).get(0);
        assertThat(header).contains("teu_per_year", "background_teu_per_year",
                "background_trains_delivered", "background_transit_days");
    }

    @Test
    void results_scenarioWithoutBackgroundFlow_haveNeitherKeyNorColumn() throws Exception {
        RunResults results = run("horizon=120d", "demand.bulk.background=false");
        String text = Files.readString(new ResultsJsonWriter().writeTo(dir, results));

        assertThat(text).doesNotContain("background");
        List<List<String>> flows = read(new SectionCsv(ResultSchema.FLOWS).writeTo(dir, results));
        assertThat(flows.get(0)).doesNotContain("background").contains("from", "to");
        assertThat(read(new ReplicationsCsv().writeTo(dir, results)).get(0))
                .noneMatch(c -> c.startsWith("background"));
    }

    private static RunResults run(String... sets) throws Exception {
        ModelSpec spec = ScenarioLoader.load(SCENARIO, List.of(sets)).model();
        RailModel model = new RailModel(spec, Network.build(spec.network()).compile());
        List<ReplicationResult> reps = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            reps.add(model.runReplication(r, new RandomStreams(7)));
        }
        return RunResults.aggregate(new RunInfo("priority-mm1", "test", 7, 2, 120, 20,
                "0".repeat(64), "0.1.0-test"), reps);
    }

    private static List<List<String>> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        try (Csv.Records records = Csv.records(new StringReader(text))) {
            for (Csv.Record r = records.next(); r != null; r = records.next()) {
                rows.add(r.fields());
            }
        }
        return rows;
    }
}
