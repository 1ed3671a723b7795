package org.silkrail.model;

import java.util.Arrays;

/**
 * The wait state (a {@link Causes} code) of every place where trains wait — a station, or a
 * link — over simulated time, so that a wait over {@code [from, to]} can be split into the
 * seconds the place spent in each state during it.
 *
 * <p>A place is in its first state from time 0. Each change is logged with the place's clocks
 * at that instant (seconds spent in each state since 0, one clock slot per state the place has
 * been in, in order of first appearance); the clocks at any earlier instant follow from the
 * last change at or before it. So a wait pays nothing when it begins, and when it ends only
 * compares its start with the place's last change ({@link #unchangedSince}): states change a
 * few hundred times in a baseline year against about half a million waits. Only a wait that a
 * change interrupted reads the log ({@link #split}), in O(log changes + slots).
 *
 * <p>Invariant: at every instant the clocks of a place add up to that instant. Changes are
 * logged in time order; the log grows by doubling (no allocation per event once it has reached
 * its size). Not thread-safe; one per replication.
 */
final class PlaceStates {
    private static final int C = Causes.COUNT;
    /** A log entry: when the change happened (s), the slot after it, then one clock per slot. */
    private static final int AT = 0;
    private static final int SLOT = 1;
    private static final int CLOCKS = 2;
    private static final int ENTRY = CLOCKS + C;

    /** Per place × 2: when its current state began (s), and that state (a cause). */
    private final long[] current;
    /** Per place × {@link Causes#COUNT}: the cause each clock slot counts. */
    private final int[] slotCause;
    /** Per place: clock slots in use. */
    private final int[] used;
    /** Per place: its change log, entries of {@link #ENTRY} longs; entry 0 is time 0. */
    private final long[][] log;
    private final int[] entries;

    /** Places {@code [0, firstStates.length)}, each in its first state from time 0. */
    PlaceStates(int[] firstStates) {
        int places = firstStates.length;
        current = new long[places * 2];
        slotCause = new int[places * C];
        used = new int[places];
        log = new long[places][];
        entries = new int[places];
        for (int p = 0; p < places; p++) {
            current[p * 2 + 1] = firstStates[p];
            slotCause[p * C] = firstStates[p];
            used[p] = 1;
            log[p] = new long[2 * ENTRY];
            entries[p] = 1; // entry 0: time 0, slot 0, every clock 0
        }
    }

    /** Place {@code p}'s current state. */
    int state(int p) {
        return (int) current[p * 2 + 1];
    }

    /** Whether place {@code p} has been in its current state all along since {@code from}. */
    boolean unchangedSince(int p, long from) {
        return current[p * 2] <= from;
    }

    /** Place {@code p} is in state {@code cause} from {@code now} on (a no-op if it was). */
    void set(int p, int cause, long now) {
        if (current[p * 2 + 1] != cause) {
            change(p, cause, now);
        }
    }

    /** The change itself, apart so that {@link #set}'s no-op check stays small. */
    private void change(int p, int cause, long now) {
        int slot = 0;
        while (slot < used[p] && slotCause[p * C + slot] != cause) {
            slot++;
        }
        if (slot == used[p]) {
            slotCause[p * C + slot] = cause;
            used[p]++;
        }
        long[] entriesOf = log[p];
        int last = (entries[p] - 1) * ENTRY;
        if ((entries[p] + 1) * ENTRY > entriesOf.length) {
            entriesOf = Arrays.copyOf(entriesOf, entriesOf.length * 2);
            log[p] = entriesOf;
        }
        int next = last + ENTRY;
        System.arraycopy(entriesOf, last + CLOCKS, entriesOf, next + CLOCKS, C);
        entriesOf[next + CLOCKS + (int) entriesOf[last + SLOT]] += now - entriesOf[last + AT];
        entriesOf[next + AT] = now;
        entriesOf[next + SLOT] = slot;
        entries[p]++;
        current[p * 2] = now;
        current[p * 2 + 1] = cause;
    }

    /**
     * Adds to {@code into[offset + cause × causeStride]}, for each cause place {@code p} was in during
     * {@code [from, to]}, the seconds it spent in it ({@code from <= to}, {@code to} not before
     * the place's last change). The parts add up to {@code to - from}. Returns the part that
     * went to {@link Causes#HEADWAY}.
     */
    long split(int p, long from, long to, long[] into, int offset, int causeStride) {
        long[] entriesOf = log[p];
        int end = (entries[p] - 1) * ENTRY;
        int start = lastAtOrBefore(entriesOf, entries[p], from) * ENTRY;
        int endSlot = (int) entriesOf[end + SLOT];
        int startSlot = (int) entriesOf[start + SLOT];
        long headway = 0;
        for (int i = 0; i < used[p]; i++) {
            long clockTo = entriesOf[end + CLOCKS + i] + (i == endSlot ? to - entriesOf[end + AT] : 0);
            long clockFrom = entriesOf[start + CLOCKS + i]
                    + (i == startSlot ? from - entriesOf[start + AT] : 0);
            int cause = slotCause[p * C + i];
            into[offset + cause * causeStride] += clockTo - clockFrom;
            if (cause == Causes.HEADWAY) {
                headway = clockTo - clockFrom;
            }
        }
        return headway;
    }

    /** The last of the first {@code count} entries logged at or before {@code time}. */
    private static int lastAtOrBefore(long[] entriesOf, int count, long time) {
        int lo = 0; // entry 0 is at time 0 <= time
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (entriesOf[mid * ENTRY + AT] <= time) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
