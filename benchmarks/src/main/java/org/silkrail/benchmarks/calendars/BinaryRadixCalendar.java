package org.silkrail.benchmarks.calendars;

import java.util.Arrays;

/**
 * The engine's calendar before its 64-ary radix heap (main at b8d8237): a sorted array for up to
 * 32 pending events and a binary radix heap above, kept for side-by-side measurement
 * ({@code CalendarBenchmark}).
 *
 * <p>Its original documentation follows. The future event list: a priority queue of int-coded events keyed by simulated time in whole
 * seconds.
 *
 * <p><b>Ordering rule.</b> Events leave in ascending (time, insertion sequence) order: of two
 * events at the same second, the one scheduled first fires first. The order is total and never
 * depends on the calendar's layout, the platform or the thread that built the run.
 *
 * <p><b>Monotone.</b> An event may not be scheduled before the time of the last event popped
 * (the clock of a simulation never goes back; {@code Simulation} checks it against its clock,
 * and this class fails fast with {@link IllegalArgumentException}). {@link #clear()} lifts the
 * bound.
 *
 * <p><b>Cost.</b> A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster algorithms for the
 * shortest path problem", J. ACM 37(2), 1990) over the 64-bit time: bucket {@code b} holds the
 * events whose time first differs from the last popped time at bit {@code b − 1}; bucket 0 holds
 * the events at the last popped time. A pop takes the head of bucket 0; when bucket 0 is empty
 * the lowest non-empty bucket is found with one bit scan, its minimum becomes the new last time
 * and its events are dealt to lower buckets, each of which is empty at that moment. An event is
 * therefore moved at most 64 times and in practice a few times (its bucket index falls by about
 * two per move), always by a sequential pass over two primitive arrays: schedule is O(1), pop is
 * amortised O(log of the time span), and neither compares (time, sequence) pairs. FIFO among
 * events at the same second needs no sequence field: each bucket is kept in insertion order,
 * because events are only appended to a bucket, and a bucket receiving dealt events is empty
 * beforehand and receives them in its source bucket's order. Cancel is O(1) and lazy: a cancelled
 * event stays in its bucket as a tombstone and is dropped when its bucket is dealt or popped; when
 * tombstones outnumber live events they are purged in O(n).
 *
 * <p><b>Few pending events.</b> While at most {@value #SMALL_MAX} events are pending (M/M/1 has
 * two; a model between bursts a handful) they are kept instead in one short array sorted by
 * (time, insertion order): a pop takes its head, a schedule shifts the later entries up by one
 * (a new event usually lands at or near the tail). The radix heap's bucket bookkeeping costs
 * more than that at this size. When a schedule finds the array full of live events, they move
 * to the radix heap in their order; when a pop leaves at most {@value #SMALL_LOW} live events in
 * the radix heap, they move back (by time, stable, so same-second events keep their order; all
 * same-second events share one bucket). The gap between the two bounds means a switch costs
 * O({@value #SMALL_MAX}) once per at least {@value #SMALL_MAX} − {@value #SMALL_LOW} operations.
 * Cancel stays O(1) and lazy in both representations.
 *
 * <p><b>Storage.</b> Buckets are chains of fixed chunks of {@value #CHUNK} entries drawn from one
 * shared pool: a chunk returns to the pool as soon as it has been dealt or popped, and the next
 * append takes it again, still warm in cache. The pool therefore holds about as many entries as
 * the most events ever pending, plus at most one part-filled chunk per bucket, whatever the
 * buckets' own peaks; it grows by doubling and is never released. Once the pool and the slot
 * table have reached their peak, no call allocates.
 *
 * <p><b>Handles.</b> {@link #schedule} returns a handle that packs the event's slot and the
 * slot's generation; {@link #cancel} of a handle whose event already fired or was cancelled
 * returns {@code false} and changes nothing. A slot's generation advances on every schedule and
 * every removal (odd while the event is pending), so a stale handle cannot cancel a newer event.
 * A handle is never negative, so a caller may keep -1 for "no event".
 *
 * <p><b>Threading.</b> Not thread-safe; one calendar belongs to one simulation run.
 */
public final class BinaryRadixCalendar {
    /** 64 buckets for a first differing bit 0..63, and bucket 0 for the last popped time. */
    private static final int BUCKETS = 65;
    private static final int CHUNK_SHIFT = 7;
    /** Entries per chunk: 1 KiB of times, so a pass over a bucket streams through memory. */
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int NONE = -1;
    private static final int PURGE_MIN_TOMBSTONES = 1024;
    /** Slot record: kind, payload, generation (odd while pending), unused; 16 bytes. */
    private static final int SLOT_SHIFT = 2;
    private static final int KIND = 0;
    private static final int PAYLOAD = 1;
    private static final int GENERATION = 2;
    /** Handles carry 31 bits of generation, so a handle is never negative. */
    private static final int GENERATION_MASK = Integer.MAX_VALUE;
    /** Most entries (live or cancelled) of the sorted array; one more live event moves to the radix heap. */
    static final int SMALL_MAX = 32;
    /** Live events at or below which a pop moves the radix heap's events back to the array. */
    static final int SMALL_LOW = 8;

    // the sorted array: entries [smallHead, smallTail) in (time, insertion) order; twice
    // SMALL_MAX long, so the window slides down once per at least SMALL_MAX pops
    private final long[] smallTime = new long[2 * SMALL_MAX];
    private final int[] smallSlot = new int[2 * SMALL_MAX];
    private int smallHead;
    private int smallTail;
    /** True while the events are in the sorted array; the radix heap is then empty. */
    private boolean small = true;
    /** Moves between the two representations, both ways (read by tests). */
    private long switches;

    // the chunk pool: chunk c holds entries [c * CHUNK, (c + 1) * CHUNK)
    private long[] entryTime;
    private int[] entrySlot;
    private int[] chunkNext;
    private int[] freeChunks;
    private int freeChunkCount;
    private int chunksUsed;

    // buckets: chains of chunks, NONE when empty; only the tail chunk may be part-filled
    private final int[] headChunk = new int[BUCKETS];
    private final int[] tailChunk = new int[BUCKETS];
    private final int[] tailFill = new int[BUCKETS];
    /**
     * Earliest time among the entries of each bucket, tombstones included, Long.MAX_VALUE when
     * empty; the earliest pending time of a bucket when no event is cancelled, so finding it
     * needs no pass over the bucket.
     */
    private final long[] bucketMin = new long[BUCKETS];
    /** Bit b − 1 set when bucket b (1..64) is not empty. */
    private long nonEmpty;
    /** Entries of bucket 0's head chunk already popped. */
    private int head0;
    /** The last popped time: every pending event is at or after it. */
    private long last = Long.MIN_VALUE;

    private int[] slotData;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;
    private int live;
    private int tombstones;

    // the event most recently removed by pop()
    private long poppedTime;
    private int poppedKind;
    private int poppedPayload;

    public BinaryRadixCalendar() {
        this(1024);
    }

    /** @param initialCapacity pending events held before the first growth */
    public BinaryRadixCalendar(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        slotData = new int[capacity << SLOT_SHIFT];
        freeSlots = new int[capacity];
        int chunks = (capacity >> CHUNK_SHIFT) + 16;
        entryTime = new long[chunks << CHUNK_SHIFT];
        entrySlot = new int[chunks << CHUNK_SHIFT];
        chunkNext = new int[chunks];
        freeChunks = new int[chunks];
        Arrays.fill(headChunk, NONE);
        Arrays.fill(tailChunk, NONE);
        Arrays.fill(bucketMin, Long.MAX_VALUE);
    }

    /** Number of pending events. */
    public int size() {
        return live;
    }

    public boolean isEmpty() {
        return live == 0;
    }

    /** Time of the earliest pending event; {@code Long.MAX_VALUE} when empty. */
    public long peekTime() {
        if (live == 0) {
            return Long.MAX_VALUE;
        }
        if (small) {
            return smallTime[dropDeadSmallHead()];
        }
        if (dropDeadHead0()) {
            return last;
        }
        return tombstones == 0 ? bucketMin[Long.numberOfTrailingZeros(nonEmpty) + 1]
                : lowestBucketMin();
    }

    /**
     * Adds an event.
     *
     * @param time seconds, not before the last popped event's time
     * @return a handle for {@link #cancel}
     * @throws IllegalArgumentException if {@code time} is before the last popped event's time
     */
    public long schedule(long time, int kind, int payload) {
        if (time < last) {
            throw beforeLast(time, kind);
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        int base = slot << SLOT_SHIFT;
        int[] data = slotData;
        data[base + KIND] = kind;
        data[base + PAYLOAD] = payload;
        int generation = ++data[base + GENERATION] & GENERATION_MASK;
        if (small && (smallTail - smallHead < SMALL_MAX || makeSmallRoom())) {
            insertSmall(time, slot);
        } else {
            append(bucketOf(time), time, slot);
        }
        live++;
        return ((long) generation << 32) | slot;
    }

    /**
     * Removes the earliest event; its fields are then read with {@link #poppedTime()},
     * {@link #poppedKind()} and {@link #poppedPayload()}.
     *
     * @return {@code false} when the calendar is empty
     */
    public boolean pop() {
        return popUntil(Long.MAX_VALUE);
    }

    /**
     * Removes the earliest event if its time is at most {@code until}: {@link #peekTime()} and
     * {@link #pop()} in one step, so the earliest event is found once.
     *
     * @return {@code false} when no event is pending at or before {@code until}; nothing changes
     */
    public boolean popUntil(long until) {
        if (live == 0) {
            return false;
        }
        int slot;
        if (small) {
            int head = dropDeadSmallHead();
            long time = smallTime[head];
            if (time > until) {
                return false;
            }
            slot = smallSlot[head];
            last = time;
            if (++head == smallTail) {
                smallTail = 0;
                head = 0;
            }
            smallHead = head;
        } else {
            slot = radixPop(until);
            if (slot == NONE) {
                return false;
            }
        }
        int base = slot << SLOT_SHIFT;
        int[] data = slotData;
        poppedTime = last;
        poppedKind = data[base + KIND];
        poppedPayload = data[base + PAYLOAD];
        data[base + GENERATION]++;
        freeSlots[freeCount++] = slot;
        if (--live <= SMALL_LOW && !small) {
            toSmall();
        }
        return true;
    }

    /**
     * Removes the earliest live event from the radix heap if its time is at most {@code until},
     * making its time the last time.
     *
     * @return its slot, or NONE (nothing changed but dropped tombstones)
     */
    private int radixPop(long until) {
        if (dropDeadHead0()) {
            return last > until ? NONE : takeHead0();
        }
        long min = tombstones == 0 ? bucketMin[Long.numberOfTrailingZeros(nonEmpty) + 1]
                : lowestBucketMin();
        if (min > until) {
            return NONE;
        }
        int bucket = Long.numberOfTrailingZeros(nonEmpty) + 1;
        int chunk = headChunk[bucket];
        if (chunk == tailChunk[bucket] && tailFill[bucket] == 1) {
            // a bucket of one live event: pop it in place
            int slot = entrySlot[chunk << CHUNK_SHIFT];
            freeChunk(chunk);
            emptyBucket(bucket);
            last = min;
            return slot;
        }
        deal(bucket, min);
        return takeHead0();
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
        if (slot < 0 || slot >= slotsUsed
                || (slotData[(slot << SLOT_SHIFT) + GENERATION] & GENERATION_MASK) != generation
                || (generation & 1) == 0) {
            return false;
        }
        // the entry stays in its bucket as a tombstone; its slot is freed when it leaves
        slotData[(slot << SLOT_SHIFT) + GENERATION]++;
        live--;
        tombstones++;
        if (tombstones >= PURGE_MIN_TOMBSTONES && tombstones > live && !small) {
            purge();
        }
        return true;
    }

    /**
     * Removes every pending event; handles issued before stay invalid, and events may again be
     * scheduled at any time.
     */
    public void clear() {
        for (int i = smallHead; i < smallTail; i++) {
            releaseCleared(smallSlot[i]);
        }
        smallHead = 0;
        smallTail = 0;
        small = true;
        for (int b = 0; b < BUCKETS; b++) {
            for (int c = headChunk[b]; c != NONE; ) {
                int from = c == headChunk[0] && b == 0 ? head0 : 0;
                int to = c == tailChunk[b] ? tailFill[b] : CHUNK;
                for (int i = from; i < to; i++) {
                    releaseCleared(entrySlot[(c << CHUNK_SHIFT) + i]);
                }
                int next = chunkNext[c];
                freeChunk(c);
                c = next;
            }
            headChunk[b] = NONE;
            tailChunk[b] = NONE;
            bucketMin[b] = Long.MAX_VALUE;
        }
        head0 = 0;
        nonEmpty = 0;
        live = 0;
        tombstones = 0;
        last = Long.MIN_VALUE;
    }

    /** Out of line, so that the message's string building does not bloat the inlined schedule. */
    private IllegalArgumentException beforeLast(long time, int kind) {
        return new IllegalArgumentException("event before the last popped event: time=" + time
                + " last=" + last + " kind=" + kind);
    }

    private void releaseCleared(int slot) {
        int generationIndex = (slot << SLOT_SHIFT) + GENERATION;
        if ((slotData[generationIndex] & 1) != 0) {
            slotData[generationIndex]++;
        }
        freeSlots[freeCount++] = slot;
    }

    /** How often the events moved between the sorted array and the radix heap (for tests). */
    long switches() {
        return switches;
    }

    /** True while the events are held in the sorted array (for tests). */
    boolean isSmall() {
        return small;
    }

    /**
     * Inserts into the sorted array, which has room, after every entry at or before {@code time}
     * (so after same-second events scheduled earlier).
     */
    private void insertSmall(long time, int slot) {
        long[] times = smallTime;
        int[] slots = smallSlot;
        int tail = smallTail;
        int head = smallHead;
        if (tail == times.length) {
            slideSmall();
            tail = smallTail;
            head = 0;
        }
        int i = tail;
        while (i > head && times[i - 1] > time) {
            times[i] = times[i - 1];
            slots[i] = slots[i - 1];
            i--;
        }
        times[i] = time;
        slots[i] = slot;
        smallTail = tail + 1;
    }

    /** Moves the sorted array's entries to its start; rare, so out of the inlined insert. */
    private void slideSmall() {
        int head = smallHead;
        int count = smallTail - head;
        System.arraycopy(smallTime, head, smallTime, 0, count);
        System.arraycopy(smallSlot, head, smallSlot, 0, count);
        smallHead = 0;
        smallTail = count;
    }

    /**
     * The sorted array is full: drops its tombstones, or, if all its entries are live, moves
     * them to the radix heap.
     *
     * @return true if the array has room now, false if the events are in the radix heap
     */
    private boolean makeSmallRoom() {
        int write = smallHead;
        for (int read = smallHead; read < smallTail; read++) {
            int slot = smallSlot[read];
            if (isLive(slot)) {
                smallTime[write] = smallTime[read];
                smallSlot[write++] = slot;
            } else {
                releaseTombstone(slot);
            }
        }
        smallTail = write;
        if (write - smallHead < SMALL_MAX) {
            return true;
        }
        // in (time, insertion) order, so each bucket receives its events in firing order
        for (int i = smallHead; i < smallTail; i++) {
            long time = smallTime[i];
            append(bucketOf(time), time, smallSlot[i]);
        }
        smallHead = 0;
        smallTail = 0;
        small = false;
        switches++;
        return false;
    }

    /**
     * Moves the radix heap's live events (at most SMALL_LOW) to the empty sorted array and frees
     * every chunk. Each bucket is read in its order and the insertion is stable, and all events
     * of one second share a bucket, so same-second events keep their order.
     */
    private void toSmall() {
        for (int b = 0; b < BUCKETS; b++) {
            int c = headChunk[b];
            if (c == NONE) {
                continue;
            }
            int tail = tailChunk[b];
            int from = b == 0 ? head0 : 0;
            while (true) {
                int base = c << CHUNK_SHIFT;
                int to = c == tail ? tailFill[b] : CHUNK;
                for (int i = from; i < to; i++) {
                    int slot = entrySlot[base + i];
                    if (isLive(slot)) {
                        insertSmall(entryTime[base + i], slot);
                    } else {
                        releaseTombstone(slot);
                    }
                }
                int next = chunkNext[c];
                freeChunk(c);
                if (c == tail) {
                    break;
                }
                c = next;
                from = 0;
            }
            headChunk[b] = NONE;
            tailChunk[b] = NONE;
            bucketMin[b] = Long.MAX_VALUE;
        }
        head0 = 0;
        nonEmpty = 0;
        small = true;
        switches++;
    }

    /**
     * Drops tombstones from the head of the sorted array and returns the head's index; there
     * must be a live event.
     */
    private int dropDeadSmallHead() {
        int head = smallHead;
        if (tombstones > 0) {
            while (!isLive(smallSlot[head])) {
                releaseTombstone(smallSlot[head]);
                head++;
            }
            smallHead = head;
        }
        return head;
    }

    private void emptyBucket(int bucket) {
        headChunk[bucket] = NONE;
        tailChunk[bucket] = NONE;
        bucketMin[bucket] = Long.MAX_VALUE;
        nonEmpty &= ~(1L << (bucket - 1));
    }

    private int bucketOf(long time) {
        return 64 - Long.numberOfLeadingZeros(time ^ last);
    }

    private boolean isLive(int slot) {
        return (slotData[(slot << SLOT_SHIFT) + GENERATION] & 1) != 0;
    }

    private void append(int bucket, long time, int slot) {
        int tail = tailChunk[bucket];
        int fill = tailFill[bucket];
        if (tail == NONE || fill == CHUNK) {
            int chunk = takeChunk();
            chunkNext[chunk] = NONE;
            if (tail == NONE) {
                headChunk[bucket] = chunk;
                if (bucket != 0) {
                    nonEmpty |= 1L << (bucket - 1);
                }
            } else {
                chunkNext[tail] = chunk;
            }
            tailChunk[bucket] = chunk;
            tail = chunk;
            fill = 0;
        }
        int entry = (tail << CHUNK_SHIFT) + fill;
        entryTime[entry] = time;
        entrySlot[entry] = slot;
        tailFill[bucket] = fill + 1;
        if (time < bucketMin[bucket]) {
            bucketMin[bucket] = time;
        }
    }

    /** Removes and returns the slot at the head of bucket 0, which must not be empty. */
    private int takeHead0() {
        int chunk = headChunk[0];
        int slot = entrySlot[(chunk << CHUNK_SHIFT) + head0++];
        if (chunk == tailChunk[0]) {
            if (head0 == tailFill[0]) {
                freeChunk(chunk);
                headChunk[0] = NONE;
                tailChunk[0] = NONE;
                head0 = 0;
            }
        } else if (head0 == CHUNK) {
            headChunk[0] = chunkNext[chunk];
            freeChunk(chunk);
            head0 = 0;
        }
        return slot;
    }

    /** Drops tombstones from the head of bucket 0; true if a live event is left there. */
    private boolean dropDeadHead0() {
        if (tombstones > 0) {
            while (headChunk[0] != NONE
                    && !isLive(entrySlot[(headChunk[0] << CHUNK_SHIFT) + head0])) {
                releaseTombstone(takeHead0());
            }
        }
        return headChunk[0] != NONE;
    }

    /**
     * The earliest live time in the lowest non-empty bucket above 0, which is the earliest
     * pending time when bucket 0 has no live event: a pass over the bucket, for when events are
     * cancelled (else {@code bucketMin} has it). Buckets holding only tombstones are emptied on
     * the way. There must be a live event.
     */
    private long lowestBucketMin() {
        long[] times = entryTime;
        while (true) {
            int bucket = Long.numberOfTrailingZeros(nonEmpty) + 1;
            int tail = tailChunk[bucket];
            long min = Long.MAX_VALUE;
            boolean found = false;
            for (int c = headChunk[bucket]; ; c = chunkNext[c]) {
                int from = c << CHUNK_SHIFT;
                int to = from + (c == tail ? tailFill[bucket] : CHUNK);
                for (int i = from; i < to; i++) {
                    if (isLive(entrySlot[i])) {
                        min = Math.min(min, times[i]);
                        found = true;
                    }
                }
                if (c == tail) {
                    break;
                }
            }
            if (found) {
                return min;
            }
            for (int c = headChunk[bucket]; c != NONE; ) {
                int from = c << CHUNK_SHIFT;
                int to = from + (c == tail ? tailFill[bucket] : CHUNK);
                for (int i = from; i < to; i++) {
                    releaseTombstone(entrySlot[i]);
                }
                int next = chunkNext[c];
                freeChunk(c);
                c = next;
            }
            emptyBucket(bucket);
        }
    }

    /**
     * Makes {@code min}, the earliest time in {@code bucket}, the last time and deals the
     * bucket's events to the lower buckets, all empty now, in the bucket's order; tombstones are
     * dropped. Each chunk returns to the pool once read, so the lower buckets reuse it.
     */
    private void deal(int bucket, long min) {
        int chunk = headChunk[bucket];
        int tail = tailChunk[bucket];
        int tailEnd = tailFill[bucket];
        emptyBucket(bucket);
        last = min;
        boolean checkLive = tombstones > 0;
        long[] times = entryTime;
        int[] slots = entrySlot;
        while (true) {
            int from = chunk << CHUNK_SHIFT;
            int to = from + (chunk == tail ? tailEnd : CHUNK);
            for (int i = from; i < to; i++) {
                int slot = slots[i];
                if (checkLive && !isLive(slot)) {
                    releaseTombstone(slot);
                    continue;
                }
                long time = times[i];
                append(64 - Long.numberOfLeadingZeros(time ^ min), time, slot);
            }
            int next = chunkNext[chunk];
            boolean wasTail = chunk == tail;
            freeChunk(chunk);
            if (wasTail) {
                return;
            }
            chunk = next;
        }
    }

    private void releaseTombstone(int slot) {
        freeSlots[freeCount++] = slot;
        tombstones--;
    }

    /** Removes every tombstone, keeping each bucket's order, and returns emptied chunks; O(n). */
    private void purge() {
        for (int b = 0; b < BUCKETS; b++) {
            int readChunk = headChunk[b];
            if (readChunk == NONE) {
                continue;
            }
            int tail = tailChunk[b];
            int tailEnd = tailFill[b];
            int writeChunk = readChunk;
            int write = b == 0 ? head0 : 0;
            int read = write;
            long min = Long.MAX_VALUE;
            while (true) {
                int end = readChunk == tail ? tailEnd : CHUNK;
                for (; read < end; read++) {
                    int from = (readChunk << CHUNK_SHIFT) + read;
                    int slot = entrySlot[from];
                    if (!isLive(slot)) {
                        releaseTombstone(slot);
                        continue;
                    }
                    if (write == CHUNK) {
                        writeChunk = chunkNext[writeChunk];
                        write = 0;
                    }
                    int to = (writeChunk << CHUNK_SHIFT) + write++;
                    long time = entryTime[from];
                    entryTime[to] = time;
                    entrySlot[to] = slot;
                    min = Math.min(min, time);
                }
                if (readChunk == tail) {
                    break;
                }
                readChunk = chunkNext[readChunk];
                read = 0;
            }
            // chunks after the write position are empty now
            for (int c = chunkNext[writeChunk]; writeChunk != tail && c != NONE; ) {
                int next = chunkNext[c];
                boolean wasTail = c == tail;
                freeChunk(c);
                if (wasTail) {
                    break;
                }
                c = next;
            }
            boolean empty = write == (b == 0 && writeChunk == headChunk[0] ? head0 : 0);
            bucketMin[b] = min;
            if (empty) {
                freeChunk(writeChunk);
                headChunk[b] = NONE;
                tailChunk[b] = NONE;
                if (b == 0) {
                    head0 = 0;
                } else {
                    nonEmpty &= ~(1L << (b - 1));
                }
            } else {
                chunkNext[writeChunk] = NONE;
                tailChunk[b] = writeChunk;
                tailFill[b] = write;
            }
        }
    }

    private int takeChunk() {
        if (freeChunkCount > 0) {
            return freeChunks[--freeChunkCount];
        }
        if (chunksUsed == chunkNext.length) {
            int chunks = chunkNext.length << 1;
            entryTime = Arrays.copyOf(entryTime, chunks << CHUNK_SHIFT);
            entrySlot = Arrays.copyOf(entrySlot, chunks << CHUNK_SHIFT);
            chunkNext = Arrays.copyOf(chunkNext, chunks);
            freeChunks = Arrays.copyOf(freeChunks, chunks);
        }
        return chunksUsed++;
    }

    private void freeChunk(int chunk) {
        freeChunks[freeChunkCount++] = chunk;
    }

    private int newSlot() {
        if (slotsUsed == freeSlots.length) {
            int capacity = freeSlots.length << 1;
            slotData = Arrays.copyOf(slotData, capacity << SLOT_SHIFT);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotsUsed++;
    }
}
