package org.silkrail.engine;

import java.util.Arrays;

/**
 * The future event list: a priority queue of int-coded events keyed by simulated time in whole
 * seconds.
 *
 * <p><b>Ordering rule.</b> Events leave in ascending (time, insertion sequence) order: of two
 * events at the same second, the one scheduled first fires first. The order is total and never
 * depends on the calendar's layout, the platform or the thread that built the run.
 *
 * <p><b>Monotone.</b> An event may not be scheduled before the time of the last event popped
 * (the clock of a simulation never goes back; {@link Simulation} checks it against its clock,
 * and this class fails fast with {@link IllegalArgumentException}). {@link #clear()} lifts the
 * bound.
 *
 * <p><b>Cost.</b> A radix heap with 64-ary digits (a radix heap after Ahuja, Mehlhorn, Orlin and
 * Tarjan, "Faster algorithms for the shortest path problem", J. ACM 37(2), 1990, whose buckets
 * are indexed by a 6-bit digit instead of a bit, as in a hierarchical timing wheel). The 64-bit
 * time is read as 11 digits of 6 bits. An event's <i>level</i> is the index of the highest digit
 * in which its time differs from the last popped time (0 when equal), and its bucket is that
 * digit's value within its level: 11 × 64 buckets. Every event of a level-ℓ bucket shares the
 * digits above ℓ with the last time and has a larger digit ℓ, so the buckets in (level, digit)
 * order hold ascending, disjoint ranges of time, and a level-0 bucket holds exactly one second.
 * One {@code long} mask per level marks its non-empty digits, one mask its non-empty levels.
 * A pop takes the head of the lowest non-empty level-0 bucket (two bit scans); when level 0 is
 * empty the lowest digit of the lowest non-empty level is found with two bit scans, its minimum
 * becomes the last time and its events are dealt to lower levels, all empty at that moment
 * (every other bucket keeps its level and digit under the new last time). An event therefore
 * moves at most 10 times, in practice once per digit of its distance from the clock (two or
 * three times at a mean distance of 10⁶ s, against about ten in a binary radix heap), always by
 * a sequential pass over two primitive arrays: schedule is O(1), pop amortised O(log₆₄ of the
 * time span), and neither compares (time, sequence) pairs. FIFO among events at the same second
 * needs no sequence field: each bucket is kept in insertion order, because events are only
 * appended to a bucket, all events of one second share a bucket, and a bucket receiving dealt
 * events held none of their second beforehand and receives them in its source bucket's order.
 * Cancel is O(1) and lazy: a cancelled event stays in its bucket as a tombstone and is dropped
 * when its bucket is dealt or popped; when tombstones outnumber live events they are purged in
 * O(n).
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
 * table have reached their peak, no call allocates. A radix heap entry is (time, slot, kind and
 * payload): it carries the event, so a pop reads it from the entry it takes (sequential memory)
 * and touches the slot table only to advance the slot's generation. The sorted array's entries
 * are (time, slot) only, and an event there keeps its kind and payload in the slot table
 * ({@code slotEvent}): with a few events the slot table is in cache anyway, and shifting a third
 * array on every insert cost M/M/1 about a sixth of its throughput (see BENCHMARKS.md).
 *
 * <p><b>Handles.</b> {@link #schedule} returns a handle that packs the event's slot and the
 * slot's generation; {@link #cancel} of a handle whose event already fired or was cancelled
 * returns {@code false} and changes nothing. A slot's generation advances on every schedule and
 * every removal (odd while the event is pending), so a stale handle cannot cancel a newer event.
 * A handle is never negative, so a caller may keep -1 for "no event".
 *
 * <p><b>Threading.</b> Not thread-safe; one calendar belongs to one simulation run.
 */
public final class EventCalendar {
    /** Bits per digit: 64 buckets per level. */
    private static final int DIGIT_BITS = 6;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    /** Digits of a 64-bit time: ceil(64 / 6). */
    private static final int LEVELS = 11;
    private static final int BUCKETS = LEVELS << DIGIT_BITS;
    /** Bucket record in {@code bucketData}: head chunk, tail chunk, tail fill, entries taken. */
    private static final int BUCKET_SHIFT = 2;
    private static final int HEAD = 0;
    private static final int TAIL = 1;
    /** Entries in the tail chunk; CHUNK when the bucket is empty, so one test finds both cases. */
    private static final int FILL = 2;
    /** Entries of the head chunk already popped (level 0 only; else 0). */
    private static final int TAKEN = 3;
    private static final int CHUNK_SHIFT = 5;
    /** Entries per chunk: 256 bytes of times, four cache lines. */
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int NONE = -1;
    private static final int PURGE_MIN_TOMBSTONES = 1024;
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
    /**
     * Kind (high 32 bits) and payload (low 32 bits) of each entry, carried with the entry so
     * that a pop reads them where it reads the time, not from the slot table: at 10^5 pending
     * the slot table is out of cache, and reading it was 40 % of a pop's samples (JFR).
     */
    private long[] entryEvent;
    private int[] chunkNext;
    private int[] freeChunks;
    private int freeChunkCount;
    private int chunksUsed;

    /** Per bucket (level * 64 + digit): HEAD, TAIL, FILL, TAKEN; chains of chunks, NONE when empty. */
    private final int[] bucketData = new int[BUCKETS << BUCKET_SHIFT];
    /**
     * Earliest time among the entries of each bucket, tombstones included, Long.MAX_VALUE when
     * empty; the earliest pending time of a bucket when no event is cancelled, so dealing needs
     * no pass over the bucket to find it.
     */
    private final long[] bucketMin = new long[BUCKETS];
    /** Per level, bit d set when bucket (level, d) is not empty. */
    private final long[] digitMask = new long[LEVELS];
    /** Bit ℓ set when level ℓ has a non-empty bucket. */
    private int levelMask;
    /** The last popped time: every pending event is at or after it. */
    private long last = Long.MIN_VALUE;
    /** Buckets above level 0 dealt so far (read by tests). */
    private long deals;
    /** Bit ℓ set once level ℓ has held an event (read by tests). */
    private int levelsUsed;

    /** Per slot: its generation, odd while its event is pending. */
    private int[] slotGeneration;
    /** Per slot: kind (high 32 bits) and payload of its event while it is in the sorted array. */
    private long[] slotEvent;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;
    private int live;
    private int tombstones;

    // the event most recently removed by pop()
    private long poppedTime;
    private int poppedKind;
    private int poppedPayload;

    public EventCalendar() {
        this(1024);
    }

    /** @param initialCapacity pending events held before the first growth */
    public EventCalendar(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        slotGeneration = new int[capacity];
        slotEvent = new long[capacity];
        freeSlots = new int[capacity];
        int chunks = (capacity >> CHUNK_SHIFT) + 64;
        entryTime = new long[chunks << CHUNK_SHIFT];
        entrySlot = new int[chunks << CHUNK_SHIFT];
        entryEvent = new long[chunks << CHUNK_SHIFT];
        chunkNext = new int[chunks];
        freeChunks = new int[chunks];
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            resetBucket(bucket);
        }
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
        while (true) {
            long level0 = digitMask[0];
            if (level0 != 0) {
                int digit = Long.numberOfTrailingZeros(level0);
                if (tombstones > 0 && !dropDeadHead(digit)) {
                    continue;
                }
                return (last & ~(long) DIGIT_MASK) | digit;
            }
            int bucket = lowestBucket();
            if (tombstones == 0) {
                return bucketMin[bucket];
            }
            long min = liveMin(bucket);
            if (min != Long.MAX_VALUE) {
                return min;
            }
            releaseBucket(bucket);
        }
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
        int generation = ++slotGeneration[slot] & GENERATION_MASK;
        long event = ((long) kind << 32) | (payload & 0xFFFF_FFFFL);
        if (small && (smallTail - smallHead < SMALL_MAX || makeSmallRoom())) {
            slotEvent[slot] = event;
            insertSmall(time, slot);
        } else {
            append(bucketOf(time, last), time, slot, event);
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
        long event;
        if (small) {
            int head = dropDeadSmallHead();
            long time = smallTime[head];
            if (time > until) {
                return false;
            }
            slot = smallSlot[head];
            event = slotEvent[slot];
            last = time;
            if (++head == smallTail) {
                smallTail = 0;
                head = 0;
            }
            smallHead = head;
        } else {
            int entry = radixPop(until);
            if (entry == NONE) {
                return false;
            }
            slot = entrySlot[entry];
            event = entryEvent[entry];
        }
        poppedTime = last;
        poppedKind = (int) (event >>> 32);
        poppedPayload = (int) event;
        slotGeneration[slot]++;
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
     * @return its entry index (its chunk is already free, but nothing overwrites it before the
     *     caller has read it), or NONE (nothing changed but dropped tombstones)
     */
    private int radixPop(long until) {
        while (true) {
            long level0 = digitMask[0];
            if (level0 != 0) {
                int digit = Long.numberOfTrailingZeros(level0);
                if (tombstones > 0 && !dropDeadHead(digit)) {
                    continue;
                }
                long time = (last & ~(long) DIGIT_MASK) | digit;
                if (time > until) {
                    return NONE;
                }
                last = time;
                return takeHead(digit);
            }
            int bucket = lowestBucket();
            long min;
            if (tombstones == 0) {
                min = bucketMin[bucket];
            } else {
                min = liveMin(bucket);
                if (min == Long.MAX_VALUE) {
                    releaseBucket(bucket);
                    continue;
                }
            }
            if (min > until) {
                return NONE;
            }
            int b = bucket << BUCKET_SHIFT;
            int chunk = bucketData[b + HEAD];
            if (chunk == bucketData[b + TAIL] && bucketData[b + FILL] == 1) {
                // a bucket of one live event: pop it in place
                freeChunk(chunk);
                emptyBucket(bucket);
                last = min;
                return chunk << CHUNK_SHIFT;
            }
            deal(bucket, min);
        }
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
                || (slotGeneration[slot] & GENERATION_MASK) != generation
                || (generation & 1) == 0) {
            return false;
        }
        // the entry stays in its bucket as a tombstone; its slot is freed when it leaves
        slotGeneration[slot]++;
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
        while (levelMask != 0) {
            int bucket = lowestBucket();
            int b = bucket << BUCKET_SHIFT;
            int tail = bucketData[b + TAIL];
            int from = bucketData[b + TAKEN];
            for (int c = bucketData[b + HEAD]; ; ) {
                int to = c == tail ? bucketData[b + FILL] : CHUNK;
                for (int i = from; i < to; i++) {
                    releaseCleared(entrySlot[(c << CHUNK_SHIFT) + i]);
                }
                int next = chunkNext[c];
                freeChunk(c);
                if (c == tail) {
                    break;
                }
                c = next;
                from = 0;
            }
            emptyBucket(bucket);
        }
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
        if ((slotGeneration[slot] & 1) != 0) {
            slotGeneration[slot]++;
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

    /** Deals done so far: how often a bucket above level 0 was spread to lower levels (for tests). */
    long deals() {
        return deals;
    }

    /** Levels that have held an event since construction, as a mask (for tests). */
    int levelsUsed() {
        return levelsUsed;
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
            append(bucketOf(time, last), time, smallSlot[i], slotEvent[smallSlot[i]]);
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
        while (levelMask != 0) {
            int bucket = lowestBucket();
            int b = bucket << BUCKET_SHIFT;
            int tail = bucketData[b + TAIL];
            int from = bucketData[b + TAKEN];
            for (int c = bucketData[b + HEAD]; ; ) {
                int base = c << CHUNK_SHIFT;
                int to = c == tail ? bucketData[b + FILL] : CHUNK;
                for (int i = from; i < to; i++) {
                    int slot = entrySlot[base + i];
                    if (isLive(slot)) {
                        slotEvent[slot] = entryEvent[base + i];
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
            emptyBucket(bucket);
        }
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

    /**
     * The bucket of an event at {@code time} when the last popped time is {@code base}: level =
     * index of the highest 6-bit digit in which they differ (0 when equal), digit = the time's
     * digit at that level. The sign bit is flipped for the digit so that the top level's digits
     * order negative times before positive ones (only level 10 holds bit 63).
     */
    private static int bucketOf(long time, long base) {
        int highestBit = 63 - Long.numberOfLeadingZeros((time ^ base) | 1);
        // highestBit / 6 for 0..63 (checked by EventCalendarTest)
        int level = (highestBit * 43) >>> 8;
        int digit = (int) ((time ^ Long.MIN_VALUE) >>> (level * DIGIT_BITS)) & DIGIT_MASK;
        return (level << DIGIT_BITS) | digit;
    }

    /** Visible for the test that pins {@code bucketOf}'s division by 6. */
    static int levelOfHighestBit(int highestBit) {
        return (highestBit * 43) >>> 8;
    }

    /** The lowest non-empty bucket; some bucket must be non-empty. */
    private int lowestBucket() {
        int level = Integer.numberOfTrailingZeros(levelMask);
        return (level << DIGIT_BITS) | Long.numberOfTrailingZeros(digitMask[level]);
    }

    private void resetBucket(int bucket) {
        int b = bucket << BUCKET_SHIFT;
        bucketData[b + HEAD] = NONE;
        bucketData[b + TAIL] = NONE;
        bucketData[b + FILL] = CHUNK;
        bucketData[b + TAKEN] = 0;
        bucketMin[bucket] = Long.MAX_VALUE;
    }

    /** Marks the bucket empty; its chunks must have been freed. */
    private void emptyBucket(int bucket) {
        resetBucket(bucket);
        int level = bucket >>> DIGIT_BITS;
        long digits = digitMask[level] & ~(1L << bucket);
        digitMask[level] = digits;
        if (digits == 0) {
            levelMask &= ~(1 << level);
        }
    }

    private boolean isLive(int slot) {
        return (slotGeneration[slot] & 1) != 0;
    }

    private void append(int bucket, long time, int slot, long event) {
        int b = bucket << BUCKET_SHIFT;
        int[] data = bucketData;
        int tail = data[b + TAIL];
        int fill = data[b + FILL];
        if (fill == CHUNK) {
            tail = addChunk(bucket, tail);
            fill = 0;
        }
        int entry = (tail << CHUNK_SHIFT) + fill;
        entryTime[entry] = time;
        entrySlot[entry] = slot;
        entryEvent[entry] = event;
        data[b + FILL] = fill + 1;
        if (time < bucketMin[bucket]) {
            bucketMin[bucket] = time;
        }
    }

    /** Links a fresh chunk at the bucket's tail (NONE: the bucket is empty) and returns it. */
    private int addChunk(int bucket, int tail) {
        int chunk = takeChunk();
        chunkNext[chunk] = NONE;
        int b = bucket << BUCKET_SHIFT;
        if (tail == NONE) {
            bucketData[b + HEAD] = chunk;
            int level = bucket >>> DIGIT_BITS;
            digitMask[level] |= 1L << bucket;
            levelMask |= 1 << level;
            levelsUsed |= 1 << level;
        } else {
            chunkNext[tail] = chunk;
        }
        bucketData[b + TAIL] = chunk;
        return chunk;
    }

    /**
     * Removes the entry at the head of level-0 bucket {@code digit}, which must not be empty,
     * and returns its index (valid until the next chunk is taken).
     */
    private int takeHead(int digit) {
        int b = digit << BUCKET_SHIFT;
        int[] data = bucketData;
        int chunk = data[b + HEAD];
        int taken = data[b + TAKEN];
        int entry = (chunk << CHUNK_SHIFT) + taken++;
        if (chunk == data[b + TAIL]) {
            if (taken == data[b + FILL]) {
                freeChunk(chunk);
                emptyBucket(digit);
                return entry;
            }
        } else if (taken == CHUNK) {
            data[b + HEAD] = chunkNext[chunk];
            freeChunk(chunk);
            taken = 0;
        }
        data[b + TAKEN] = taken;
        return entry;
    }

    /** Drops tombstones from the head of level-0 bucket {@code digit}; true if a live event is left there. */
    private boolean dropDeadHead(int digit) {
        int b = digit << BUCKET_SHIFT;
        while (bucketData[b + HEAD] != NONE
                && !isLive(entrySlot[(bucketData[b + HEAD] << CHUNK_SHIFT) + bucketData[b + TAKEN]])) {
            releaseTombstone(entrySlot[takeHead(digit)]);
        }
        return bucketData[b + HEAD] != NONE;
    }

    /**
     * The earliest live time in a bucket above level 0, Long.MAX_VALUE if it holds only
     * tombstones: a pass over the bucket, for when events are cancelled (else {@code bucketMin}
     * has it).
     */
    private long liveMin(int bucket) {
        int b = bucket << BUCKET_SHIFT;
        int tail = bucketData[b + TAIL];
        long min = Long.MAX_VALUE;
        for (int c = bucketData[b + HEAD]; ; c = chunkNext[c]) {
            int from = c << CHUNK_SHIFT;
            int to = from + (c == tail ? bucketData[b + FILL] : CHUNK);
            for (int i = from; i < to; i++) {
                if (isLive(entrySlot[i])) {
                    min = Math.min(min, entryTime[i]);
                }
            }
            if (c == tail) {
                return min;
            }
        }
    }

    /** Empties a bucket above level 0 that holds only tombstones. */
    private void releaseBucket(int bucket) {
        int b = bucket << BUCKET_SHIFT;
        int tail = bucketData[b + TAIL];
        for (int c = bucketData[b + HEAD]; ; ) {
            int from = c << CHUNK_SHIFT;
            int to = from + (c == tail ? bucketData[b + FILL] : CHUNK);
            for (int i = from; i < to; i++) {
                releaseTombstone(entrySlot[i]);
            }
            int next = chunkNext[c];
            freeChunk(c);
            if (c == tail) {
                break;
            }
            c = next;
        }
        emptyBucket(bucket);
    }

    /**
     * Makes {@code min}, the earliest live time in {@code bucket} (above level 0, the lowest
     * non-empty bucket), the last time and deals the bucket's events to the lower levels, all
     * empty now, in the bucket's order; tombstones are dropped. Each chunk returns to the pool
     * once read, so the lower buckets reuse it.
     */
    private void deal(int bucket, long min) {
        int b = bucket << BUCKET_SHIFT;
        int chunk = bucketData[b + HEAD];
        int tail = bucketData[b + TAIL];
        int tailEnd = bucketData[b + FILL];
        emptyBucket(bucket);
        last = min;
        deals++;
        boolean checkLive = tombstones > 0;
        long[] times = entryTime;
        int[] slots = entrySlot;
        long[] events = entryEvent;
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
                append(bucketOf(time, min), time, slot, events[i]);
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
        for (int levels = levelMask; levels != 0; levels &= levels - 1) {
            int level = Integer.numberOfTrailingZeros(levels);
            for (long digits = digitMask[level]; digits != 0; digits &= digits - 1) {
                purgeBucket((level << DIGIT_BITS) | Long.numberOfTrailingZeros(digits));
            }
        }
    }

    /** Compacts one non-empty bucket's live entries to the front of its chain. */
    private void purgeBucket(int bucket) {
        int b = bucket << BUCKET_SHIFT;
        int readChunk = bucketData[b + HEAD];
        int tail = bucketData[b + TAIL];
        int tailEnd = bucketData[b + FILL];
        int writeChunk = readChunk;
        int write = 0;
        int read = bucketData[b + TAKEN];
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
                entryEvent[to] = entryEvent[from];
                min = Math.min(min, time);
            }
            if (readChunk == tail) {
                break;
            }
            readChunk = chunkNext[readChunk];
            read = 0;
        }
        // chunks after the write chunk are empty now
        if (writeChunk != tail) {
            for (int c = chunkNext[writeChunk]; ; ) {
                int next = chunkNext[c];
                freeChunk(c);
                if (c == tail) {
                    break;
                }
                c = next;
            }
        }
        if (write == 0) {
            // no live entry: the write chunk is still the head chunk
            freeChunk(writeChunk);
            emptyBucket(bucket);
            return;
        }
        chunkNext[writeChunk] = NONE;
        bucketData[b + TAIL] = writeChunk;
        bucketData[b + FILL] = write;
        bucketData[b + TAKEN] = 0;
        bucketMin[bucket] = min;
    }

    private int takeChunk() {
        if (freeChunkCount > 0) {
            return freeChunks[--freeChunkCount];
        }
        if (chunksUsed == chunkNext.length) {
            int chunks = chunkNext.length << 1;
            entryTime = Arrays.copyOf(entryTime, chunks << CHUNK_SHIFT);
            entrySlot = Arrays.copyOf(entrySlot, chunks << CHUNK_SHIFT);
            entryEvent = Arrays.copyOf(entryEvent, chunks << CHUNK_SHIFT);
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
            slotGeneration = Arrays.copyOf(slotGeneration, capacity);
            slotEvent = Arrays.copyOf(slotEvent, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotsUsed++;
    }
}
