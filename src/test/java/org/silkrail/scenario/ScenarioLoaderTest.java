package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.Distribution;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.ClosureSpec;
import org.silkrail.model.FlowSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RoutePolicy;
import org.silkrail.network.DepartureRule;
import org.silkrail.network.LinkMode;
import org.silkrail.network.LinkSpec;
import org.silkrail.network.NodeKind;
import org.silkrail.network.NodeSpec;

class ScenarioLoaderTest {
    static final Path GOOD = Path.of("src/test/resources/scenario/good");

    @Test
    void load_corridor_bindsEveryValueInSimulationUnits() throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(GOOD.resolve("corridor.yaml"), List.of());
        ModelSpec model = scenario.model();

        assertThat(scenario.id()).isEqualTo("corridor");
        assertThat(scenario.title()).isEqualTo("A small test corridor");
        assertThat(model.run().horizonSeconds()).isEqualTo(365 * SimTime.DAY);
        assertThat(model.run().warmupSeconds()).isEqualTo(30 * SimTime.DAY);
        assertThat(model.run().replications()).isEqualTo(20);
        assertThat(model.run().seed()).isEqualTo(20240520L);

        NodeSpec dostyk = model.network().nodes().get("DOS");
        assertThat(dostyk).isEqualTo(new NodeSpec("DOS", "Dostyk", "KZ", 45.25, 82.48, 1520,
                NodeKind.GAUGE_CHANGE, 4, new Distribution.LogNormal(6 * 3600, 3 * 3600), 28.0));
        assertThat(model.network().nodes().get("ALA").processSeconds()).isNull();
        assertThat(model.network().nodes().get("XIA").name()).isEqualTo("Xi'an International Port");

        assertThat(model.network().links().get("XIA-ALA")).isEqualTo(
                LinkSpec.rail("XIA-ALA", "XIA", "ALA", 3500, 2, 0, 60, 40));
        assertThat(model.network().links().get("DOS-AKU")).isEqualTo(
                LinkSpec.rail("DOS-AKU", "DOS", "AKU", 2400, 1, 60, 45, 0));
        LinkSpec ferry = model.network().links().get("AKU-ALAT");
        assertThat(ferry.mode()).isEqualTo(LinkMode.FERRY);
        assertThat(ferry).isEqualTo(LinkSpec.ferry("AKU-ALAT", "AKU", "ALAT", 480, 6, 54,
                new Distribution.LogNormal(22 * 3600, 4 * 3600), new DepartureRule(0.8, 48 * 3600)));
        assertThat(model.network().routes().get("northern").waypoints())
                .containsExactly("XIA", "ALA", "DOS", "MAL", "DUI");

        FlowSpec europe = model.demand().get("xian-europe");
        assertThat(europe.trains()).isEqualTo(new ArrivalSpec.Poisson(7.0 / SimTime.DAY));
        assertThat(europe.teu()).isEqualTo(new Distribution.Uniform(90, 110));
        assertThat(europe.route()).isEqualTo(new RoutePolicy.Shares(
                java.util.Map.of("northern", 0.9, "caspian", 0.1)));
        FlowSpec caspian = model.demand().get("xian-caspian");
        assertThat(caspian.trains()).isEqualTo(new ArrivalSpec.Every(12 * SimTime.HOUR));
        assertThat(caspian.teu()).isEqualTo(new Distribution.Fixed(82));
        assertThat(caspian.route()).isEqualTo(new RoutePolicy.Via(List.of("DOS", "AKU")));
        assertThat(model.demand().get("timetable").trains()).isEqualTo(new ArrivalSpec.Schedule(
                new long[] {0, 30 * SimTime.HOUR, 3 * SimTime.DAY}, 7 * SimTime.DAY));

        assertThat(model.closures().get("dostyk-jam")).isEqualTo(new ClosureSpec("dostyk-jam",
                "DOS", null, 0, new Distribution.LogNormal(20 * SimTime.DAY, 15 * SimTime.DAY),
                new Distribution.Exponential(240 * SimTime.DAY), 0.4));
        assertThat(model.closures().get("poland-2025")).isEqualTo(new ClosureSpec("poland-2025",
                "MAL", null, 250 * SimTime.DAY, new Distribution.Fixed(13 * SimTime.DAY), null, 0));
        assertThat(model.weather().get("caspian").links()).containsExactly("AKU-ALAT");
        assertThat(model.weather().get("caspian").stormsPerSecond())
                .isCloseTo(2 / (SimTime.YEAR_SECONDS / 12), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void load_everyKeyScenario_hasNoProblems() throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(GOOD.resolve("every-key.yaml"), List.of());

        assertThat(scenario.model().network().links().get("KUR-ALAT").mode())
                .isEqualTo(LinkMode.FERRY);
        assertThat(scenario.model().closures()).containsOnlyKeys("dostyk-jam", "lanzhou-works",
                "poland-2025", "jam", "jam-too");
        assertThat(scenario.model().weather()).containsOnlyKeys("caspian", "spring", "autumn");
    }

    @Test
    void load_missingFile_reportsTheFileWithoutPlace() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(GOOD.resolve("corridr.yaml"), List.of()));
        assertThat(e.diagnostics()).extracting(Diagnostic::format).containsExactly(
                GOOD.resolve("corridr.yaml") + ": no such file; did you mean corridor.yaml?");
    }
}
