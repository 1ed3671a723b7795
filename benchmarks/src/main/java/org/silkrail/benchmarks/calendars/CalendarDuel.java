package org.silkrail.benchmarks.calendars;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;
import org.silkrail.benchmarks.Interleaved;
import org.silkrail.engine.EventCalendar;

/**
 * Calendar candidates on the hold model of {@code CalendarBenchmark}, interleaved in one JVM:
 * round after round, each candidate runs the same number of events in turn (the order rotating),
 * so that load from other processes on a shared machine falls on all of them alike. Prints each
 * candidate's median throughput and the median of its per-round ratio to the first candidate.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.silkrail.benchmarks.calendars.CalendarDuel PENDING ROUNDS candidate...}, candidates among
 * {@code engine binaryRadix fourAryHeap}.
 */
public final class CalendarDuel {
    private static final int INCREMENTS = 1 << 20;

    private CalendarDuel() {
    }

    /**
     * One candidate holding {@code pending} events; {@link #run} pops and reschedules. Each
     * candidate has its own copy of the loop rather than one loop over a common interface (the
     * calendars share none), so that every call site in a loop sees one calendar class, as in a
     * JMH fork of its own.
     */
    private abstract static class Driver {
        final String name;
        final long[] increments;
        int next;

        Driver(String name, long[] increments) {
            this.name = name;
            this.increments = increments;
        }

        abstract long run(int events);
    }

    public static void main(String[] args) {
        int pending = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(20240520L);
        long[] increments = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = Math.max(1L, Math.round(-Math.log(1 - random.nextDouble()) * 1e6));
        }
        List<Driver> drivers = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            drivers.add(driver(args[i], pending, increments));
        }
        int events = Math.max(100_000, Math.min(1_000_000, 30 * pending));
        List<String> labels = new ArrayList<>();
        List<IntToLongFunction> runs = new ArrayList<>();
        for (Driver d : drivers) {
            labels.add(d.name);
            runs.add(d::run);
        }
        Interleaved.run("pending=" + pending, labels, runs, events, rounds);
    }

    private static Driver driver(String name, int pending, long[] increments) {
        switch (name) {
            case "engine":
                return new Driver(name, increments) {
                    final EventCalendar events = new EventCalendar(pending);

                    {
                        for (int i = 0; i < pending; i++) {
                            events.schedule(increments[next++], 0, i);
                        }
                    }

                    @Override
                    long run(int count) {
                        long sum = 0;
                        int i = next;
                        for (int n = 0; n < count; n++) {
                            events.pop();
                            sum += events.poppedPayload();
                            events.schedule(events.poppedTime() + increments[i++ & (INCREMENTS - 1)],
                                    0, events.poppedPayload());
                        }
                        next = i;
                        return sum;
                    }
                };
            case "binaryRadix":
                return new Driver(name, increments) {
                    final BinaryRadixCalendar events = new BinaryRadixCalendar(pending);

                    {
                        for (int i = 0; i < pending; i++) {
                            events.schedule(increments[next++], 0, i);
                        }
                    }

                    @Override
                    long run(int count) {
                        long sum = 0;
                        int i = next;
                        for (int n = 0; n < count; n++) {
                            events.pop();
                            sum += events.poppedPayload();
                            events.schedule(events.poppedTime() + increments[i++ & (INCREMENTS - 1)],
                                    0, events.poppedPayload());
                        }
                        next = i;
                        return sum;
                    }
                };
            case "fourAryHeap":
                return new Driver(name, increments) {
                    final FourAryHeapCalendar events = new FourAryHeapCalendar(pending);

                    {
                        for (int i = 0; i < pending; i++) {
                            events.schedule(increments[next++], 0, i);
                        }
                    }

                    @Override
                    long run(int count) {
                        long sum = 0;
                        int i = next;
                        for (int n = 0; n < count; n++) {
                            events.pop();
                            sum += events.poppedPayload();
                            events.schedule(events.poppedTime() + increments[i++ & (INCREMENTS - 1)],
                                    0, events.poppedPayload());
                        }
                        next = i;
                        return sum;
                    }
                };
            default:
                throw new IllegalArgumentException("unknown candidate: " + name
                        + " (allowed: engine binaryRadix fourAryHeap)");
        }
    }
}
