package org.silkrail.benchmarks;

import java.util.PriorityQueue;
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
import org.silkrail.engine.EventHandler;
import org.silkrail.engine.Simulation;

/**
 * The classic hold model: each step removes the earliest of {@code pending} events and schedules
 * one at now + Exp(1). Four variants in one run, so that ratios are read within one run:
 * <ul>
 *   <li>{@code holdEngineSimulation}: the engine as a model uses it — {@link Simulation#run}
 *       dispatching to an {@link EventHandler} that reschedules;</li>
 *   <li>{@code holdEngineCalendar}: the engine's {@link EventCalendar} alone (pop + schedule);</li>
 *   <li>{@code holdPriorityQueue}: the baseline, a {@link PriorityQueue} of event objects
 *       ordered by (time, sequence), one new object per event as such code usually does;</li>
 *   <li>{@code holdBarePrimitiveHeap}: a binary heap of bare {@code long} times with no
 *       sequence, payload, handle or dispatch — the limit of a heap-based design.</li>
 * </ul>
 * Exp(1) is scaled to 10^6 ticks and the increments are drawn in {@code @Setup}, so the random
 * generator is not measured. Run: {@code benchmarks/run --quick Hold}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HoldBenchmark {
    static final int BATCH = 1_000;
    private static final int INCREMENTS = 1 << 20;
    private static final double TICKS_PER_MEAN = 1_000_000.0;

    @Param({"1000", "100000", "1000000"})
    public int pending;

    private long[] increments;
    private int next;

    private EventCalendar calendar;
    private Simulation simulation;
    private Rescheduler rescheduler;
    private PriorityQueue<Event> priorityQueue;
    private long priorityQueueSeq;
    private long priorityQueueNow;
    private BareHeap bareHeap;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20240520L);
        increments = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * TICKS_PER_MEAN);
        }
        calendar = new EventCalendar(pending);
        EventCalendar simulationCalendar = new EventCalendar(pending);
        simulation = new Simulation(simulationCalendar);
        rescheduler = new Rescheduler(simulation, increments);
        simulation.setHandler(rescheduler);
        priorityQueue = new PriorityQueue<>(pending);
        bareHeap = new BareHeap(pending);
        for (int i = 0; i < pending; i++) {
            long time = increments[i];
            calendar.schedule(time, 1, i);
            simulationCalendar.schedule(time, 1, i);
            priorityQueue.add(new Event(time, priorityQueueSeq++, 1, i));
            bareHeap.add(time);
        }
        next = pending;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long holdEngineSimulation() {
        rescheduler.remaining = BATCH;
        simulation.run(Long.MAX_VALUE);
        return simulation.now();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long holdEngineCalendar() {
        EventCalendar events = calendar;
        long[] steps = increments;
        int i = next;
        long sum = 0;
        for (int n = 0; n < BATCH; n++) {
            events.pop();
            long now = events.poppedTime();
            sum += events.poppedPayload();
            events.schedule(now + steps[i++ & (INCREMENTS - 1)], events.poppedKind(),
                    events.poppedPayload());
        }
        next = i;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long holdPriorityQueue() {
        PriorityQueue<Event> queue = priorityQueue;
        long[] steps = increments;
        int i = next;
        long sum = 0;
        for (int n = 0; n < BATCH; n++) {
            Event event = queue.poll();
            priorityQueueNow = event.time;
            sum += event.payload;
            queue.add(new Event(priorityQueueNow + steps[i++ & (INCREMENTS - 1)],
                    priorityQueueSeq++, event.kind, event.payload));
        }
        next = i;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long holdBarePrimitiveHeap() {
        BareHeap heap = bareHeap;
        long[] steps = increments;
        int i = next;
        long last = 0;
        for (int n = 0; n < BATCH; n++) {
            last = heap.poll();
            heap.add(last + steps[i++ & (INCREMENTS - 1)]);
        }
        next = i;
        return last;
    }

    /** The model side of the engine variant: every event schedules its successor. */
    static final class Rescheduler implements EventHandler {
        private final Simulation simulation;
        private final long[] steps;
        private int next;
        int remaining;

        Rescheduler(Simulation simulation, long[] steps) {
            this.simulation = simulation;
            this.steps = steps;
        }

        @Override
        public void onEvent(int kind, int payload) {
            simulation.scheduleIn(steps[next++ & (INCREMENTS - 1)], kind, payload);
            if (--remaining == 0) {
                simulation.stop();
            }
        }
    }

    /** An event object as a textbook simulator would have it. */
    static final class Event implements Comparable<Event> {
        final long time;
        final long seq;
        final int kind;
        final int payload;

        Event(long time, long seq, int kind, int payload) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.payload = payload;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    /** Binary min-heap of bare longs: the least work any heap calendar can do. */
    static final class BareHeap {
        private long[] keys;
        private int size;

        BareHeap(int capacity) {
            keys = new long[Math.max(2, capacity + 1)];
        }

        void add(long key) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size << 1);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                i = parent;
            }
            keys[i] = key;
        }

        long poll() {
            long top = keys[0];
            long key = keys[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (key <= keys[child]) {
                    break;
                }
                keys[i] = keys[child];
                i = child;
            }
            keys[i] = key;
            return top;
        }
    }
}
