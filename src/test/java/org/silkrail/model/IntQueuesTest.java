package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FIFO helper shared by rail lines (entry queues) and ferries (ports, vessels). */
class IntQueuesTest {

    @Test
    void poll_afterAdds_returnsInArrivalOrderThenNone() {
        IntQueues queues = new IntQueues(2, 4);
        queues.add(1, 3);
        queues.add(1, 0);
        queues.add(0, 2);
        assertThat(queues.size(1)).isEqualTo(2);
        assertThat(queues.poll(1)).isEqualTo(3);
        assertThat(queues.poll(1)).isEqualTo(0);
        assertThat(queues.poll(1)).isEqualTo(IntQueues.NONE);
        assertThat(queues.isEmpty(1)).isTrue();
        assertThat(queues.peek(0)).isEqualTo(2);
    }

    @Test
    void add_elementBeyondTable_growsAndKeepsOrder() {
        IntQueues queues = new IntQueues(1, 1);
        for (int e = 0; e < 1000; e += 7) {
            queues.add(0, e);
        }
        for (int e = 0; e < 1000; e += 7) {
            assertThat(queues.poll(0)).isEqualTo(e);
        }
        assertThat(queues.size(0)).isZero();
    }

    /** Random operations on three queues against java.util references (ArrayDeque, List). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void operations_randomSequence_matchReferenceQueues(long seed) {
        Random random = new Random(seed);
        int queueCount = 3;
        IntQueues queues = new IntQueues(queueCount, 8);
        List<List<Integer>> reference = new ArrayList<>();
        for (int q = 0; q < queueCount; q++) {
            reference.add(new ArrayList<>());
        }
        ArrayDeque<Integer> free = new ArrayDeque<>();
        for (int e = 0; e < 40; e++) {
            free.add(e);
        }
        for (int step = 0; step < 5000; step++) {
            int q = random.nextInt(queueCount);
            List<Integer> ref = reference.get(q);
            int op = random.nextInt(3);
            if (op == 0 && !free.isEmpty()) {
                int e = free.poll();
                queues.add(q, e);
                ref.add(e);
            } else if (op == 1) {
                int e = queues.poll(q);
                assertThat(e).isEqualTo(ref.isEmpty() ? IntQueues.NONE : ref.remove(0));
                if (e != IntQueues.NONE) {
                    free.add(e);
                }
            } else if (!ref.isEmpty()) {
                Integer e = ref.remove(random.nextInt(ref.size()));
                queues.remove(q, e);
                free.add(e);
            }
            List<Integer> walked = new ArrayList<>();
            for (int e = queues.peek(q); e != IntQueues.NONE; e = queues.next(e)) {
                walked.add(e);
            }
            assertThat(walked).isEqualTo(ref);
            assertThat(queues.size(q)).isEqualTo(ref.size());
        }
    }
}
