package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link ServerQueue#arriveAhead}: insertion ahead of the last entities, with their waits. */
class ServerQueueArriveAheadTest {
    @Test
    void arriveAhead_overtakingTwo_servesInTheNewOrderWithEachOwnWait() {
        ServerQueue q = new ServerQueue(1, 0, 0);
        q.arrive(0, 7);
        assertThat(q.tryStart(0)).isEqualTo(7);
        q.arrive(10, 1);
        q.arrive(20, 2);
        q.arrive(30, 3);
        q.arriveAhead(40, 4, 2); // ahead of 2 and 3, behind 1

        assertThat(q.queueLength()).isEqualTo(4);
        assertThat(new int[] {q.queued(0), q.queued(1), q.queued(2), q.queued(3)})
                .containsExactly(1, 4, 2, 3);
        q.finish(100);
        assertThat(q.tryStart(100)).isEqualTo(1);
        q.finish(200);
        assertThat(q.tryStart(200)).isEqualTo(4);
        // waits 0 (entity 7), 90 (entity 1) and 160 (entity 4): the queue kept each arrival time
        assertThat(q.waitSeconds().mean()).isEqualTo((0 + 90 + 160) / 3.0);
    }

    @Test
    void arriveAhead_aroundTheRingBufferAndGrowth_keepsOrder() {
        ServerQueue q = new ServerQueue(1, 0, 0);
        q.arrive(0, 0);
        q.tryStart(0); // server busy from here on
        int id = 1;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 13; i++) {
                q.arrive(round, id++);
            }
            q.arriveAhead(round, 1000 + round, q.queueLength()); // to the head
            assertThat(q.head()).isEqualTo(1000 + round);
            q.finish(round);
            assertThat(q.startHead(round)).isEqualTo(1000 + round);
            for (int i = 0; i < 6; i++) {
                q.finish(round);
                q.startHead(round);
            }
        }
        // entities 1.. leave in arrival order: the queue now starts at the first not yet served
        int first = q.head();
        for (int i = 0; i < q.queueLength(); i++) {
            assertThat(q.queued(i)).isEqualTo(first + i);
        }
    }

    @Test
    void arriveAhead_moreThanQueued_failsFast() {
        ServerQueue q = new ServerQueue(1, 0, 0);
        q.arrive(0, 1);
        assertThatThrownBy(() -> q.arriveAhead(0, 2, 2))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("overtaken=2");
    }
}
