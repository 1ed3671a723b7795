package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The event loop allocates nothing per event: the bytes this thread allocates over a million
 * events, after a warm-up that lets the calendar's arrays reach their working size, are counted
 * by the JVM ({@code com.sun.management.ThreadMXBean}). One object per event would be 16 MB or
 * more; the bound of 1 KB leaves room only for the measurement itself.
 */
class AllocationTest {
    private static final long MEASURED_EVENTS = 1_000_000;
    private static final long ALLOWED_BYTES = 1024;

    @Test
    void holdLoop_afterWarmUp_allocatesNothing() {
        int pending = 100_000;
        Hold hold = new Hold(pending, 5);
        hold.run(3_000_000); // warm-up: bucket arrays grow to their peak, the JIT compiles
        long bytes = allocatedBy(() -> hold.run(MEASURED_EVENTS));
        assertThat(bytes).as("bytes allocated over %d hold events (%.4f B/event)",
                MEASURED_EVENTS, bytes / (double) MEASURED_EVENTS).isLessThanOrEqualTo(ALLOWED_BYTES);
    }

    @Test
    void mm1WithServerQueueStatistics_afterWarmUp_allocatesNothing() {
        Mm1 mm1 = new Mm1(6);
        mm1.run(3_000_000);
        long bytes = allocatedBy(() -> mm1.run(MEASURED_EVENTS));
        assertThat(bytes).as("bytes allocated over %d M/M/1 events (%.4f B/event)",
                MEASURED_EVENTS, bytes / (double) MEASURED_EVENTS).isLessThanOrEqualTo(ALLOWED_BYTES);
        assertThat(mm1.station.waitSeconds().count()).isGreaterThan(1_000_000);
    }

    private static long allocatedBy(Runnable loop) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        long before = threads.getCurrentThreadAllocatedBytes();
        loop.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** Exponential draws in whole seconds, precomputed so that drawing allocates nothing. */
    private static long[] draws(long seed, double meanSeconds) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[1 << 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * meanSeconds);
        }
        return values;
    }

    /** The hold model: every event schedules its successor, so {@code pending} stays constant. */
    private static final class Hold implements EventHandler {
        private final Simulation sim;
        private final long[] increments;
        private int next;
        private long remaining;

        Hold(int pending, long seed) {
            increments = draws(seed, 1_000_000);
            sim = new Simulation(new EventCalendar(pending));
            sim.setHandler(this);
            for (int i = 0; i < pending; i++) {
                sim.schedule(increments[next++ & 0xffff], 0, i);
            }
        }

        void run(long events) {
            remaining = events;
            sim.run(Long.MAX_VALUE);
        }

        @Override
        public void onEvent(int kind, int payload) {
            sim.scheduleIn(increments[next++ & 0xffff], kind, payload);
            if (--remaining == 0) {
                sim.stop();
            }
        }
    }

    /** M/M/1 at ρ = 0.9 through {@link ServerQueue}, as {@link MmcQueue} drives it. */
    private static final class Mm1 implements EventHandler {
        private final Simulation sim = new Simulation();
        private final ServerQueue station = new ServerQueue(1, 0, 0);
        private final long[] interarrivals;
        private final long[] services;
        private int nextArrival;
        private int nextService;
        private int customer;
        private long remaining;

        Mm1(long seed) {
            interarrivals = draws(seed, 4_000);
            services = draws(seed + 1, 3_600);
            sim.setHandler(this);
            sim.schedule(interarrivals[nextArrival++], 0, customer++);
        }

        void run(long events) {
            remaining = events;
            sim.run(Long.MAX_VALUE);
        }

        @Override
        public void onEvent(int kind, int payload) {
            long now = sim.now();
            if (kind == 0) {
                station.arrive(now, payload);
                sim.scheduleIn(interarrivals[nextArrival++ & 0xffff], 0, customer++);
            } else {
                station.finish(now);
            }
            for (int c; (c = station.tryStart(now)) >= 0; ) {
                sim.scheduleIn(services[nextService++ & 0xffff], 1, c);
            }
            if (--remaining == 0) {
                sim.stop();
            }
        }
    }
}
