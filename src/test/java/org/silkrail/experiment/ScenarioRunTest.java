package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RoutePolicy;
import org.silkrail.model.RunSettings;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.NetworkSpec;
import org.silkrail.network.NodeKind;
import org.silkrail.network.NodeSpec;
import org.silkrail.network.RouteSpec;
import org.silkrail.report.ResultsJsonWriter;

/** The whole path model → replications → statistics → results.json on a small network. */
class ScenarioRunTest {

    /** Two terminals joined by a 1000 km line, 4 trains a day, 60 days of which 10 warm-up. */
    static ModelSpec smallSpec() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("A", new NodeSpec("A", "Alpha", "KZ", 45, 75, 1520, NodeKind.TERMINAL, 2,
                new Distribution.Exponential(4 * SimTime.HOUR), 0));
        nodes.put("B", new NodeSpec("B", "Beta", "KZ", 46, 76, 1520, NodeKind.TERMINAL, 1,
                new Distribution.Exponential(5 * SimTime.HOUR), 0));
        Map<String, LinkSpec> links = Map.of("A-B",
                LinkSpec.rail("A-B", "A", "B", 1000, 2, 0, 50, 0));
        Map<String, RouteSpec> routes = Map.of("main", new RouteSpec("main", List.of("A", "B")));
        FlowSpec flow = new FlowSpec("a-b", "A", "B", new ArrivalSpec.Poisson(4.0 / SimTime.DAY),
                new Distribution.Uniform(90, 110), new RoutePolicy.Fastest());
        return new ModelSpec(new NetworkSpec(nodes, links, routes), Map.of("a-b", flow), Map.of(),
                Map.of(), new RunSettings(60 * SimTime.DAY, 10 * SimTime.DAY, 4, 99));
    }

    static RunResults run(int threads, long seed) {
        return ScenarioRun.run(new ScenarioRun.Request("small", "Small", "ab".repeat(32),
                smallSpec(), 4, seed, threads), "test", Replications.Progress.NONE);
    }

    @Test
    void run_oneAndTwoThreads_byteIdenticalResultsJsonAsideFromTiming() throws IOException {
        String serial = json(run(1, 7));
        String parallel = json(run(2, 7));
        assertThat(timingFree(parallel)).isEqualTo(timingFree(serial));
        assertThat(timingFree(json(run(2, 8)))).isNotEqualTo(timingFree(serial));
    }

    @Test
    void run_smallNetwork_headerAndPlausibleTotals() {
        RunResults results = run(2, 7);
        assertThat(results.info().horizonDays()).isEqualTo(60.0);
        assertThat(results.info().warmupDays()).isEqualTo(10.0);
        assertThat(results.replications()).hasSize(4);
        // 4 trains/day over 50 measured days: about 200 delivered per replication
        assertThat(results.totals().get("trains_delivered").mean()).isBetween(150.0, 250.0);
        // 1000 km at 50 km/h = 20 h of running, plus processing at both ends
        assertThat(results.totals().get("transit_days").pooled().p50()).isGreaterThan(20.0 / 24);
        assertThat(results.flows().get("a-b").get("trains_delivered").mean())
                .isCloseTo(results.totals().get("trains_delivered").mean(), within(1e-9));
        assertThat(results.nodes()).containsKeys("A", "B");
    }

    static String json(RunResults results) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResultsJsonWriter().write(results, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String timingFree(String json) {
        return json.replaceAll("\"(wall_seconds|events_per_second)\": \\{[^}]*\\},?\\s*", "");
    }
}
