package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.silkrail.scenario.DirectionsBindingTest.load;
import static org.silkrail.scenario.DirectionsBindingTest.problems;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.SimTime;
import org.silkrail.model.RoutePolicy;

/** Binding of {@code route: {choose: …}} (route choice by logit). */
class RouteChoiceBindingTest {

    @Test
    void bind_chooseNamedRoutes_givesRoutesAndScale() throws ScenarioException {
        RoutePolicy route = load("demand.a-d.route={choose: {routes: [main], scale: 6h}}")
                .demand().get("a-d").route();

        assertThat(route).isEqualTo(new RoutePolicy.Choose(List.of("main"), 0,
                6 * SimTime.HOUR));
    }

    @Test
    void bind_chooseBestWithoutScale_takesTwelveHours() throws ScenarioException {
        RoutePolicy route = load("demand.a-d.route={choose: {best: 3}}").demand().get("a-d")
                .route();

        assertThat(route).isEqualTo(new RoutePolicy.Choose(List.of(), 3, 12 * SimTime.HOUR));
    }

    @Test
    void bind_chooseRoutesAndBest_reportsBoth() {
        assertThat(problems("demand.a-d.route={choose: {routes: [main], best: 2}}"))
                .singleElement().asString()
                .contains("demand.a-d.route.choose.best: write routes: (named routes) or best:");
    }

    @Test
    void bind_chooseNeitherRoutesNorBest_saysWhatToWrite() {
        assertThat(problems("demand.a-d.route={choose: {scale: 6h}}")).singleElement()
                .asString().contains("demand.a-d.route.choose: choose needs routes:");
    }

    @Test
    void bind_chooseUnknownRoute_namesIt() {
        assertThat(problems("demand.a-d.route={choose: {routes: [main, mian]}}"))
                .singleElement().asString().contains("demand.a-d.route.choose.routes[1]");
    }

    @Test
    void bind_chooseZeroScale_reportsTheScale() {
        assertThat(problems("demand.a-d.route={choose: {routes: [main], scale: 0h}}"))
                .singleElement().asString()
                .contains("demand.a-d.route.choose.scale: scale must be above zero");
    }

    @Test
    void validate_chosenRouteNotJoiningTheFlowsEnds_saysWhereEachRuns() {
        assertThat(problems("demand.a-c.route={choose: {routes: [main]}}")).singleElement()
                .asString().contains("demand.a-c.route.choose.routes[0]: route 'main' runs A"
                        + " → D; this flow runs A → C");
    }
}
