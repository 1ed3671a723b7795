package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCalendarTest {

    @Test
    void pop_manyEventsAtSameInstant_fireInSchedulingOrder() {
        EventCalendar calendar = new EventCalendar(4);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            calendar.schedule(1_000, 7, i);
        }
        for (int i = 0; i < n; i++) {
            assertThat(calendar.pop()).isTrue();
            assertThat(calendar.poppedTime()).isEqualTo(1_000);
            assertThat(calendar.poppedPayload()).as("event %d", i).isEqualTo(i);
        }
        assertThat(calendar.pop()).isFalse();
    }

    @Test
    void pop_sameInstantInterleavedWithOtherTimes_keepsSchedulingOrderPerInstant() {
        EventCalendar calendar = new EventCalendar();
        // 10,000 events at t=50, scheduled between events at other times
        for (int i = 0; i < 10_000; i++) {
            calendar.schedule(100 - (i % 3) * 25, 0, i);
        }
        long lastTime = Long.MIN_VALUE;
        int lastPayloadAtTime = -1;
        while (calendar.pop()) {
            long time = calendar.poppedTime();
            if (time != lastTime) {
                assertThat(time).isGreaterThan(lastTime);
                lastTime = time;
                lastPayloadAtTime = -1;
            }
            assertThat(calendar.poppedPayload()).isGreaterThan(lastPayloadAtTime);
            lastPayloadAtTime = calendar.poppedPayload();
        }
    }

    @Test
    void cancel_pendingEvent_removesOnlyThatEvent() {
        EventCalendar calendar = new EventCalendar();
        long a = calendar.schedule(10, 1, 1);
        long b = calendar.schedule(20, 2, 2);
        calendar.schedule(30, 3, 3);
        assertThat(calendar.cancel(b)).isTrue();
        assertThat(calendar.cancel(b)).as("second cancel").isFalse();
        assertThat(calendar.size()).isEqualTo(2);
        calendar.pop();
        assertThat(calendar.poppedPayload()).isEqualTo(1);
        assertThat(calendar.cancel(a)).as("already fired").isFalse();
        calendar.pop();
        assertThat(calendar.poppedPayload()).isEqualTo(3);
    }

    @Test
    void cancel_staleHandleAfterSlotReuse_doesNotRemoveNewEvent() {
        EventCalendar calendar = new EventCalendar();
        long old = calendar.schedule(10, 0, 1);
        calendar.pop();
        long fresh = calendar.schedule(20, 0, 2); // reuses the freed slot
        assertThat((int) fresh).isEqualTo((int) old);
        assertThat(calendar.cancel(old)).isFalse();
        assertThat(calendar.size()).isEqualTo(1);
        assertThat(calendar.cancel(fresh)).isTrue();
        assertThat(calendar.isEmpty()).isTrue();
    }

    @Test
    void cancel_mostOfManyEvents_compactsAndKeepsOrderOfTheRest() {
        EventCalendar calendar = new EventCalendar();
        int n = 10_000;
        long[] handles = new long[n];
        for (int i = 0; i < n; i++) {
            handles[i] = calendar.schedule((i * 7919L) % 1000, 0, i); // many ties
        }
        for (int i = 0; i < n; i++) {
            if (i % 4 != 0) {
                assertThat(calendar.cancel(handles[i])).isTrue();
            }
        }
        assertThat(calendar.size()).isEqualTo(n / 4);
        long lastTime = -1;
        int lastPayload = -1;
        int popped = 0;
        while (calendar.pop()) {
            assertThat(calendar.poppedPayload() % 4).isZero();
            if (calendar.poppedTime() == lastTime) {
                assertThat(calendar.poppedPayload()).isGreaterThan(lastPayload);
            } else {
                assertThat(calendar.poppedTime()).isGreaterThan(lastTime);
            }
            lastTime = calendar.poppedTime();
            lastPayload = calendar.poppedPayload();
            popped++;
        }
        assertThat(popped).isEqualTo(n / 4);
        assertThat(calendar.cancel(handles[1])).as("cancelled twice").isFalse();
    }

    /**
     * Over a million random schedule / cancel / pop operations, the calendar and a plain
     * reference (a TreeMap keyed by (time, sequence)) must pop the same events in the same order.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20240520L})
    void randomOperations_matchReferenceImplementation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Oracle oracle = new Oracle(0);
        for (int op = 0; op < 1_200_000; op++) {
            int choice = random.nextInt(100);
            if (choice < 45 || oracle.isEmpty()) {
                // narrow time range so that ties are frequent
                oracle.schedule(oracle.now + random.nextInt(50), random.nextInt());
                oracle.afterOperation();
            } else {
                oracle.removeOne(random, choice, 60, 60);
            }
        }
        oracle.drain();
    }


    /**
     * Millions of random schedule / cancel / pop / popUntil / peek operations against a TreeMap
     * keyed by (time, sequence), with three spreads of times ahead of the clock: ties within a
     * few seconds, a day's worth, and up to 2^50 s (to reach the radix heap's top buckets), now
     * and then a burst of events at the clock's own second.
     */
    @ParameterizedTest
    @CsvSource({"7, 8, 14", "8, 86400, 14", "9, 1125899906842624, 14", "10, 86400, 40",
        "11, 8, 40"})
    void randomOperationsAtSpreads_matchReferenceImplementation(long seed, long spreadSeconds,
            int cancelPercent) {
        SplittableRandom random = new SplittableRandom(seed);
        Oracle oracle = new Oracle(1_000_000);
        for (int op = 0; op < 1_000_000; op++) {
            int choice = random.nextInt(100);
            if (choice < 44 || oracle.isEmpty()) {
                int burst = random.nextInt(50) == 0 ? 1 + random.nextInt(40) : 1;
                long time = burst > 1 ? oracle.now : oracle.now + random.nextLong(spreadSeconds);
                oracle.scheduleBurst(time, burst, random);
            } else {
                oracle.removeOne(random, choice, 44 + cancelPercent, 52 + cancelPercent);
            }
        }
        oracle.drain();
    }

    /**
     * The population swings between a few events and several hundred, so the calendar moves
     * between its sorted array and its radix heap in both directions hundreds of times, with ties,
     * cancellations (also of events dealt or moved between the two) and popUntil bounds; it must
     * pop exactly what a TreeMap keyed by (time, sequence) pops.
     */
    @ParameterizedTest
    @CsvSource({"21, 4, 10", "22, 100, 10", "23, 1000000, 10", "24, 4, 30", "25, 86400, 30"})
    void randomOperationsAcrossSmallAndRadix_matchReferenceImplementation(long seed,
            long spreadSeconds, int cancelPercent) {
        SplittableRandom random = new SplittableRandom(seed);
        Oracle oracle = new Oracle(0);
        boolean growing = true;
        int target = 0;
        for (int op = 0; op < 1_000_000; op++) {
            if (growing ? oracle.size() >= target : oracle.size() <= target) {
                // the next swing: up past SMALL_MAX (by up to 20x), or down to or below SMALL_LOW
                growing = !growing;
                target = growing
                        ? EventCalendar.SMALL_MAX + 1 + random.nextInt(20 * EventCalendar.SMALL_MAX)
                        : random.nextInt(EventCalendar.SMALL_LOW + 1);
            }
            int choice = random.nextInt(100);
            int schedulePercent = growing ? 70 : 25;
            if (choice < schedulePercent || oracle.isEmpty()) {
                int burst = random.nextInt(30) == 0 ? 1 + random.nextInt(20) : 1;
                long time = burst > 1 ? oracle.now : oracle.now + random.nextLong(spreadSeconds);
                oracle.scheduleBurst(time, burst, random);
            } else {
                int cancelBelow = schedulePercent + cancelPercent;
                oracle.removeOne(random, choice, cancelBelow, cancelBelow + 5);
            }
        }
        assertThat(oracle.calendar.switches()).as("moves between array and radix heap")
                .isGreaterThan(200);
        oracle.drain();
        assertThat(oracle.calendar.isSmall()).isTrue();
    }

    @Test
    void schedule_pastSmallMaxAndPopBelowSmallLow_switchesBothWaysKeepingSameSecondOrder() {
        EventCalendar calendar = new EventCalendar(4);
        // every event at one of two seconds, so order rests on FIFO among ties alone
        int n = EventCalendar.SMALL_MAX + 1;
        for (int i = 0; i < n; i++) {
            calendar.schedule(10 + (i % 2), 0, i);
            assertThat(calendar.isSmall()).as("after %d events", i + 1).isEqualTo(i < EventCalendar.SMALL_MAX);
        }
        int popped = 0;
        int[] expected = new int[n];
        for (int i = 0, k = 0; i < n; i += 2) {
            expected[k++] = i; // second 10: the even payloads, then second 11: the odd ones
        }
        for (int i = 1, k = (n + 1) / 2; i < n; i += 2) {
            expected[k++] = i;
        }
        while (calendar.size() > EventCalendar.SMALL_LOW) {
            assertThat(calendar.isSmall()).isFalse();
            calendar.pop();
            assertThat(calendar.poppedPayload()).isEqualTo(expected[popped++]);
        }
        assertThat(calendar.isSmall()).as("back in the array at SMALL_LOW").isTrue();
        calendar.schedule(11, 0, 1000); // after every pending event at second 11
        while (calendar.pop()) {
            assertThat(calendar.poppedPayload()).isEqualTo(popped < n ? expected[popped] : 1000);
            popped++;
        }
        assertThat(popped).isEqualTo(n + 1);
        assertThat(calendar.switches()).isEqualTo(2);
    }

    @Test
    void cancel_mostEventsWhileSameSecondIsHalfPopped_purgesAndKeepsOrder() {
        EventCalendar calendar = new EventCalendar(4);
        int sameSecond = 3 * EventCalendar.CHUNK + 17;
        List<Long> handles = new ArrayList<>();
        List<long[]> expected = new ArrayList<>(); // {time, payload} in firing order
        for (int i = 0; i < 4000; i++) {
            handles.add(calendar.schedule(100 + (i * 7919L) % 5000, 0, i));
        }
        calendar.pop(); // the event at t=100; bucket 0 is then the second 100's leftovers
        for (int i = 0; i < sameSecond; i++) {
            handles.add(calendar.schedule(100, 1, 10_000 + i));
        }
        for (int i = 0; i < EventCalendar.CHUNK + 5; i++) {
            calendar.pop(); // bucket 0 is now consumed past its first chunk
            assertThat(calendar.poppedPayload()).isEqualTo(10_000 + i);
        }
        for (int i = 0; i < handles.size(); i++) {
            if (i % 5 != 0) {
                calendar.cancel(handles.get(i)); // fired events just answer false
            }
        }
        for (int i = EventCalendar.CHUNK + 5; i < sameSecond; i++) {
            if ((4000 + i) % 5 == 0) {
                expected.add(new long[] {100, 10_000 + i});
            }
        }
        List<long[]> later = new ArrayList<>();
        for (int i = 1; i < 4000; i += 1) {
            if (i % 5 == 0) {
                later.add(new long[] {100 + (i * 7919L) % 5000, i});
            }
        }
        later.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        expected.addAll(later);
        assertThat(calendar.size()).isEqualTo(expected.size());
        for (long[] event : expected) {
            assertThat(calendar.pop()).isTrue();
            assertThat(calendar.poppedTime()).isEqualTo(event[0]);
            assertThat(calendar.poppedPayload()).isEqualTo((int) event[1]);
        }
        assertThat(calendar.pop()).isFalse();
    }

    @Test
    void schedule_beforeLastPoppedTime_failsFast() {
        EventCalendar calendar = new EventCalendar();
        calendar.schedule(100, 0, 0);
        calendar.schedule(200, 0, 1);
        calendar.pop();
        assertThatThrownBy(() -> calendar.schedule(99, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time=99").hasMessageContaining("last=100");
        calendar.schedule(100, 0, 3); // the last popped second itself is allowed
        calendar.pop();
        assertThat(calendar.poppedPayload()).isEqualTo(3);
    }

    @Test
    void clear_afterPops_acceptsEarlierTimesAgain() {
        EventCalendar calendar = new EventCalendar();
        long handle = calendar.schedule(500, 0, 0);
        calendar.schedule(600, 0, 1);
        calendar.pop();
        calendar.clear();
        assertThat(calendar.isEmpty()).isTrue();
        assertThat(calendar.cancel(handle)).isFalse();
        calendar.schedule(5, 0, 2);
        assertThat(calendar.pop()).isTrue();
        assertThat(calendar.poppedTime()).isEqualTo(5);
        assertThat(calendar.pop()).isFalse();
    }

    @Test
    void levelOfHighestBit_everyBit_isTheSixBitDigitHoldingIt() {
        for (int bit = 0; bit < 64; bit++) {
            assertThat(EventCalendar.levelOfHighestBit(bit)).as("bit %d", bit).isEqualTo(bit / 6);
        }
    }

    /**
     * Times spread from 0 s up to a scale that sweeps 2^1 .. 2^62 s, phase after phase, ahead of
     * a clock that starts at -2^31 s and crosses zero, with ties, bursts at the clock's second,
     * cancels and popUntil: every one of the 11 levels of the 64-ary radix heap holds events and
     * buckets are dealt across levels tens of thousands of times; the calendar must pop exactly
     * what a TreeMap keyed by (time, sequence) pops.
     */
    @ParameterizedTest
    @CsvSource({"31, 5", "32, 15", "33, 30"})
    void randomOperationsAtEveryLevel_matchReferenceImplementation(long seed, int cancelPercent) {
        SplittableRandom random = new SplittableRandom(seed);
        Oracle oracle = new Oracle(-(1L << 31));
        for (int op = 0; op < 1_000_000; op++) {
            int choice = random.nextInt(100);
            // up to 3,000 pending: past the sorted array, many events per level
            int schedulePercent = oracle.size() < 3_000 ? 50 : 30;
            if (choice < schedulePercent || oracle.isEmpty()) {
                int burst = random.nextInt(200) == 0 ? 1 + random.nextInt(3 * EventCalendar.CHUNK) : 1;
                // the scale sweeps 2^1 .. 2^62 s phase by phase; a quarter of the events take a
                // log-uniform spread below it, so near and far events mix
                int scaleBits = 1 + (op / 4_000) % 62;
                long spread = random.nextInt(4) == 0
                        ? random.nextLong(1L << random.nextInt(scaleBits + 1))
                        : random.nextLong(1L << scaleBits);
                long now = oracle.now;
                long time = burst > 1 ? now
                        : now + Math.min(spread, now < 0 ? Long.MAX_VALUE : Long.MAX_VALUE - now);
                oracle.scheduleBurst(time, burst, random);
            } else {
                int cancelBelow = schedulePercent + cancelPercent;
                oracle.removeOne(random, choice, cancelBelow, cancelBelow + 5);
            }
        }
        assertThat(oracle.now).as("the clock crossed zero").isPositive();
        assertThat(Integer.toBinaryString(oracle.calendar.levelsUsed())).as("levels used")
                .isEqualTo("11111111111");
        assertThat(oracle.calendar.deals()).as("buckets dealt to lower levels")
                .isGreaterThan(10_000);
        oracle.drain();
    }

    /** Past the sorted array: negative, zero and extreme times through the radix heap's top level. */
    @Test
    void pop_negativeAndExtremeTimesInRadixHeap_inTimeThenSchedulingOrder() {
        EventCalendar calendar = new EventCalendar();
        long[] pattern = {Long.MAX_VALUE, 0, -5, Long.MIN_VALUE, 1L << 62, -5, 7, -(1L << 62),
            Long.MAX_VALUE - 64, 63, 64, -64, -1, 1};
        int n = 10 * pattern.length;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = pattern[i % pattern.length];
            calendar.schedule(times[i], 0, i);
        }
        assertThat(calendar.isSmall()).isFalse();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Long.compare(times[x], times[y])); // stable
        for (int expected : order) {
            assertThat(calendar.pop()).isTrue();
            assertThat(calendar.poppedPayload()).isEqualTo(expected);
            assertThat(calendar.poppedTime()).isEqualTo(times[expected]);
        }
        assertThat(calendar.pop()).isFalse();
    }

    @Test
    void pop_negativeAndExtremeTimes_inOrder() {
        EventCalendar calendar = new EventCalendar();
        long[] times = {Long.MAX_VALUE - 1, 0, -5, Long.MIN_VALUE + 1, 1L << 62, -5, 7};
        for (int i = 0; i < times.length; i++) {
            calendar.schedule(times[i], 0, i);
        }
        int[] expectedPayloads = {3, 2, 5, 1, 6, 4, 0};
        for (int expected : expectedPayloads) {
            assertThat(calendar.pop()).isTrue();
            assertThat(calendar.poppedPayload()).isEqualTo(expected);
            assertThat(calendar.poppedTime()).isEqualTo(times[expected]);
        }
        assertThat(calendar.pop()).isFalse();
    }

    @Test
    void popUntil_nextEventLater_changesNothingAndAllowsEarlierSchedule() {
        EventCalendar calendar = new EventCalendar();
        calendar.schedule(1_000, 0, 1);
        assertThat(calendar.popUntil(999)).isFalse();
        calendar.schedule(10, 0, 2); // before the pending event: still allowed, nothing popped
        assertThat(calendar.popUntil(999)).isTrue();
        assertThat(calendar.poppedPayload()).isEqualTo(2);
        assertThat(calendar.popUntil(1_000)).isTrue();
        assertThat(calendar.poppedPayload()).isEqualTo(1);
    }

    /**
     * The calendar under test beside the reference, a TreeMap keyed by (time, sequence): every
     * operation is applied to both and their answers compared. Kind is the payload's low 4 bits.
     */
    private static final class Oracle {
        final EventCalendar calendar = new EventCalendar(2);
        final TreeMap<long[], Integer> reference = new TreeMap<>((x, y) -> x[0] != y[0]
                ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        /** Parallel to {@link #handles}: the key each handle's event had in the reference. */
        final List<long[]> referenceKeys = new ArrayList<>();
        final List<Long> handles = new ArrayList<>();
        long sequence;
        /** The last popped time. */
        long now;

        Oracle(long now) {
            this.now = now;
        }

        int size() {
            return reference.size();
        }

        boolean isEmpty() {
            return reference.isEmpty();
        }

        void schedule(long time, int payload) {
            long handle = calendar.schedule(time, payload & 15, payload);
            assertThat(handle).isNotNegative();
            long[] key = {time, sequence++};
            reference.put(key, payload);
            referenceKeys.add(key);
            handles.add(handle);
        }

        /** {@code burst} events at {@code time}, each with a random payload, then the checks. */
        void scheduleBurst(long time, int burst, SplittableRandom random) {
            for (int b = 0; b < burst; b++) {
                schedule(time, random.nextInt());
            }
            afterOperation();
        }

        /**
         * One removing operation chosen by {@code choice} (a draw in [0, 100) that did not
         * schedule): below {@code cancelBelow} a cancel, below {@code popUntilBelow} a popUntil
         * near the next event, else a pop; then the checks.
         */
        void removeOne(SplittableRandom random, int choice, int cancelBelow, int popUntilBelow) {
            if (choice < cancelBelow) {
                cancelAny(random);
            } else if (choice < popUntilBelow) {
                popUntilNearNext(random);
            } else {
                pop();
            }
            afterOperation();
        }

        /** Cancels a remembered handle, pending or not: true exactly when it was pending. */
        void cancelAny(SplittableRandom random) {
            int pick = random.nextInt(handles.size());
            long[] key = referenceKeys.get(pick);
            assertThat(calendar.cancel(handles.get(pick))).isEqualTo(reference.containsKey(key));
            reference.remove(key);
            swapRemove(referenceKeys, pick);
            swapRemove(handles, pick);
        }

        /** popUntil a bound that is sometimes before the next event: then nothing changes. */
        void popUntilNearNext(SplittableRandom random) {
            long next = reference.firstKey()[0];
            long until = next - 1 + random.nextInt(3);
            assertThat(calendar.popUntil(until)).isEqualTo(next <= until);
            if (next <= until) {
                var entry = reference.pollFirstEntry();
                assertThat(calendar.poppedTime()).isEqualTo(entry.getKey()[0]);
                assertThat(calendar.poppedPayload()).isEqualTo(entry.getValue());
                now = calendar.poppedTime();
            }
        }

        void pop() {
            var expected = reference.pollFirstEntry();
            assertThat(calendar.peekTime()).isEqualTo(expected.getKey()[0]);
            assertThat(calendar.pop()).isTrue();
            assertThat(calendar.poppedTime()).isEqualTo(expected.getKey()[0]);
            assertThat(calendar.poppedPayload()).isEqualTo(expected.getValue());
            assertThat(calendar.poppedKind()).isEqualTo(expected.getValue() & 15);
            now = calendar.poppedTime();
        }

        /** Sizes agree; handles of events that already fired are checked stale and forgotten. */
        void afterOperation() {
            assertThat(calendar.size()).isEqualTo(reference.size());
            if (handles.size() > 4 * (reference.size() + 16)) {
                for (int i = handles.size() - 1; i >= 0; i--) {
                    if (!reference.containsKey(referenceKeys.get(i))) {
                        assertThat(calendar.cancel(handles.get(i))).isFalse();
                        swapRemove(referenceKeys, i);
                        swapRemove(handles, i);
                    }
                }
            }
        }

        /** Pops everything left, in the reference's order, then nothing. */
        void drain() {
            while (!reference.isEmpty()) {
                var expected = reference.pollFirstEntry();
                assertThat(calendar.pop()).isTrue();
                assertThat(calendar.poppedTime()).isEqualTo(expected.getKey()[0]);
                assertThat(calendar.poppedPayload()).isEqualTo(expected.getValue());
            }
            assertThat(calendar.pop()).isFalse();
            assertThat(calendar.peekTime()).isEqualTo(Long.MAX_VALUE);
        }
    }

    private static <T> void swapRemove(List<T> list, int index) {
        int last = list.size() - 1;
        list.set(index, list.get(last));
        list.remove(last);
    }
}
