package org.silkrail.model;

import java.util.List;

/**
 * Where a train's time goes: the int code of every part of a transit — running, processing, and
 * each cause of waiting — in one place, so that each wait carries one code and every output
 * ({@code flows.ID.time_breakdown_hours}) lists the same causes in the same order.
 *
 * <p>A new cause (a new model feature that makes trains wait) adds a constant before
 * {@link #COUNT}, its name to {@link #NAMES} at the same index, and sets it as the state of the
 * place where trains wait for it ({@link Delays#state}) or reports it directly
 * ({@link Delays#add}). Codes are array indices: keep them dense and below {@link #COUNT}.
 */
public final class Causes {
    private Causes() {
    }

    /** Moving on a rail line, or sailing on a ferry (from the sailing of the last wagon). */
    public static final int RUNNING = 0;
    /** In service at a node (handling, customs, gauge change). */
    public static final int PROCESSING = 1;
    /** Waiting at a node for a server while all are busy, or for room in its container yard. */
    public static final int SERVER_QUEUE = 2;
    /** Waiting at a node with a free server while the day's exchange quota is used up. */
    public static final int QUOTA = 3;
    /** Waiting to enter a rail line for its headway (capacity per day and direction). */
    public static final int HEADWAY = 4;
    /**
     * Waiting on single track for a section or crossing loop held by another train (mostly an
     * opposing train to cross; also one ahead in the same direction).
     */
    public static final int OPPOSING_TRAIN = 5;
    /** Waiting at a node or link while a closure cuts its capacity. */
    public static final int CLOSURE = 6;
    /** Waiting at a ferry port while a storm holds the sailings. */
    public static final int STORM = 7;
    /** Waiting at a ferry port for a vessel and for its load (departure rule). */
    public static final int FERRY_LOAD = 8;
    /** Waiting for a wagon set or locomotive of a fleet where the train takes them (Fleets). */
    public static final int ROLLING_STOCK = 9;
    /**
     * Waiting while the next place refuses trains: held at the origin by an acceptance ban, or
     * waiting for a place in the yard ahead ({@link Acceptance}).
     */
    public static final int ACCEPTANCE_BAN = 10;
    /**
     * Aboard a vessel at anchorage, waiting for a berth at a port with {@code berths} (to load
     * or to unload); only in scenarios with berths ({@link Delays#breakdownHours} leaves it out
     * of the others' outputs).
     */
    public static final int BERTH = 11;
    /** Number of codes; array sizes. */
    public static final int COUNT = 12;

    /** Output names ({@code time_breakdown_hours} keys), indexed by code. */
    public static final List<String> NAMES = List.of("running", "processing", "server_queue",
            "quota", "headway", "opposing_train", "closure", "storm", "ferry_load",
            "rolling_stock", "acceptance_ban", "berth");

    /** Whether the code is a wait (anything but running and processing). */
    public static boolean isWait(int cause) {
        return cause != RUNNING && cause != PROCESSING;
    }
}
