package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ArrivalSpec;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.MonthlyProfile;

/** {@code start:}, {@code demand_monthly:} and a flow's {@code monthly:} as the binder reads them. */
class SeasonsBindingTest {
    private static final String PEAK = "[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]";

    @ParameterizedTest
    @CsvSource({"2025-01-01, 0", "2025-02-01, 31", "2025-03-01, 59", "2026-07-01, 181",
        "2025-12-31, 364", "2024-03-01, 59"})
    void load_startDate_isItsDayOfTheYear(String date, long day) throws ScenarioException {
        ModelSpec model = OverridesTest.load(OverridesTest.BASE, "start=" + date);

        assertThat(model.run().calendarStartSeconds()).isEqualTo(day * SimTime.DAY);
    }

    @Test
    void load_withoutStart_startsOnTheFirstOfJanuary() throws ScenarioException {
        assertThat(OverridesTest.load(OverridesTest.BASE).run().calendarStartSeconds()).isZero();
    }

    @Test
    void load_demandMonthly_shapesPoissonFlowsAndLeavesEveryAlone() throws ScenarioException {
        ModelSpec model = OverridesTest.load(OverridesTest.BASE, "demand_monthly=" + PEAK);

        // base.yaml: a-d poisson(4/day), a-c every(1d)
        assertThat(model.demand().get("a-d").trains()).isEqualTo(new ArrivalSpec.Poisson(
                4.0 / SimTime.DAY, MonthlyProfile.of(2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2)));
        assertThat(model.demand().get("a-c").trains()).isEqualTo(
                new ArrivalSpec.Every(SimTime.DAY));
    }

    @Test
    void load_flowMonthly_overridesTheScenariosProfile() throws ScenarioException {
        ModelSpec model = OverridesTest.load(OverridesTest.BASE, "demand_monthly=" + PEAK,
                "demand.a-d.monthly=[1, 1, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1]");

        assertThat(((ArrivalSpec.Poisson) model.demand().get("a-d").trains()).monthly())
                .isEqualTo(MonthlyProfile.of(1, 1, 1, 1, 1, 1, 3, 3, 1, 1, 1, 1));
    }

    @Test
    void load_demandScaleWithMonthly_keepsTheProfile() throws ScenarioException {
        ModelSpec model = OverridesTest.load(OverridesTest.BASE, "demand_monthly=" + PEAK,
                "demand_scale=2");

        assertThat(model.demand().get("a-d").trains()).isEqualTo(new ArrivalSpec.Poisson(
                8.0 / SimTime.DAY, MonthlyProfile.of(2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2)));
    }
}
