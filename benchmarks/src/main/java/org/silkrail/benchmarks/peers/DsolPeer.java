package org.silkrail.benchmarks.peers;

import nl.tudelft.simulation.dsol.SimRuntimeException;
import nl.tudelft.simulation.dsol.eventlists.RedBlackTree;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import org.djutils.stats.summarizers.Tally;

/**
 * DSOL 4.2.1: a {@link DevsSimulator} with {@code Double} time and its default event list (a
 * red-black tree), events scheduled with {@code scheduleEventRel} (one event object and one boxed
 * time per event, as DSOL models do), waits in djutils' {@link Tally}. The simulator's own step
 * ({@code stepImpl}: remove the first event, advance the clock, fire the time-changed event,
 * execute) runs on the benchmark's thread instead of DSOL's worker thread, so no thread hand-off
 * is measured.
 */
final class DsolPeer {
    private DsolPeer() {
    }

    /** A DSOL simulator stepped on the caller's thread. */
    static final class Loop extends DevsSimulator<Double> {
        private static final long serialVersionUID = 1L;

        Loop() {
            super("silkrail-peer");
            setEventList(new RedBlackTree<>());
            simulatorTime = 0.0;
        }

        void fire(int events) {
            for (int n = 0; n < events; n++) {
                stepImpl();
            }
        }

        void in(double delaySeconds, Executable action) {
            try {
                scheduleEventRel(delaySeconds, action);
            } catch (SimRuntimeException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class Hold implements HoldModel {
        private final Loop sim = new Loop();
        private final Executable reschedule = this::reschedule;
        private Draws increments;

        @Override
        public void start(int pending, Draws increments) {
            this.increments = increments;
            for (int i = 0; i < pending; i++) {
                sim.in(increments.nextDouble(), reschedule);
            }
        }

        private void reschedule() {
            sim.in(increments.nextDouble(), reschedule);
        }

        @Override
        public long advance(int events) {
            sim.fire(events);
            return sim.getSimulatorTime().longValue();
        }
    }

    static final class Mm1 implements QueueModel {
        private final Loop sim = new Loop();
        private final ArrivalRing waiting = new ArrivalRing();
        private final Tally waits = new Tally("wait");
        private final Executable arrival = this::arrive;
        private final Executable departure = this::depart;
        private Draws interarrivals;
        private Draws services;
        private boolean busy;

        @Override
        public void start(Draws interarrivals, Draws services) {
            this.interarrivals = interarrivals;
            this.services = services;
            sim.in(interarrivals.nextDouble(), arrival);
        }

        @Override
        public void advance(int events) {
            sim.fire(events);
        }

        private void arrive() {
            double now = sim.getSimulatorTime();
            sim.in(interarrivals.nextDouble(), arrival);
            if (busy) {
                waiting.add(now);
            } else {
                startService(now, now);
            }
        }

        private void depart() {
            if (waiting.isEmpty()) {
                busy = false;
            } else {
                startService(sim.getSimulatorTime(), waiting.remove());
            }
        }

        private void startService(double now, double arrivedAt) {
            busy = true;
            waits.register(now - arrivedAt);
            sim.in(services.nextDouble(), departure);
        }

        @Override
        public long waits() {
            return waits.getN();
        }

        @Override
        public double meanWaitSeconds() {
            return waits.getPopulationMean();
        }
    }
}
