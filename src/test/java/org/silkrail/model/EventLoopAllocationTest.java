package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.RandomStreams;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioLoader;

/**
 * The whole model's event loop, delay attribution, capacity occupation and cost sums included,
 * allocates nothing per event (issue 12), on the shipped baseline, which uses every cause. What a
 * replication allocates is its tables and results, about 2.8 MB for some 570,000 events (≈ 5 B
 * per event, measured 2026-11-29, the same from the second replication on, compiled or not).
 * One object of at least 16 bytes on every event would add 16 B per event, on one event in four
 * 4 B: the bound of 8 B per event catches either, while leaving room for the tables to grow.
 */
class EventLoopAllocationTest {
    private static final double MAX_BYTES_PER_EVENT = 8.0;

    @Test
    void baselineYear_afterTheFirstReplication_allocatesUnderEightBytesPerEvent() throws Exception {
        ModelSpec spec = ScenarioLoader.load(Path.of("scenarios/baseline-2025.yaml"), List.of())
                .model();
        RailModel model = new RailModel(spec, Network.build(spec.network()).compile());
        RandomStreams streams = new RandomStreams(spec.run().seed());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        // the first replication loads and initialises classes
        model.runReplication(0, streams);

        for (int r = 1; r <= 3; r++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            ReplicationResult result = model.runReplication(r, streams);
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(result.events()).as("events of replication %d", r).isGreaterThan(100_000);
            assertThat((double) bytes / result.events())
                    .as("bytes allocated per event in replication %d (%d bytes, %d events)", r,
                            bytes, result.events())
                    .isLessThan(MAX_BYTES_PER_EVENT);
        }
    }
}
