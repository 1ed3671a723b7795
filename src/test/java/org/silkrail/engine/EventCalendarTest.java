package org.silkrail.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        EventCalendar calendar = new EventCalendar(2);
        TreeMap<long[], Integer> reference = new TreeMap<>((x, y) -> x[0] != y[0]
                ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        List<long[]> referenceKeys = new ArrayList<>(); // parallel to handles
        List<Long> handles = new ArrayList<>();
        long sequence = 0;
        long now = 0;
        int operations = 1_200_000;
        for (int op = 0; op < operations; op++) {
            int choice = random.nextInt(100);
            if (choice < 45 || reference.isEmpty()) {
                // narrow time range so that ties are frequent
                long time = now + random.nextInt(50);
                int payload = random.nextInt();
                long handle = calendar.schedule(time, payload & 15, payload);
                long[] key = {time, sequence++};
                reference.put(key, payload);
                referenceKeys.add(key);
                handles.add(handle);
            } else if (choice < 60) {
                int pick = random.nextInt(handles.size());
                long[] key = referenceKeys.get(pick);
                boolean pending = reference.containsKey(key);
                assertThat(calendar.cancel(handles.get(pick))).isEqualTo(pending);
                reference.remove(key);
                swapRemove(referenceKeys, pick);
                swapRemove(handles, pick);
            } else {
                var expected = reference.pollFirstEntry();
                assertThat(calendar.peekTime()).isEqualTo(expected.getKey()[0]);
                assertThat(calendar.pop()).isTrue();
                assertThat(calendar.poppedTime()).isEqualTo(expected.getKey()[0]);
                assertThat(calendar.poppedPayload()).isEqualTo(expected.getValue());
                assertThat(calendar.poppedKind()).isEqualTo(expected.getValue() & 15);
                now = calendar.poppedTime();
            }
            assertThat(calendar.size()).isEqualTo(reference.size());
            if (handles.size() > 4 * (reference.size() + 16)) {
                // forget handles of events that already fired, keeping the lists small
                for (int i = handles.size() - 1; i >= 0; i--) {
                    if (!reference.containsKey(referenceKeys.get(i))) {
                        assertThat(calendar.cancel(handles.get(i))).isFalse();
                        swapRemove(referenceKeys, i);
                        swapRemove(handles, i);
                    }
                }
            }
        }
        while (!reference.isEmpty()) {
            var expected = reference.pollFirstEntry();
            assertThat(calendar.pop()).isTrue();
            assertThat(calendar.poppedPayload()).isEqualTo(expected.getValue());
        }
        assertThat(calendar.pop()).isFalse();
    }

    private static <T> void swapRemove(List<T> list, int index) {
        int last = list.size() - 1;
        list.set(index, list.get(last));
        list.remove(last);
    }
}
