package org.silkrail.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A place's states over time: the split of a wait against a second-by-second count. */
class PlaceStatesTest {
    private static final int[] CAUSES = {Causes.HEADWAY, Causes.CLOSURE, Causes.QUOTA,
        Causes.STORM};

    /**
     * Random state changes (several at one instant too) of one place, then waits from random
     * starts to the last change or later: each cause gets the seconds in which the place was in
     * it, counted one second at a time, and the headway part is returned.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261129L})
    void split_randomChangesAndWaits_matchesSecondBySecondCount(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PlaceStates places = new PlaceStates(new int[] {Causes.SERVER_QUEUE, Causes.HEADWAY});
        int p = 1;
        int horizon = 5_000;
        int[] stateAt = new int[horizon];
        int state = Causes.HEADWAY;
        int changes = 0;
        for (int second = 0; second < horizon; second++) {
            while (random.nextInt(40) == 0) {
                state = CAUSES[random.nextInt(CAUSES.length)];
                places.set(p, state, second);
                changes++;
            }
            stateAt[second] = state;
        }
        assertThat(changes).isGreaterThan(50);
        assertThat(places.state(p)).isEqualTo(state);
        for (int i = 0; i < 200; i++) {
            int from = random.nextInt(horizon);
            long[] into = new long[3 + 2 * Causes.COUNT];
            long headway = places.split(p, from, horizon, into, 1, 2);
            long[] expected = new long[Causes.COUNT];
            for (int second = from; second < horizon; second++) {
                expected[stateAt[second]]++;
            }
            for (int c = 0; c < Causes.COUNT; c++) {
                assertThat(into[1 + 2 * c]).as("cause %d from %d", c, from).isEqualTo(expected[c]);
                assertThat(into[2 * c]).isZero();
            }
            assertThat(headway).isEqualTo(expected[Causes.HEADWAY]);
            if (places.unchangedSince(p, from)) {
                assertThat(expected[state]).isEqualTo(horizon - from);
            }
        }
    }
}
