package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.every;
import static org.silkrail.model.Models.fixed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Capacity consumption (UIC 406 spirit) against rate × headway / period. */
class OccupationTest {

    @ParameterizedTest
    @CsvSource({"24, 2", "60, 1", "48, 3", "30, 4"})
    void consumption_doubleTrackConstantRate_equalsRateTimesHeadwayOverPeriod(
            double capacityPerDay, long intervalHours) {
        ReplicationResult result = Models.model()
                .junction("A")
                .junction("B")
                .rail("A", "B", 300, 2, 0, 60, capacityPerDay)
                .flow("f", "A", "B", every(intervalHours * HOUR), fixed(100))
                .run(60 * DAY, 5 * DAY)
                .runOnce(0);
        double rate = 24.0 / intervalHours;           // trains per day, one direction
        double headway = DAY / capacityPerDay;         // seconds
        double expected = rate * headway / DAY;
        ReplicationResult.LinkResult link = result.links().get("A-B");
        assertThat(link.capacityConsumption()).isCloseTo(expected, within(1e-9));
        assertThat(link.capacityConsumptionPeakDay()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void consumption_singleTrackOneTrainADay_isRunningTimeOverTheDay() {
        // 120 km at 60 km/h = 2 h over 3 sections of 40 min: 2 section-hours of 3 × 24 a day
        ReplicationResult result = Models.model()
                .junction("A")
                .junction("B")
                .rail("A", "B", 120, 1, 2, 60, 0)
                .flow("f", "A", "B", every(DAY), fixed(100))
                .run(30 * DAY, 2 * DAY)
                .runOnce(0);
        ReplicationResult.LinkResult link = result.links().get("A-B");
        assertThat(link.capacityConsumption()).isCloseTo(2.0 / (3 * 24), within(1e-9));
    }

    @Test
    void consumption_ferry_isNaN() {
        ReplicationResult result = Models.model()
                .port("P")
                .port("Q")
                .ferry("P", "Q", 2, 40, fixed(20 * HOUR), 0.5, 24 * HOUR)
                .flow("f", "P", "Q", every(DAY), fixed(60))
                .run(20 * DAY, 0)
                .runOnce(0);
        assertThat(result.links().get("P-Q").capacityConsumption()).isNaN();
    }
}
