package org.silkrail.model;

import java.util.Arrays;

/**
 * The trains of one replication as parallel primitive arrays indexed by {@code trainIdx}.
 *
 * <p>A delivered train's index is recycled (a free stack), so the table grows to the largest
 * number of trains in the system at once and then stops allocating. Growth doubles every array;
 * callers must therefore read the arrays through this object, never keep a reference to one.
 *
 * <p>Invariant: {@code live} counts indices handed out by {@link #create} and not yet released.
 * Not thread-safe; one table belongs to one replication.
 */
final class Trains {
    static final int NONE = -1;

    int[] flow;
    int[] route;
    /** Position on the route: at node {@code routeNodes[leg]}, or on {@code routeLinks[leg]}. */
    int[] leg;
    /** Loaded TEU; {@code emptyTeu} the empty containers besides them (slots = both). */
    int[] teu;
    int[] emptyTeu;
    int[] wagons;
    /** Generation time, seconds. */
    long[] bornAt;
    /** When the current wait began (link request, port arrival), seconds. */
    long[] since;
    /** Single track: the train's neighbours in its link's waiting list ({@code RailLines}). */
    int[] next;
    int[] prev;
    /** Single track: section being run, or the loop waited in (-1 at the line's entry). */
    int[] place;
    /** Single track: order of the train's current request among the link's requests. */
    long[] ticket;
    /** Ferry: wagons still to board, and wagons already across. */
    int[] wagonsToBoard;
    int[] wagonsAcross;

    private int[] free;
    private int freeCount;
    private int used;
    int live;

    Trains(int capacity) {
        allocate(Math.max(16, capacity));
    }

    private void allocate(int capacity) {
        flow = new int[capacity];
        route = new int[capacity];
        leg = new int[capacity];
        teu = new int[capacity];
        emptyTeu = new int[capacity];
        wagons = new int[capacity];
        bornAt = new long[capacity];
        since = new long[capacity];
        next = new int[capacity];
        prev = new int[capacity];
        place = new int[capacity];
        ticket = new long[capacity];
        wagonsToBoard = new int[capacity];
        wagonsAcross = new int[capacity];
        free = new int[capacity];
    }

    /** A fresh train index; all its fields are to be set by the caller. */
    int create() {
        live++;
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == flow.length) {
            grow();
        }
        return used++;
    }

    void release(int train) {
        live--;
        free[freeCount++] = train;
    }

    private void grow() {
        int capacity = flow.length << 1;
        flow = Arrays.copyOf(flow, capacity);
        route = Arrays.copyOf(route, capacity);
        leg = Arrays.copyOf(leg, capacity);
        teu = Arrays.copyOf(teu, capacity);
        emptyTeu = Arrays.copyOf(emptyTeu, capacity);
        wagons = Arrays.copyOf(wagons, capacity);
        bornAt = Arrays.copyOf(bornAt, capacity);
        since = Arrays.copyOf(since, capacity);
        next = Arrays.copyOf(next, capacity);
        prev = Arrays.copyOf(prev, capacity);
        place = Arrays.copyOf(place, capacity);
        ticket = Arrays.copyOf(ticket, capacity);
        wagonsToBoard = Arrays.copyOf(wagonsToBoard, capacity);
        wagonsAcross = Arrays.copyOf(wagonsAcross, capacity);
        free = Arrays.copyOf(free, capacity);
    }

    /** Indices ever handed out; the table's high-water mark. */
    int used() {
        return used;
    }
}
