package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void run_dispatchesInTimeOrderAndAdvancesClockToHorizon() {
        Simulation sim = new Simulation();
        StringBuilder trace = new StringBuilder();
        sim.setHandler((kind, payload) -> trace.append(sim.now()).append(':').append(kind)
                .append('/').append(payload).append(' '));
        sim.schedule(30, 2, 0);
        sim.schedule(10, 1, 5);
        sim.schedule(10, 3, 6);
        sim.schedule(100, 9, 9);
        long dispatched = sim.run(50);
        assertThat(trace.toString()).isEqualTo("10:1/5 10:3/6 30:2/0 ");
        assertThat(dispatched).isEqualTo(3);
        assertThat(sim.now()).isEqualTo(50);
        assertThat(sim.calendar().size()).isEqualTo(1);
    }

    @Test
    void schedule_inThePast_failsFast() {
        Simulation sim = new Simulation();
        sim.setHandler((kind, payload) -> { });
        sim.schedule(10, 0, 0);
        sim.run(20);
        assertThatThrownBy(() -> sim.schedule(5, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time=5").hasMessageContaining("now=20");
    }

    @Test
    void stop_insideHandler_returnsAfterThatEvent() {
        Simulation sim = new Simulation();
        sim.setHandler((kind, payload) -> {
            if (payload == 2) {
                sim.stop();
            }
        });
        for (int i = 0; i < 5; i++) {
            sim.schedule(i * 10L, 0, i);
        }
        assertThat(sim.run(1_000)).isEqualTo(3);
        assertThat(sim.now()).isEqualTo(20);
    }

    @Test
    void cancel_viaSimulation_preventsDispatch() {
        Simulation sim = new Simulation();
        int[] fired = new int[1];
        sim.setHandler((kind, payload) -> fired[0]++);
        long handle = sim.schedule(5, 0, 0);
        sim.schedule(6, 0, 1);
        assertThat(sim.cancel(handle)).isTrue();
        sim.run(10);
        assertThat(fired[0]).isEqualTo(1);
    }
}
