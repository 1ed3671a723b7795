package org.silkrail.benchmarks.peers;

import org.silkrail.engine.EventHandler;
import org.silkrail.engine.ServerQueue;
import org.silkrail.engine.Simulation;

/** silkrail as a model uses it: {@link Simulation#run} dispatching int-coded events to a handler. */
final class SilkrailPeer {
    private SilkrailPeer() {
    }

    static final class Hold implements HoldModel, EventHandler {
        private Simulation sim;
        private Draws increments;
        private int remaining;

        @Override
        public void start(int pending, Draws increments) {
            this.increments = increments;
            sim = new Simulation(new org.silkrail.engine.EventCalendar(pending));
            sim.setHandler(this);
            for (int i = 0; i < pending; i++) {
                sim.schedule(increments.next(), 0, i);
            }
        }

        @Override
        public long advance(int events) {
            remaining = events;
            sim.run(Long.MAX_VALUE);
            return sim.now();
        }

        @Override
        public void onEvent(int kind, int payload) {
            sim.scheduleIn(increments.next(), kind, payload);
            if (--remaining == 0) {
                sim.stop();
            }
        }
    }

    /** M/M/1 through {@link ServerQueue}, with all of its statistics (wait, queue, busy). */
    static final class Mm1 implements QueueModel, EventHandler {
        private static final int ARRIVAL = 0;
        private static final int DEPARTURE = 1;
        private final Simulation sim = new Simulation();
        private final ServerQueue station = new ServerQueue(1, 0, 0);
        private Draws interarrivals;
        private Draws services;
        private int nextCustomer;
        private int remaining;

        @Override
        public void start(Draws interarrivals, Draws services) {
            this.interarrivals = interarrivals;
            this.services = services;
            sim.setHandler(this);
            sim.schedule(interarrivals.next(), ARRIVAL, nextCustomer++);
        }

        @Override
        public void advance(int events) {
            remaining = events;
            sim.run(Long.MAX_VALUE);
        }

        @Override
        public void onEvent(int kind, int customer) {
            long now = sim.now();
            if (kind == ARRIVAL) {
                station.arrive(now, customer);
                sim.scheduleIn(interarrivals.next(), ARRIVAL, nextCustomer++);
            } else {
                station.finish(now);
            }
            int next = station.tryStart(now);
            if (next >= 0) {
                sim.scheduleIn(services.next(), DEPARTURE, next);
            }
            if (--remaining == 0) {
                sim.stop();
            }
        }

        @Override
        public long waits() {
            return station.waitSeconds().count();
        }

        @Override
        public double meanWaitSeconds() {
            return station.waitSeconds().mean();
        }
    }

    /**
     * M/M/1 on {@link Simulation} with exactly the lean PriorityQueue's statistic (a running sum
     * and count of waits, its own FIFO of arrival times) instead of {@link ServerQueue}: the
     * engine's event loop and calendar alone, for a like-for-like comparison.
     */
    static final class Mm1WaitOnly implements QueueModel, EventHandler {
        private static final int ARRIVAL = 0;
        private static final int DEPARTURE = 1;
        private final Simulation sim = new Simulation();
        private final ArrivalRing waiting = new ArrivalRing();
        private Draws interarrivals;
        private Draws services;
        private boolean busy;
        private double waitSum;
        private long waitCount;
        private int remaining;

        @Override
        public void start(Draws interarrivals, Draws services) {
            this.interarrivals = interarrivals;
            this.services = services;
            sim.setHandler(this);
            sim.schedule(interarrivals.next(), ARRIVAL, 0);
        }

        @Override
        public void advance(int events) {
            remaining = events;
            sim.run(Long.MAX_VALUE);
        }

        @Override
        public void onEvent(int kind, int payload) {
            long now = sim.now();
            if (kind == ARRIVAL) {
                sim.scheduleIn(interarrivals.next(), ARRIVAL, 0);
                if (busy) {
                    waiting.add(now);
                } else {
                    startService(now, now);
                }
            } else if (waiting.isEmpty()) {
                busy = false;
            } else {
                startService(now, (long) waiting.remove());
            }
            if (--remaining == 0) {
                sim.stop();
            }
        }

        private void startService(long now, long arrivedAt) {
            busy = true;
            waitSum += now - arrivedAt;
            waitCount++;
            sim.scheduleIn(services.next(), DEPARTURE, 0);
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
