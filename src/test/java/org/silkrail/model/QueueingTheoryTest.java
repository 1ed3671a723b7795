package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.silkrail.model.Models.DAY;
import static org.silkrail.model.Models.HOUR;
import static org.silkrail.model.Models.exp;
import static org.silkrail.model.Models.fixed;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.MmcQueue;
import org.silkrail.engine.RandomStreams;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioLoader;

/**
 * The whole model against queueing theory: single stations and a tandem line written as
 * scenario files ({@code src/test/resources/model/*.yaml}), loaded by the scenario loader, run
 * through {@link RailModel} and compared with exact results. A junction after the
 * station gives the train somewhere to go; links without a capacity limit are pure delays and
 * keep a Poisson stream Poisson, so the formulas apply station by station.
 */
class QueueingTheoryTest {
    /**
     * Each replication sees about 84 000 trains at 0.7 per hour. The spread of a replication's
     * mean wait, measured over 8 replications, is about 1.3 % for M/M/3 at rho 0.7, 2 % for
     * M/D/1 at 0.8 and 3.4 % for M/M/1 at 0.7; tests average enough replications for their
     * tolerance to be about three standard errors.
     */
    private static final long HORIZON = 5_000 * DAY;
    private static final long WARMUP = 20 * DAY;
    private static final long SEED = 20240520L;

    private static ArrivalSpec poissonPerHour(double rate) {
        return new ArrivalSpec.Poisson(rate / HOUR);
    }

    @Test
    void mmc_threeServersAtSeventyPercent_waitMatchesErlangC() throws Exception {
        double lambda = 2.1;
        double mu = 1.0;
        int c = 3;
        RailModel model = sameModel(Models.model()
                .station("S", c, exp(HOUR / mu))
                .junction("OUT")
                .rail("S", "OUT", 10, 50)
                .flow("f", "S", "OUT", poissonPerHour(lambda), fixed(100))
                .run(HORIZON, WARMUP), "mmc.yaml");
        ReplicationResult result = runAll(model, 1)[0];

        ReplicationResult.NodeResult station = result.nodes().get("S");
        double erlangC = MmcQueue.erlangCWait(lambda, mu, c); // hours: 1/mu is one hour
        assertThat(station.waitHours()).isCloseTo(erlangC, withPercentage(4));
        assertThat(station.processHours()).isCloseTo(1 / mu, withPercentage(1));
        assertThat(station.utilization()).isCloseTo(lambda / (c * mu), withPercentage(1));
        assertLittle(result);
    }

    @Test
    void md1_deterministicServiceAtEightyPercent_waitMatchesPollaczekKhinchine()
            throws Exception {
        double lambda = 0.8;
        double serviceHours = 1.0;
        RailModel model = sameModel(Models.model()
                .station("S", 1, fixed(serviceHours * HOUR))
                .junction("OUT")
                .rail("S", "OUT", 10, 50)
                .flow("f", "S", "OUT", poissonPerHour(lambda), fixed(100))
                .run(HORIZON, WARMUP), "md1.yaml");
        ReplicationResult[] results = runAll(model, 2);

        // Pollaczek–Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)); for fixed S, E[S^2] = S^2
        double rho = lambda * serviceHours;
        double pk = lambda * serviceHours * serviceHours / (2 * (1 - rho));
        assertThat(meanWaitHours(results, "S")).isCloseTo(pk, withPercentage(4));
        assertThat(results[0].nodes().get("S").processHours()).isEqualTo(serviceHours);
        assertLittle(results[0]);
    }

    @Test
    void tandem_twoExponentialStations_matchJacksonNetwork() throws Exception {
        double lambda = 0.7;
        double mu1 = 1.0;
        double mu2 = 1.25;
        double linkHours = 2.0;
        RailModel model = sameModel(Models.model()
                .station("A", 1, exp(HOUR / mu1))
                .station("B", 1, exp(HOUR / mu2))
                .rail("A", "B", 100, 50)
                .flow("f", "A", "B", poissonPerHour(lambda), fixed(100))
                .run(HORIZON, WARMUP), "tandem.yaml");
        ReplicationResult[] results = runAll(model, 4);

        // Jackson: each station is an independent M/M/1 with the same arrival rate; the train's
        // transit is the sum of the two sojourn times and the link's running time
        double waitA = (lambda / mu1) / (mu1 - lambda);
        double waitB = (lambda / mu2) / (mu2 - lambda);
        double sojourn = 1 / (mu1 - lambda) + 1 / (mu2 - lambda) + linkHours;
        assertThat(meanWaitHours(results, "A")).isCloseTo(waitA, withPercentage(5));
        assertThat(meanWaitHours(results, "B")).isCloseTo(waitB, withPercentage(5));
        double transitHours = Arrays.stream(results).mapToDouble(r -> Arrays.stream(
                r.totals().transitDays()).average().orElseThrow() * 24).average().orElseThrow();
        assertThat(transitHours).isCloseTo(sojourn, withPercentage(4));
        for (ReplicationResult result : results) {
            assertLittle(result);
        }
    }

    @Test
    void littlesLaw_corridorWithQuotaClosuresAndFerry_holdsAtEveryStation() {
        ReplicationResult result = RailModelTest.corridor().run(1000 * DAY, 30 * DAY).runOnce(0);

        assertLittle(result);
        assertThat(result.nodes().get("DOS").quotaHits()).isPositive();
    }

    /**
     * The model of scenario file {@code src/test/resources/model/<yamlFile>}, after checking on
     * a short run that it behaves exactly as the same scenario built in code: the oracles
     * below then hold for the file run through the whole chain, loader included.
     */
    private static RailModel sameModel(Models inCode, String yamlFile) throws Exception {
        ModelSpec fromFile = ScenarioLoader.load(
                Path.of("src/test/resources/model").resolve(yamlFile)).model();
        RailModel fileModel = new RailModel(fromFile,
                Network.build(fromFile.network()).compile());
        ModelSpec shortFile = new ModelSpec(fromFile.network(), fromFile.demand(),
                fromFile.closures(), fromFile.weather(),
                new RunSettings(50 * DAY, 5 * DAY, 1, fromFile.run().seed()));
        ModelSpec shortCode = inCode.run(50 * DAY, 5 * DAY).spec();
        RandomStreams streams = new RandomStreams(fromFile.run().seed());
        ReplicationResult viaFile = new RailModel(shortFile,
                Network.build(shortFile.network()).compile()).runReplication(0, streams);
        ReplicationResult viaCode = new RailModel(shortCode,
                Network.build(shortCode.network()).compile()).runReplication(0, streams);
        assertThat(viaFile).usingRecursiveComparison().ignoringFields("wallSeconds")
                .isEqualTo(viaCode);
        assertThat(fromFile.run().horizonSeconds()).isEqualTo(HORIZON);
        assertThat(fromFile.run().warmupSeconds()).isEqualTo(WARMUP);
        return fileModel;
    }

    private static ReplicationResult[] runAll(RailModel model, int replications) {
        ReplicationResult[] results = new ReplicationResult[replications];
        for (int r = 0; r < replications; r++) {
            results[r] = model.runReplication(r, new RandomStreams(SEED));
        }
        return results;
    }

    private static double meanWaitHours(ReplicationResult[] results, String node) {
        return Arrays.stream(results).mapToDouble(r -> r.nodes().get(node).waitHours())
                .average().orElseThrow();
    }

    /** Little's law at every processing node: time-average queue = arrival rate × mean wait. */
    private static void assertLittle(ReplicationResult result) {
        double measuredHours = result.measuredDays() * 24;
        for (Map.Entry<String, ReplicationResult.NodeResult> e : result.nodes().entrySet()) {
            ReplicationResult.NodeResult node = e.getValue();
            if (node.processHours() == 0) {
                continue;
            }
            double arrivalsPerHour = node.arrivals() / measuredHours;
            assertThat(node.queueMean())
                    .as("Little's law at %s", e.getKey())
                    .isCloseTo(arrivalsPerHour * node.waitHours(), within(
                            0.02 * node.queueMean() + 1e-3));
        }
    }
}
