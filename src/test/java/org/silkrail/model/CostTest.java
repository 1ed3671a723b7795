package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.fixed;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cost and CO2 per TEU: the sum of the inputs along the route, plus the value of time. */
class CostTest {
    private static final double EXACT = 1e-9;

    /**
     * A → M → B: 100 km then 200 km at 50 km/h (2 h and 4 h), one hour of processing at M, one
     * train of 100 TEU every 10 days, so no train waits: transit 7 h exactly.
     */
    private static Models handComputable(CostSpec costs) {
        return Models.model()
                .junction("A")
                .station("M", 1, fixed(HOUR))
                .junction("B")
                .rail("A", "M", 100, 50)
                .rail("M", "B", 200, 50)
                .route("line", "A", "M", "B")
                .flow("f", "A", "B", every(10 * DAY), fixed(100))
                .costs(costs)
                .run(100 * DAY, 0);
    }

    @Test
    void cost_handComputableRoute_equalsTheSumOfTheInputs() {
        CostSpec costs = new CostSpec(Map.of("M", 329.0), Map.of("M", 2.0),
                Map.of("A-M", 0.5, "M-B", 0.25), Map.of("M-B", 40.0),
                Map.of("A-M", 20.0, "M-B", 10.0), 2.0);
        ReplicationResult result = handComputable(costs).runOnce(0);
        ReplicationResult.CostResult flow = result.flows().get("f").cost();
        double tariff = 100 * 0.5 + 200 * 0.25;          // 100 USD per TEU
        double fees = 329 + 40;                           // gauge change at M, fee on M-B
        double time = 2.0 * 7;                            // 7 h at 2 USD per TEU-hour
        double co2 = 100 * 20 / 1000.0 + 200 * 10 / 1000.0 + 2; // 6 kg per TEU
        assertThat(flow.tariffUsdPerTeu()).isCloseTo(tariff, within(EXACT));
        assertThat(flow.feesUsdPerTeu()).isCloseTo(fees, within(EXACT));
        assertThat(flow.timeUsdPerTeu()).isCloseTo(time, within(EXACT));
        assertThat(flow.usdPerTeu()).isCloseTo(tariff + fees + time, within(EXACT));
        assertThat(flow.co2KgPerTeu()).isCloseTo(co2, within(EXACT));
        ReplicationResult.CostResult route = result.routes().get("line").cost();
        assertThat(route.usdPerTeu()).isCloseTo(tariff + fees + time, within(EXACT));
        assertThat(route.co2KgPerTeu()).isCloseTo(co2, within(EXACT));
    }

    @Test
    void cost_noCostInputs_zeroNotNaN() {
        ReplicationResult.CostResult flow = handComputable(CostSpec.NONE).runOnce(0)
                .flows().get("f").cost();
        assertThat(flow.usdPerTeu()).isZero();
        assertThat(flow.co2KgPerTeu()).isZero();
    }
}
