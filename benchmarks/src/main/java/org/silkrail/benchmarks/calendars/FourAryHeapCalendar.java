package org.silkrail.benchmarks.calendars;

import java.util.Arrays;

/**
 * A rejected candidate kept for side-by-side measurement: silkrail's calendar before the radix
 * heap (commit b00749f), an implicit 4-ary heap keyed by (time, sequence) with lazy cancel.
 *
 * <p>Its original documentation follows. The future event list: a priority queue of int-coded
 * events keyed by simulated time.
 *
 * <p><b>Ordering rule.</b> Events leave in ascending (time, insertion sequence) order: of two
 * events at the same instant, the one scheduled first fires first. The sequence number is a
 * {@code long} that grows by one per {@link #schedule}, so the order is total and never depends
 * on the heap's shape, the platform or the thread that built the run.
 *
 * <p><b>Cost.</b> An implicit 4-ary min-heap on parallel primitive arrays: schedule and pop
 * are O(log n) with shallow trees (log4 of 10^6 is 10); cancel is O(1). Cancellation is lazy: a
 * cancelled event stays in the heap as a tombstone and is dropped when it reaches the top, so a
 * sift never has to keep a slot-to-position index up to date (one random write per level
 * saved). When tombstones outnumber live events the heap is rebuilt in O(n). Storage grows by doubling and is
 * never released; in steady state no call allocates. Time and sequence are stored in heap order
 * beside each other so that a sift touches two {@code long[]} and one {@code int[]} only.
 *
 * <p><b>Handles.</b> {@link #schedule} returns a handle that packs the event's slot and the
 * slot's generation; {@link #cancel} of a handle whose event already fired or was cancelled
 * returns {@code false} and changes nothing. A slot's generation advances on every reuse, so a
 * stale handle cannot cancel a newer event.
 *
 * <p><b>Threading.</b> Not thread-safe; one calendar belongs to one simulation run.
 */
public final class FourAryHeapCalendar {
    private static final int ARITY_SHIFT = 2; // 4-ary heap
    private static final int COMPACT_MIN_TOMBSTONES = 1024;

    // heap order: position -> key and slot
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    // slot order: slot -> payload; live is false once the event fired or was cancelled
    private int[] slotKind;
    private int[] slotPayload;
    private boolean[] slotLive;
    private int[] slotGeneration;
    private int cancelledInHeap;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSeq;

    // the event most recently removed by pop()
    private long poppedTime;
    private int poppedKind;
    private int poppedPayload;

    public FourAryHeapCalendar() {
        this(1024);
    }

    public FourAryHeapCalendar(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        heapTime = new long[capacity];
        heapSeq = new long[capacity];
        heapSlot = new int[capacity];
        slotKind = new int[capacity];
        slotPayload = new int[capacity];
        slotLive = new boolean[capacity];
        slotGeneration = new int[capacity];
        freeSlots = new int[capacity];
    }

    /** Number of pending events. */
    public int size() {
        return size - cancelledInHeap;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Time of the earliest pending event; {@code Long.MAX_VALUE} when empty. */
    public long peekTime() {
        dropCancelledTop();
        return size == 0 ? Long.MAX_VALUE : heapTime[0];
    }

    /**
     * Adds an event.
     *
     * @return a handle for {@link #cancel}
     */
    public long schedule(long time, int kind, int payload) {
        int slot = allocateSlot();
        slotKind[slot] = kind;
        slotPayload[slot] = payload;
        slotLive[slot] = true;
        if (size == heapTime.length) {
            growHeap();
        }
        siftUp(size++, time, nextSeq++, slot);
        return ((long) slotGeneration[slot] << 32) | slot;
    }

    /**
     * Removes the earliest event; its fields are then read with {@link #poppedTime()},
     * {@link #poppedKind()} and {@link #poppedPayload()}.
     *
     * @return {@code false} when the calendar is empty
     */
    public boolean pop() {
        dropCancelledTop();
        if (size == 0) {
            return false;
        }
        int slot = heapSlot[0];
        poppedTime = heapTime[0];
        poppedKind = slotKind[slot];
        poppedPayload = slotPayload[slot];
        slotLive[slot] = false;
        slotGeneration[slot]++;
        removeTop();
        freeSlots[freeCount++] = slot;
        return true;
    }

    public long poppedTime() {
        return poppedTime;
    }

    public int poppedKind() {
        return poppedKind;
    }

    public int poppedPayload() {
        return poppedPayload;
    }

    /**
     * Removes a pending event.
     *
     * @return {@code true} if the event was pending and is now removed; {@code false} if it had
     *     already fired or been cancelled
     */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        int generation = (int) (handle >>> 32);
        if (slot < 0 || slot >= slotsUsed || slotGeneration[slot] != generation
                || !slotLive[slot]) {
            return false;
        }
        // the entry stays in the heap as a tombstone; its slot is freed when it leaves
        slotLive[slot] = false;
        slotGeneration[slot]++;
        cancelledInHeap++;
        if (cancelledInHeap >= COMPACT_MIN_TOMBSTONES && cancelledInHeap > size / 2) {
            compact();
        }
        return true;
    }

    /** Removes every pending event; handles issued before stay invalid. */
    public void clear() {
        for (int i = 0; i < size; i++) {
            int slot = heapSlot[i];
            if (slotLive[slot]) {
                slotLive[slot] = false;
                slotGeneration[slot]++;
            }
            freeSlots[freeCount++] = slot;
        }
        size = 0;
        cancelledInHeap = 0;
    }

    /** Drops tombstones from the top, so that the top is the earliest pending event. */
    private void dropCancelledTop() {
        while (size > 0 && !slotLive[heapSlot[0]]) {
            int slot = heapSlot[0];
            removeTop();
            cancelledInHeap--;
            freeSlots[freeCount++] = slot;
        }
    }

    private void removeTop() {
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapSeq[last], heapSlot[last]);
        }
    }

    /** Removes every tombstone and restores the heap bottom-up (Floyd), O(n). */
    private void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int slot = heapSlot[i];
            if (slotLive[slot]) {
                heapTime[kept] = heapTime[i];
                heapSeq[kept] = heapSeq[i];
                heapSlot[kept] = slot;
                kept++;
            } else {
                freeSlots[freeCount++] = slot;
            }
        }
        size = kept;
        cancelledInHeap = 0;
        for (int i = (size - 2) >> ARITY_SHIFT; i >= 0; i--) {
            siftDown(i, heapTime[i], heapSeq[i], heapSlot[i]);
        }
    }

    private void siftUp(int position, long time, long seq, int slot) {
        long[] times = heapTime;
        long[] seqs = heapSeq;
        int[] slots = heapSlot;
        while (position > 0) {
            int parent = (position - 1) >> ARITY_SHIFT;
            long parentTime = times[parent];
            if (time > parentTime || (time == parentTime && seq > seqs[parent])) {
                break;
            }
            times[position] = parentTime;
            seqs[position] = seqs[parent];
            slots[position] = slots[parent];
            position = parent;
        }
        times[position] = time;
        seqs[position] = seq;
        slots[position] = slot;
    }

    private void siftDown(int position, long time, long seq, int slot) {
        long[] times = heapTime;
        long[] seqs = heapSeq;
        int[] slots = heapSlot;
        int n = size;
        while (true) {
            int first = (position << ARITY_SHIFT) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = times[first];
            long bestSeq = seqs[first];
            int end = Math.min(first + 4, n);
            for (int child = first + 1; child < end; child++) {
                long childTime = times[child];
                if (childTime < bestTime || (childTime == bestTime && seqs[child] < bestSeq)) {
                    best = child;
                    bestTime = childTime;
                    bestSeq = seqs[child];
                }
            }
            if (time < bestTime || (time == bestTime && seq < bestSeq)) {
                break;
            }
            times[position] = bestTime;
            seqs[position] = bestSeq;
            slots[position] = slots[best];
            position = best;
        }
        times[position] = time;
        seqs[position] = seq;
        slots[position] = slot;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == slotKind.length) {
            int capacity = slotKind.length << 1;
            slotKind = Arrays.copyOf(slotKind, capacity);
            slotPayload = Arrays.copyOf(slotPayload, capacity);
            slotLive = Arrays.copyOf(slotLive, capacity);
            slotGeneration = Arrays.copyOf(slotGeneration, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotsUsed++;
    }

    private void growHeap() {
        int capacity = heapTime.length << 1;
        heapTime = Arrays.copyOf(heapTime, capacity);
        heapSeq = Arrays.copyOf(heapSeq, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
    }
}
