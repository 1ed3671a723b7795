package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioException;
import org.silkrail.scenario.ScenarioLoader;

/**
 * The false-alarm rate of {@link OverloadCheck}: the share of replications of a stable M/M/1
 * station at load 0.8 in which it finds anything, over 365 days of which 30 warm-up.
 *
 * <p>The figure in docs/experiments.md comes from a larger run of this test:
 * {@code mvn -o test -Dtest=OverloadCheckFalseAlarmTest -Dfalsealarm.replications=1000}
 * (it prints the counts; {@code -Dfalsealarm.rates=1,10} picks rates); the suite runs 40
 * replications per rate.
 */
class OverloadCheckFalseAlarmTest {
    static final int REPLICATIONS = Integer.getInteger("falsealarm.replications", 40);

    /** Arrival rates (trains/day) and the mean service time giving load 0.8 at each. */
    static Stream<Arguments> rates() {
        List<String> only = List.of(System.getProperty("falsealarm.rates", "1,10,100")
                .split(","));
        return Stream.of(Arguments.of(1, "18h"), Arguments.of(10, "108min"),
                Arguments.of(100, "648s")).filter(a -> only.contains(a.get()[0].toString()));
    }

    @ParameterizedTest(name = "{0} trains/day")
    @MethodSource("rates")
    void check_stableMm1AtLoad08_rarelyFindsOverload(int perDay, String meanService)
            throws ScenarioException {
        // one server, exponential service of mean 0.8 / λ: load 0.8
        ModelSpec spec = ScenarioLoader.load(CapacitySearchTest.MMC, List.of(
                "network.nodes.S.servers=1", "network.nodes.S.process=exp(" + meanService + ")",
                "demand.through.trains=poisson(" + perDay + "/day)", "horizon=365d",
                "warmup=30d", "seed=" + (1000 + perDay))).model();
        RailModel model = new RailModel(spec, Network.build(spec.network()).compile());
        RandomStreams streams = new RandomStreams(spec.run().seed());

        int alarms = 0;
        int growth = 0;
        int utilization = 0;
        int backlog = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            List<OverloadCheck.Finding> found = OverloadCheck.check(spec,
                    model.runReplication(r, streams));
            alarms += found.isEmpty() ? 0 : 1;
            for (OverloadCheck.Finding f : found) {
                switch (f.kind()) {
                    case OverloadCheck.QUEUE_GROWTH -> growth++;
                    case OverloadCheck.UTILIZATION -> utilization++;
                    default -> backlog++;
                }
            }
        }
        System.out.printf("false alarms at load 0.8, %d trains/day: %d of %d replications"
                + " (queue_growth %d, utilization %d, backlog %d)%n", perDay, alarms,
                REPLICATIONS, growth, utilization, backlog);

        assertThat(alarms).isLessThanOrEqualTo(REPLICATIONS / 20);
    }
}
