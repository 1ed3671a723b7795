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

    /**
     * Dostyk halved for 3 weeks against the baseline: comparison.json pairs every delay cause
     * of every flow, each equal to the paired mean of the two runs' time_breakdown_hours.csv;
     * the cut shows as more closure hours for Xi'an → Europe, at Dostyk; and the table adds
     * each flow's cost and CO2 per TEU where a run has them.
     */
    @Test
    void compare_closureOption_pairsEveryDelayCauseAndPrintsCostAndCo2PerFlow() throws Exception {
        Outcome o = Cli.execute("compare", "scenarios/baseline-2025.yaml",
                "scenarios/dostyk-disruption.yaml", "--replications", "2", "--set",
                "horizon=160d", "--set", "warmup=10d", "--out", dir.toString(), "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode metrics = JsonMapper.builder().build().readTree(Files.readString(
                dir.resolve("comparison.json"))).get("options").get("dostyk-disruption");

        Map<String, double[]> base = csvByFlowAndCause(dir.resolve("baseline-2025"));
        Map<String, double[]> option = csvByFlowAndCause(dir.resolve("dostyk-disruption"));
        assertThat(base).hasSizeGreaterThan(16 * 10);
        int paired = 0;
        for (Map.Entry<String, double[]> e : base.entrySet()) {
            double[] b = e.getValue();
            double[] x = option.get(e.getKey());
            JsonNode d = metrics.get(e.getKey());
            assertThat(d).as(e.getKey()).isNotNull();
            if (Double.isNaN(b[0] + b[1] + x[0] + x[1])) {
                continue; // a flow without trains in a replication
            }
            double expected = (x[0] - b[0] + x[1] - b[1]) / 2;
            assertThat(d.get("diff_mean").asDouble()).as(e.getKey())
                    .isCloseTo(expected, within(1e-9 * (1 + Math.abs(b[0]) + Math.abs(x[0]))));
            assertThat(d.get("n").asInt()).isEqualTo(2);
            paired++;
        }
        assertThat(paired).isGreaterThan(16 * 10);
        assertThat(metrics.get("flows.xian-europe.time_breakdown_hours.closure")
                .get("diff_mean").asDouble()).isGreaterThan(5);
        assertThat(metrics.get("flows.xian-europe.wait_by_place_hours.DOS").get("diff_mean")
                .asDouble()).isGreaterThan(5);
        assertThat(metrics.get("flows.xian-europe.time_breakdown_hours.running")
                .get("diff_mean").asDouble()).isZero();
        assertThat(metrics.has("flows.xian-europe.cost_parts_usd_per_teu.tariff")).isTrue();
        assertThat(metrics.has("routes.northern.co2_kg_per_teu")).isTrue();

        List<String> rows = o.out().lines().map(l -> l.strip().split("\\s+")[0]).toList();
        // every rail line and ferry of the shipped network has a CO2 factor: a row per flow
        assertThat(rows).contains("flows.xian-europe.cost_usd_per_teu",
                "flows.titr-xian.cost_usd_per_teu", "flows.xian-titr.co2_kg_per_teu",
                "flows.xian-europe.co2_kg_per_teu");
        assertThat(rows.indexOf("flows.kazakhstan-xinjiang.transit_days"))
                .isLessThan(rows.indexOf("flows.xian-europe.cost_usd_per_teu"));
        // the tariffs do not change: equal, not a last-bit difference the interval "resolves"
        String cost = o.out().lines().filter(l -> l.contains("flows.xian-europe.cost_usd_per_teu"))
                .findFirst().orElseThrow();
        assertThat(cost).containsPattern("\\+0\\.000 +\\[\\+0\\.000, \\+0\\.000]$");
    }

    /** {@code flows.ID.time_breakdown_hours.CAUSE} to its value in replications 0 and 1. */
    private static Map<String, double[]> csvByFlowAndCause(Path run) throws Exception {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        List<String> lines = Files.readAllLines(run.resolve("time_breakdown_hours.csv"));
        assertThat(lines.get(0)).isEqualTo("replication,id,cause,time_breakdown_hours");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double[] v = out.computeIfAbsent("flows." + f[1] + ".time_breakdown_hours." + f[2],
                    k -> new double[] {Double.NaN, Double.NaN});
            v[Integer.parseInt(f[0])] = f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]);
        }
        return out;
    }

    @Test
    void pairedDifference_lastBitDifferences_countAsZero() {
        double x = 1456.92;
        double y = Math.nextUp(Math.nextUp(x));
        PairedDifference d = PairedDifference.of(new double[] {x, y, x}, new double[] {y, x, x});

        assertThat(d.diffMean()).isZero();
        assertThat(d.diffCi95Low()).isZero();
        assertThat(d.diffCi95High()).isZero();
        assertThat(d.excludesZero()).isFalse();
        // a difference in the 12th significant digit is kept
        assertThat(PairedDifference.of(new double[] {x, x}, new double[] {x + 1e-8, x + 2e-8})
                .diffMean()).isCloseTo(1.5e-8, within(1e-12));
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
