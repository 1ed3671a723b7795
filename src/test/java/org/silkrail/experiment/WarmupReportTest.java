package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.cli.Cli;
import org.silkrail.cli.Cli.Outcome;

/** MSER-5 on series whose transient is known, and {@code run --warmup-report} end to end. */
class WarmupReportTest {
    @TempDir
    Path dir;

    @Test
    void mser5_stepThenStationary_truncatesExactlyTheStep() {
        // 20 days at 10 trains, then 80 days alternating 1 and 2: batches 10, 10, 10, 10, then
        // 1.4 and 1.6 alternately; cutting the 4 high batches leaves the least spread
        double[] daily = new double[100];
        for (int d = 0; d < daily.length; d++) {
            daily[d] = d < 20 ? 10 : 1 + (d % 2);
        }
        WarmupReport.Suggestion s = WarmupReport.mser5(daily);
        assertThat(s.days()).isEqualTo(20);
        assertThat(s.atLimit()).isFalse();
    }

    @Test
    void mser5_constant_noWarmup() {
        double[] daily = new double[60];
        Arrays.fill(daily, 3.5);
        assertThat(WarmupReport.mser5(daily)).isEqualTo(new WarmupReport.Suggestion(0, false));
    }

    @Test
    void mser5_stillRisingAtTheEnd_minimumAtTheLimitIsFlagged() {
        // a queue that grows steadily: for batch means on a line, MSER(d) = b^2 (m^2 - 1) /
        // (12 m) with m = k - d batches left, which falls as d grows, up to the limit
        double[] daily = new double[50];
        for (int d = 0; d < daily.length; d++) {
            daily[d] = 2.0 * d;
        }
        WarmupReport.Suggestion s = WarmupReport.mser5(daily);
        assertThat(s.days()).isEqualTo(25); // 10 batches, search limit 5 batches
        assertThat(s.atLimit()).isTrue();
    }

    @Test
    void mser5_underTwoBatches_noSuggestion() {
        assertThat(WarmupReport.mser5(new double[9]).days()).isEqualTo(-1);
    }

    @Test
    void run_warmupReport_writesDailyQueuesFromTimeZeroAndPrintsTheSuggestion()
            throws Exception {
        Outcome o = Cli.execute("run", "scenarios/tiny-corridor.yaml", "--out",
                dir.toString(), "--replications", "3", "--warmup-report", "--quiet");
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("warmup.csv"));
        assertThat(lines.get(0)).startsWith("day,total_queue_mean,").contains("DOS.queue_mean");
        assertThat(lines).hasSize(1 + 60); // the whole 60-day horizon, warm-up included
        assertThat(lines.get(1)).startsWith("0,");
        assertThat(o.out()).contains("Warm-up (MSER-5", "suggested, from all nodes' queues",
                dir.resolve("warmup.csv").toString());
    }
}
