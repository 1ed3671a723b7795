package org.silkrail.benchmarks.peers;

import java.util.PriorityQueue;

/**
 * The lean baseline: a {@link PriorityQueue} of small immutable event records ordered by a
 * {@code double} time alone (no sequence field, so ties leave in no defined order), one new record
 * per event, a {@code switch} on the kind, and a running sum for the wait statistic.
 */
final class PriorityQueuePeer {
    private PriorityQueuePeer() {
    }

    record Event(double time, int kind) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            return Double.compare(time, other.time);
        }
    }

    static final class Hold implements HoldModel {
        private PriorityQueue<Event> queue;
        private Draws increments;
        private double now;

        @Override
        public void start(int pending, Draws increments) {
            this.increments = increments;
            queue = new PriorityQueue<>(pending);
            for (int i = 0; i < pending; i++) {
                queue.add(new Event(increments.nextDouble(), i));
            }
        }

        @Override
        public long advance(int events) {
            PriorityQueue<Event> events_ = queue;
            for (int n = 0; n < events; n++) {
                Event event = events_.poll();
                now = event.time();
                events_.add(new Event(now + increments.nextDouble(), event.kind()));
            }
            return (long) now;
        }
    }

    static final class Mm1 implements QueueModel {
        private static final int ARRIVAL = 0;
        private static final int DEPARTURE = 1;
        private final PriorityQueue<Event> queue = new PriorityQueue<>();
        private final ArrivalRing waiting = new ArrivalRing();
        private Draws interarrivals;
        private Draws services;
        private boolean busy;
        private double waitSum;
        private long waitCount;

        @Override
        public void start(Draws interarrivals, Draws services) {
            this.interarrivals = interarrivals;
            this.services = services;
            queue.add(new Event(interarrivals.nextDouble(), ARRIVAL));
        }

        @Override
        public void advance(int events) {
            for (int n = 0; n < events; n++) {
                Event event = queue.poll();
                double now = event.time();
                switch (event.kind()) {
                    case ARRIVAL -> {
                        queue.add(new Event(now + interarrivals.nextDouble(), ARRIVAL));
                        if (busy) {
                            waiting.add(now);
                        } else {
                            startService(now, now);
                        }
                    }
                    case DEPARTURE -> {
                        if (waiting.isEmpty()) {
                            busy = false;
                        } else {
                            startService(now, waiting.remove());
                        }
                    }
                    default -> throw new IllegalStateException("kind=" + event.kind());
                }
            }
        }

        private void startService(double now, double arrivedAt) {
            busy = true;
            waitSum += now - arrivedAt;
            waitCount++;
            queue.add(new Event(now + services.nextDouble(), DEPARTURE));
        }

        @Override
        public long waits() {
            return waitCount;
        }

        @Override
        public double meanWaitSeconds() {
            return waitSum / waitCount;
        }
    }
}
