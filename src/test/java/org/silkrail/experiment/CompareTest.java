package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.cli.Cli;
import org.silkrail.cli.Cli.Outcome;
import org.silkrail.scenario.Scenario;
import org.silkrail.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Paired comparisons: common random numbers, exact zeros for a scenario against itself. */
class CompareTest {
    /** 160 days of which 10 warm-up: short enough for a test, long enough for queues to form. */
    static final List<String> SHORT = List.of("horizon=160d", "warmup=10d");
    static final int REPLICATIONS = 5;

    @TempDir
    Path dir;

    static RunResults run(String file, long seed) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of(file), SHORT);
        return ScenarioRun.run(new ScenarioRun.Request(s.id(), s.title(), s.inputSha256(),
                s.model(), REPLICATIONS, seed, 2), "test", Replications.Progress.NONE);
    }

    @Test
    void pairedInterval_commonRandomNumbers_narrowerThanIndependentStreams() throws Exception {
        RunResults base = run("scenarios/baseline-2025.yaml", 20240520);
        RunResults option = run("scenarios/third-railway.yaml", 20240520);
        // the same option with another seed: its replications share no random numbers with the
        // base's, as if each run had drawn its own
        RunResults independent = run("scenarios/third-railway.yaml", 99);

        Map<String, PairedDifference> crn = Comparison.of(base, Map.of("o", option))
                .differences().get("o");
        for (String metric : List.of("teu_per_year", "transit_days")) {
            MetricPath path = MetricPath.of(ResultSchema.TOTALS, metric);
            PairedDifference paired = crn.get(path.path());
            PairedDifference unpaired = PairedDifference.of(Comparison.values(base, path),
                    Comparison.values(independent, path));
            assertThat(paired.n()).isEqualTo(REPLICATIONS);
            // measured westbound only: TEU/year ±6,862 against ±19,670; transit days ±0.109
            // against ±0.201; both ways: TEU/year ±5,810 against ±9,918
            assertThat(paired.halfWidth()).as(metric).isPositive()
                    .isLessThan(unpaired.halfWidth() * 0.75);
        }
    }

    @Test
    void compare_scenarioWithItself_differencesExactlyZero() throws Exception {
        Outcome o = Cli.execute("compare", "scenarios/tiny-corridor.yaml",
                "scenarios/tiny-corridor.yaml", "--replications", "3", "--out", dir.toString(),
                "--threads", "2", "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(
                Files.readString(dir.resolve("comparison.json")));
        assertThat(root.get("base").asString()).isEqualTo("tiny-corridor");
        JsonNode metrics = root.get("options").get("tiny-corridor-2");
        assertThat(metrics.has("totals.teu_per_year")).isTrue();
        assertThat(metrics.has("nodes.DOS.wait_hours")).isTrue();
        assertThat(metrics.has("flows.westbound.transit_days")).isTrue();
        int checked = 0;
        for (var e : metrics.properties()) {
            JsonNode m = e.getValue();
            if (m.get("n").asInt() == 0) {
                continue; // a metric no replication has (a node no train reached)
            }
            assertThat(m.get("diff_mean").asDouble()).as(e.getKey()).isEqualTo(0.0);
            assertThat(m.get("diff_ci95_low").asDouble()).as(e.getKey()).isEqualTo(0.0);
            assertThat(m.get("diff_ci95_high").asDouble()).as(e.getKey()).isEqualTo(0.0);
            assertThat(m.get("option_mean").asDouble()).isEqualTo(m.get("base_mean").asDouble());
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(dir.resolve("tiny-corridor").resolve("results.json")).isRegularFile();
        assertThat(dir.resolve("tiny-corridor-2").resolve("results.json")).isRegularFile();
        assertThat(o.out()).contains("tiny-corridor-2 − tiny-corridor", "totals.teu_per_year",
                "[+0.000, +0.000]");
    }

    @Test
    void compare_option_jsonHasEveryFieldAndTableMarksIntervalsExcludingZero() throws Exception {
        Path option = dir.resolve("more-demand.yaml");
        Files.writeString(option, "extends: " + Path.of("scenarios/tiny-corridor.yaml")
                .toAbsolutePath() + "\nscenario: more-demand\ndemand:\n  westbound:\n"
                + "    trains: poisson(6/day)\n");
        Path out = dir.resolve("out");
        Outcome o = Cli.execute("compare", "scenarios/tiny-corridor.yaml",
                option.toString(), "--replications", "4", "--seed", "3", "--out", out.toString(),
                "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode teu = JsonMapper.builder().build().readTree(Files.readString(
                out.resolve("comparison.json"))).get("options").get("more-demand")
                .get("totals.teu_per_year");
        assertThat(teu.propertyNames()).containsExactly("base_mean", "option_mean", "diff_mean",
                "diff_ci95_low", "diff_ci95_high", "n");
        assertThat(teu.get("n").asInt()).isEqualTo(4);
        assertThat(teu.get("diff_mean").asDouble()).isCloseTo(teu.get("option_mean").asDouble()
                - teu.get("base_mean").asDouble(), within(1e-3));
        // 6 instead of 4 westbound trains a day: about 2 × 100 TEU × 365 more per year
        assertThat(teu.get("diff_ci95_low").asDouble()).isPositive();
        String line = o.out().lines().filter(l -> l.contains("totals.teu_per_year")).findFirst()
                .orElseThrow();
        assertThat(line).endsWith("*");
    }

    @Test
    void pairedDifference_workedExample_matchesJavadoc() {
        PairedDifference d = PairedDifference.of(new double[] {10, 12, 11, Double.NaN},
                new double[] {11, 14, 12, 5});
        assertThat(d.n()).isEqualTo(3);
        assertThat(d.diffMean()).isCloseTo(1.3333, within(1e-4));
        assertThat(d.diffCi95Low()).isCloseTo(-0.1009, within(1e-4));
        assertThat(d.diffCi95High()).isCloseTo(2.7676, within(1e-4));
        assertThat(d.excludesZero()).isFalse();
        assertThat(d.baseMean()).isEqualTo(11);
        assertThat(d.optionMean()).isCloseTo(12.3333, within(1e-4));
    }
}
