package org.silkrail.benchmarks.peers;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.SplayTree;
import umontreal.ssj.stat.Tally;

/**
 * SSJ 3.3.2 with its default event list (a splay tree) and its own {@link Tally}. Event objects
 * are rescheduled rather than created anew, SSJ's cheapest use. The loop is SSJ's own
 * {@code Simulator.start()} loop (remove the first event, run its actions) without the stop flag,
 * which would drop the event removed after {@code stop()}.
 */
final class SsjPeer {
    private SsjPeer() {
    }

    /** A simulator whose loop runs a given number of events. */
    static final class Loop extends Simulator {
        Loop() {
            super(new SplayTree());
            // what start() sets before its loop; removeFirstEvent() returns null while stopped
            stopped = false;
            simulating = true;
        }

        void fire(int events) {
            for (int n = 0; n < events; n++) {
                removeFirstEvent().actions();
            }
        }
    }

    static final class Hold implements HoldModel {
        private final Loop sim = new Loop();
        private Draws increments;

        @Override
        public void start(int pending, Draws increments) {
            this.increments = increments;
            for (int i = 0; i < pending; i++) {
                new Reschedule(sim).schedule(increments.nextDouble());
            }
        }

        @Override
        public long advance(int events) {
            sim.fire(events);
            return (long) sim.time();
        }

        final class Reschedule extends Event {
            Reschedule(Simulator sim) {
                super(sim);
            }

            @Override
            public void actions() {
                schedule(increments.nextDouble());
            }
        }
    }

    static final class Mm1 implements QueueModel {
        private final Loop sim = new Loop();
        private final ArrivalRing waiting = new ArrivalRing();
        private final Tally waits = new Tally("wait");
        private final Arrival arrival = new Arrival(sim);
        private final Departure departure = new Departure(sim);
        private Draws interarrivals;
        private Draws services;
        private boolean busy;

        @Override
        public void start(Draws interarrivals, Draws services) {
            this.interarrivals = interarrivals;
            this.services = services;
            arrival.schedule(interarrivals.nextDouble());
        }

        @Override
        public void advance(int events) {
            sim.fire(events);
        }

        private void startService(double arrivedAt) {
            busy = true;
            waits.add(sim.time() - arrivedAt);
            departure.schedule(services.nextDouble());
        }

        @Override
        public long waits() {
            return waits.numberObs();
        }

        @Override
        public double meanWaitSeconds() {
            return waits.average();
        }

        final class Arrival extends Event {
            Arrival(Simulator sim) {
                super(sim);
            }

            @Override
            public void actions() {
                schedule(interarrivals.nextDouble());
                if (busy) {
                    waiting.add(sim.time());
                } else {
                    startService(sim.time());
                }
            }
        }

        final class Departure extends Event {
            Departure(Simulator sim) {
                super(sim);
            }

            @Override
            public void actions() {
                if (waiting.isEmpty()) {
                    busy = false;
                } else {
                    startService(waiting.remove());
                }
            }
        }
    }
}
