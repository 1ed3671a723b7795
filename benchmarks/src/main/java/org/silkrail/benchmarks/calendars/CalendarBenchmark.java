package org.silkrail.benchmarks.calendars;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.silkrail.engine.EventCalendar;

/**
 * Calendar candidates alone on the hold model (pop the earliest, schedule it again at now +
 * Exp(10^6 s) in whole seconds): {@code engine} is the engine's {@link EventCalendar} (sorted
 * array up to {@code EventCalendar.SMALL_MAX} pending, 64-ary radix heap above),
 * {@code binaryRadix} the same with the binary radix heap it replaced, {@code fourAryHeap} the
 * calendar before the radix heaps (the binary radix heap without the sorted array, measured in
 * BENCHMARKS.md, was removed: it was {@code binaryRadix} less its small-count path). One fork per candidate and size; {@link CalendarDuel} interleaves candidates in one
 * JVM instead, which the load of a shared machine disturbs less. Run: {@code benchmarks/run --quick Calendar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalendarBenchmark {
    static final int BATCH = 1_000;
    private static final int INCREMENTS = 1 << 20;

    @Param({"engine", "binaryRadix", "fourAryHeap"})
    public String calendar;

    @Param({"2", "16", "1000", "100000", "1000000"})
    public int pending;

    private long[] increments;
    private int next;
    private EventCalendar engine;
    private BinaryRadixCalendar binary;
    private FourAryHeapCalendar heap;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20240520L);
        increments = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = Math.max(1L, Math.round(-Math.log(1 - random.nextDouble()) * 1e6));
        }
        if (calendar.equals("engine")) {
            engine = new EventCalendar(pending);
            for (int i = 0; i < pending; i++) {
                engine.schedule(increments[next++], 0, i);
            }
        } else if (calendar.equals("binaryRadix")) {
            binary = new BinaryRadixCalendar(pending);
            for (int i = 0; i < pending; i++) {
                binary.schedule(increments[next++], 0, i);
            }
        } else {
            heap = new FourAryHeapCalendar(pending);
            for (int i = 0; i < pending; i++) {
                heap.schedule(increments[next++], 0, i);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hold() {
        long[] steps = increments;
        int i = next;
        long sum = 0;
        if (engine != null) {
            EventCalendar events = engine;
            for (int n = 0; n < BATCH; n++) {
                events.pop();
                sum += events.poppedPayload();
                events.schedule(events.poppedTime() + steps[i++ & (INCREMENTS - 1)], 0,
                        events.poppedPayload());
            }
        } else if (binary != null) {
            BinaryRadixCalendar events = binary;
            for (int n = 0; n < BATCH; n++) {
                events.pop();
                sum += events.poppedPayload();
                events.schedule(events.poppedTime() + steps[i++ & (INCREMENTS - 1)], 0,
                        events.poppedPayload());
            }
        } else {
            FourAryHeapCalendar events = heap;
            for (int n = 0; n < BATCH; n++) {
                events.pop();
                sum += events.poppedPayload();
                events.schedule(events.poppedTime() + steps[i++ & (INCREMENTS - 1)], 0,
                        events.poppedPayload());
            }
        }
        next = i;
        return sum;
    }
}
