package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's queue against exact queueing theory. At rho = 0.8 the mean wait of M/M/1 over N
 * customers has a standard error of about sqrt(1976 / N) hours (Daley's asymptotic variance for
 * mu = 1), so 4 million customers give 0.6 % and the 3 % bound is five standard errors.
 */
class QueueingOracleTest {
    private static final long SEED = 20240520L;

    @ParameterizedTest(name = "M/M/{0} at rho=0.8")
    @CsvSource({"1", "4"})
    void meanWait_mmcAtRho08_matchesErlangCWithin3Percent(int servers) {
        double mu = 1.0;
        double lambda = 0.8 * servers * mu;
        long customers = 4_000_000L;
        long horizon = (long) (customers / lambda * SimTime.HOUR);
        long warmup = horizon / 50;
        RandomStreams streams = new RandomStreams(SEED);
        MmcQueue queue = new MmcQueue(lambda, mu, servers, horizon, warmup,
                streams.stream(0, "arrivals"), streams.stream(0, "service")).run();

        double exact = MmcQueue.erlangCWait(lambda, mu, servers);
        assertThat(queue.meanWaitHours()).isCloseTo(exact, within(0.03 * exact));
        assertThat(queue.station().utilization(horizon)).isCloseTo(0.8, within(0.01));

        // Little's law: time-average queue = arrival rate x mean wait (rate per hour, wait in h)
        double queueMean = queue.station().queueLengthStat().mean(horizon);
        double measuredHours = (horizon - warmup) / (double) SimTime.HOUR;
        double arrivalRate = queue.station().arrivals() / measuredHours;
        assertThat(queueMean).isCloseTo(arrivalRate * queue.meanWaitHours(),
                within(0.02 * queueMean));
    }

    @Test
    void erlangCWait_knownValues() {
        // M/M/1: Wq = rho / (mu - lambda) = 0.8 / 0.2 = 4
        assertThat(MmcQueue.erlangCWait(0.8, 1, 1)).isCloseTo(4.0, within(1e-12));
        // M/M/2, lambda = 1, mu = 1: C = 1/3, Wq = C / (2 - 1) = 1/3 (textbook value)
        assertThat(MmcQueue.erlangCWait(1, 1, 2)).isCloseTo(1.0 / 3, within(1e-12));
    }
}
