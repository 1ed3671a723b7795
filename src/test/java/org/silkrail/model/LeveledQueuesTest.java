package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link LeveledQueues}: highest level first, first come first served within a level. */
class LeveledQueuesTest {
    @Test
    void poll_threeLevels_highestFirstAndFifoWithin() {
        LeveledQueues q = new LeveledQueues(2, 3, 4);
        q.add(0, 2, 10);
        q.add(0, 1, 11);
        q.add(0, 2, 12);
        q.add(0, 0, 13);
        q.add(0, 1, 14);
        q.add(1, 0, 15);

        assertThat(q.size(0)).isEqualTo(5);
        assertThat(q.peek(0)).isEqualTo(13);
        List<Integer> order = new ArrayList<>();
        while (!q.isEmpty(0)) {
            order.add(q.poll(0));
        }
        assertThat(order).containsExactly(13, 11, 14, 10, 12);
        assertThat(q.poll(0)).isEqualTo(LeveledQueues.NONE);
        assertThat(q.poll(1)).isEqualTo(15);
    }

    @Test
    void push_putsBackAtTheHeadOfItsLevel() {
        LeveledQueues q = new LeveledQueues(1, 2, 4);
        q.add(0, 1, 1);
        q.add(0, 1, 2);
        int head = q.poll(0);
        q.add(0, 1, 3);
        q.push(0, 1, head);

        assertThat(q.poll(0)).isEqualTo(1);
        assertThat(q.poll(0)).isEqualTo(2);
        assertThat(q.poll(0)).isEqualTo(3);
        assertThat(q.isEmpty(0)).isTrue();
    }

    /** Against a reference model: one ArrayDeque per level, random operations. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20240520})
    void operations_randomSequence_matchPerLevelDeques(long seed) {
        Random random = new Random(seed);
        int levels = 1 + random.nextInt(4);
        LeveledQueues q = new LeveledQueues(1, levels, 8);
        List<ArrayDeque<Integer>> model = new ArrayList<>();
        for (int k = 0; k < levels; k++) {
            model.add(new ArrayDeque<>());
        }
        int next = 0;
        for (int step = 0; step < 5_000; step++) {
            if (random.nextInt(3) > 0) {
                int level = random.nextInt(levels);
                q.add(0, level, next);
                model.get(level).addLast(next++);
            } else {
                Integer expected = null;
                for (ArrayDeque<Integer> d : model) {
                    if (!d.isEmpty()) {
                        expected = d.pollFirst();
                        break;
                    }
                }
                assertThat(q.poll(0)).isEqualTo(expected == null ? LeveledQueues.NONE
                        : expected);
            }
            assertThat(q.size(0)).isEqualTo(model.stream().mapToInt(ArrayDeque::size).sum());
        }
    }
}
