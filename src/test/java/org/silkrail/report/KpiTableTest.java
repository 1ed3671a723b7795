package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.silkrail.experiment.EntityStats;
import org.silkrail.experiment.FakeModel;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Stat;

class KpiTableTest {

    @Test
    void pm_halfWidthSetsTheDecimals() {
        assertThat(KpiTable.pm(new Stat(12.8341, 0.5, 12.5341, 13.1341, 20, null)))
                .isEqualTo("12.83 ± 0.30");
        assertThat(KpiTable.pm(new Stat(254321.7, 2000, 253087.7, 255555.7, 20, null)))
                .isEqualTo("254,322 ± 1,234");
        assertThat(KpiTable.pm(new Stat(13.24, 2, 10.24, 16.24, 20, null)))
                .isEqualTo("13.2 ± 3.0");
    }

    @Test
    void pm_noIntervalOrNoValue_saysSo() {
        assertThat(KpiTable.pm(new Stat(13.24, Double.NaN, Double.NaN, Double.NaN, 1, null)))
                .isEqualTo("13.2");
        assertThat(KpiTable.pm(Stat.of(new double[0]))).isEqualTo("–");
        assertThat(KpiTable.pm(Stat.of(new double[] {5, 5}))).isEqualTo("5 ± 0");
    }

    /** The flows table gives each flow's cost and CO2 per TEU (means), as the routes table. */
    @Test
    void render_flowsWithCostAndCo2_printsThemPerFlow() {
        RunResults fake = FakeModel.results(4, 1, 1);
        Map<String, EntityStats> flows = new LinkedHashMap<>();
        fake.flows().forEach((id, f) -> {
            Map<String, Stat> metrics = new LinkedHashMap<>(f.metrics());
            boolean xe = id.equals("xian-europe");
            metrics.put("cost_usd_per_teu", Stat.of(xe ? new double[] {1620.4, 1622.4}
                    : new double[] {745, 745}));
            metrics.put("co2_kg_per_teu", Stat.of(xe ? new double[] {505.75, 505.85}
                    : new double[] {0, 0}));
            flows.put(id, new EntityStats(f.labels(), metrics, f.shares(), f.breakdowns(),
                    f.parts()));
        });
        Map<String, Map<String, EntityStats>> sections = new LinkedHashMap<>(fake.sections());
        sections.put("flows", flows);
        RunResults results = new RunResults(fake.info(), sections, fake.series(),
                fake.replications(), fake.warnings());

        String text = KpiTable.render(results, id -> null);

        String flowsTable = text.substring(text.indexOf("Flows"), text.indexOf("Where the days"));
        assertThat(flowsTable.lines().skip(1).findFirst().orElseThrow())
                .contains("USD per TEU", "kg CO2 per TEU");
        String xe = flowsTable.lines().filter(l -> l.strip().startsWith("xian-europe"))
                .findFirst().orElseThrow();
        assertThat(xe).contains(" 1,621 ", " 505.8 ");
        String other = flowsTable.lines().filter(l -> l.strip().startsWith("chongqing"))
                .findFirst().orElseThrow();
        assertThat(other).contains(" 745 ", " 0.0 ");
    }

    @Test
    void render_fakeRun_listsKpisAndAtMostFiveNodesByWait() {
        RunResults results = FakeModel.results(4, 1, 1);
        String text = KpiTable.render(results, id -> id.equals("DOS") ? "Dostyk" : null);
        assertThat(text).contains("TEU per year", "trains delivered", "transit days",
                "xian-europe", "northern", "titr", "Most congested nodes", "Dostyk", " ± ");
        // BAK saw no train: it has no wait and is not listed
        assertThat(text).doesNotContain("BAK");
        var congested = KpiTable.mostCongested(results.nodes());
        assertThat(congested).hasSizeLessThanOrEqualTo(KpiTable.CONGESTED_NODES);
        for (int i = 1; i < congested.size(); i++) {
            assertThat(congested.get(i - 1).getValue().get("wait_hours").mean())
                    .isGreaterThanOrEqualTo(congested.get(i).getValue().get("wait_hours").mean());
        }
    }
}
