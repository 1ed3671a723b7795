package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void tally_knownValues_giveMeanVarianceMinMax() {
        Tally tally = new Tally();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            tally.add(x);
        }
        assertThat(tally.count()).isEqualTo(8);
        assertThat(tally.mean()).isEqualTo(5.0);
        assertThat(tally.variance()).isCloseTo(32.0 / 7, within(1e-12));
        assertThat(tally.min()).isEqualTo(2.0);
        assertThat(tally.max()).isEqualTo(9.0);
    }

    @Test
    void tally_largeOffset_keepsVarianceAccurate() {
        // Σx² − (Σx)²/n would cancel to noise here (x² ≈ 10^18, spread 10^0); the shifted sums
        // must not.
        Tally tally = new Tally();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            tally.add(1e9 + x);
        }
        assertThat(tally.mean()).isEqualTo(1e9 + 5);
        assertThat(tally.variance()).isCloseTo(32.0 / 7, within(1e-6));
    }

    @Test
    void tally_wholeSeconds_meanIsTheCorrectlyRoundedQuotient() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        Tally tally = new Tally();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long seconds = random.nextLong(200_000);
            tally.add(seconds);
            sum += seconds;
        }
        assertThat(tally.mean()).isEqualTo((double) sum / 1_000_000);
    }

    @Test
    void tally_equalObservations_haveZeroVariance() {
        Tally tally = new Tally();
        for (int i = 0; i < 1000; i++) {
            tally.add(0.1);
        }
        assertThat(tally.variance()).isEqualTo(0.0);
    }

    @Test
    void tally_observationsBeforeWarmup_areDiscarded() {
        Tally tally = new Tally(100);
        tally.record(99, 1000);
        tally.record(100, 1);
        tally.record(150, 3);
        assertThat(tally.count()).isEqualTo(2);
        assertThat(tally.mean()).isEqualTo(2.0);
    }

    @Test
    void timeWeighted_levelSteps_giveExactAverageOverMeasuredWindow() {
        // level 10 on [0,50), 2 on [50,80), 4 on [80,100]; warm-up ends at 40
        TimeWeighted level = new TimeWeighted(0, 10, 40);
        level.update(50, 2);
        level.update(80, 4);
        // window [40,100]: 10*10 + 2*30 + 4*20 = 240 over 60
        assertThat(level.mean(100)).isCloseTo(4.0, within(1e-12));
        assertThat(level.max()).isEqualTo(10.0);
    }

    @Test
    void timeWeighted_peakDuringWarmupOnly_isNotTheMax() {
        TimeWeighted level = new TimeWeighted(0, 0, 100);
        level.update(10, 50);
        level.update(20, 1);
        level.update(150, 3);
        assertThat(level.max()).isEqualTo(3.0);
    }

    @Test
    void sample_percentiles_followType7() {
        Sample sample = new Sample(10);
        sample.record(5, 999); // warm-up
        for (int i = 1; i <= 100; i++) {
            sample.record(10 + i, i);
        }
        assertThat(sample.size()).isEqualTo(100);
        assertThat(sample.percentile(0.5)).isCloseTo(50.5, within(1e-12));
        assertThat(sample.percentile(0.95)).isCloseTo(95.05, within(1e-12));
        assertThat(sample.percentile(1.0)).isEqualTo(100.0);
    }

    @Test
    void serverQueue_fifoWithTwoServers_recordsWaitsAndUtilization() {
        ServerQueue station = new ServerQueue(2, 0, 0);
        station.arrive(0, 1);
        station.arrive(0, 2);
        station.arrive(0, 3);
        assertThat(station.tryStart(0)).isEqualTo(1);
        assertThat(station.tryStart(0)).isEqualTo(2);
        assertThat(station.tryStart(0)).isEqualTo(-1);
        station.finish(10);
        assertThat(station.tryStart(10)).isEqualTo(3);
        station.finish(20);
        station.finish(20);
        // waits 0, 0, 10; busy servers 2 on [0,20): utilisation 2*20 / (2*20)
        assertThat(station.waitSeconds().mean()).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(station.utilization(20)).isCloseTo(1.0, within(1e-12));
        assertThat(station.utilization(40)).isCloseTo(0.5, within(1e-12));
        // queue: 1 waiting on [0,10) -> mean over [0,20] is 0.5
        assertThat(station.queueLengthStat().mean(20)).isCloseTo(0.5, within(1e-12));
        assertThat(station.queueLengthStat().max()).isEqualTo(3.0);
    }

    @Test
    void serverQueue_growsRingBufferPreservingOrder() {
        ServerQueue station = new ServerQueue(1, 0, 0);
        for (int i = 0; i < 1000; i++) {
            station.arrive(i, i);
            if (i % 3 == 0) {
                int started = station.tryStart(i);
                if (started >= 0) {
                    station.finish(i);
                }
            }
        }
        int expected = station.head();
        for (int t; (t = station.tryStart(2000)) >= 0; ) {
            assertThat(t).isEqualTo(expected++);
            station.finish(2000);
        }
        assertThat(expected).isEqualTo(1000);
    }
}
