package org.silkrail.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.engine.SimTime;

/**
 * Node statistics per calendar month, for the nodes where trains queue: arrivals, waits,
 * processing times, queue length (time-average and maximum), busy servers, quota holds and TEU
 * handled — what {@code nodes.ID.monthly.MON} reports so that a planner sees the peak month.
 *
 * <p>Months are those of the model's 365-day calendar ({@link MonthlyProfile}) with simulated
 * time 0 on the scenario's {@code start:} date; a run longer than a year pools the same
 * calendar month of every year. Only the measured window counts (from the warm-up on), with the
 * same cut-off rules as the yearly statistics, so that the months add up to the year: counts
 * sum, time-averages are the months' values weighted by their measured time, means of waits are
 * weighted by the trains that started processing, and the yearly maximum is the largest month's.
 * A month with no measured time is left out.
 *
 * <p>Cost: each hook is O(1) — one comparison with the current month's end, a few array
 * updates; crossing a month end closes every tracked node's levels once (O(nodes) per month).
 * Arrays are indexed {@code node * 12 + month}. No allocation per event.
 */
final class MonthlyNodes {
    /** Result keys of the months, January first. */
    static final String[] MONTH_KEYS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
        "sep", "oct", "nov", "dec"};
    private static final int MONTHS = 12;

    private final int nodeCount;
    private final boolean[] tracked;
    private final long warmup;
    private final long calendarStart;

    /** The calendar month of the clock and the simulated second it ends at. */
    private int month;
    private long monthEnd;
    /** The last time the month bookkeeping reached; measured seconds per month. */
    private long clock;
    private final long[] measuredSeconds = new long[MONTHS];

    /** Per node: trains waiting, trains in processing, and when either last changed. */
    private final double[] queueLevel;
    private final double[] busyLevel;
    private final long[] lastChange;

    private final double[] queueArea;
    private final double[] busyArea;
    private final double[] queueMax;
    private final long[] arrivals;
    private final long[] starts;
    private final double[] waitSeconds;
    private final double[] processSeconds;
    private final long[] quotaHits;
    private final double[] teu;

    MonthlyNodes(Plan plan) {
        nodeCount = plan.nodeCount;
        tracked = new boolean[nodeCount];
        for (int n = 0; n < nodeCount; n++) {
            tracked[n] = plan.hasStation(n);
        }
        warmup = plan.warmupSeconds;
        calendarStart = plan.calendarStartSeconds;
        month = MonthlyProfile.monthAt(0, calendarStart);
        monthEnd = MonthlyProfile.monthEndAfter(0, calendarStart);
        queueLevel = new double[nodeCount];
        busyLevel = new double[nodeCount];
        lastChange = new long[nodeCount];
        int cells = nodeCount * MONTHS;
        queueArea = new double[cells];
        busyArea = new double[cells];
        queueMax = new double[cells];
        arrivals = new long[cells];
        starts = new long[cells];
        waitSeconds = new double[cells];
        processSeconds = new double[cells];
        quotaHits = new long[cells];
        teu = new double[cells];
    }

    /** A train reached node {@code n} (queued there or passing on). */
    void arrived(int n, long now) {
        advance(now);
        if (now >= warmup && tracked[n]) {
            arrivals[n * MONTHS + month]++;
        }
    }

    /** A train joined node {@code n}'s queue. */
    void queued(int n, long now) {
        advance(now);
        if (now >= warmup) {
            arrivals[n * MONTHS + month]++;
        }
        level(n, now, 1, 0);
    }

    /** A train left node {@code n}'s queue after {@code waited}, to be processed {@code seconds}. */
    void processStarted(int n, long waited, long seconds, long now) {
        advance(now);
        if (now >= warmup) {
            int k = n * MONTHS + month;
            starts[k]++;
            waitSeconds[k] += waited;
            processSeconds[k] += seconds;
        }
        level(n, now, -1, 1);
    }

    /** A train of {@code trainTeu} (loaded and empty) finished processing at node {@code n}. */
    void processEnded(int n, double trainTeu, long now) {
        advance(now);
        if (now >= warmup) {
            teu[n * MONTHS + month] += trainTeu;
        }
        level(n, now, 0, -1);
    }

    /** A queued train at node {@code n} was held back by the day's quota for the first time. */
    void quotaHeld(int n, long now) {
        advance(now);
        if (now >= warmup) {
            quotaHits[n * MONTHS + month]++;
        }
    }

    /** Changes node {@code n}'s queue and busy levels at {@code now}, integrating up to it. */
    private void level(int n, long now, double queueDelta, double busyDelta) {
        integrate(n, now);
        queueLevel[n] += queueDelta;
        busyLevel[n] += busyDelta;
        if (now >= warmup) {
            int k = n * MONTHS + month;
            queueMax[k] = Math.max(queueMax[k], queueLevel[n]);
        }
    }

    /**
     * Adds node {@code n}'s levels from its last change to {@code to} (within the current month)
     * to the month's areas; the level at the warm-up's end counts for the month's maximum, as
     * it does for the yearly one.
     */
    private void integrate(int n, long to) {
        long from = Math.max(lastChange[n], warmup);
        int k = n * MONTHS + month;
        if (lastChange[n] < warmup && to >= warmup) {
            queueMax[k] = Math.max(queueMax[k], queueLevel[n]);
        }
        if (to > from) {
            queueArea[k] += queueLevel[n] * (to - from);
            busyArea[k] += busyLevel[n] * (to - from);
        }
        lastChange[n] = to;
    }

    /** Moves the month bookkeeping to {@code now}, closing every month that ended before it. */
    private void advance(long now) {
        while (now >= monthEnd) {
            closeClock(monthEnd);
            for (int n = 0; n < nodeCount; n++) {
                if (tracked[n]) {
                    integrate(n, monthEnd);
                }
            }
            month = (month + 1) % MONTHS;
            long start = monthEnd;
            monthEnd = start + MonthlyProfile.monthDays(month) * SimTime.DAY;
            if (start >= warmup) {
                // the level a node carries into the month is part of the month
                for (int n = 0; n < nodeCount; n++) {
                    int k = n * MONTHS + month;
                    queueMax[k] = Math.max(queueMax[k], queueLevel[n]);
                }
            }
        }
    }

    private void closeClock(long to) {
        long from = Math.max(clock, warmup);
        if (to > from) {
            measuredSeconds[month] += to - from;
        }
        clock = to;
    }

    /** Closes the months at the end of the run; call once, before {@link #result}. */
    void close(long end) {
        advance(end);
        closeClock(end);
        for (int n = 0; n < nodeCount; n++) {
            if (tracked[n]) {
                integrate(n, end);
            }
        }
    }

    /** Trains that started processing at node {@code n} in month {@code m} (for tests). */
    long starts(int n, int m) {
        return starts[n * MONTHS + m];
    }

    /** Measured seconds of calendar month {@code m}. */
    long measuredSeconds(int m) {
        return measuredSeconds[m];
    }

    /**
     * Node {@code n}'s months with measured time, January first, keyed {@code jan}…{@code dec};
     * empty for a node where no train queues. Its utilization is busy server-time over
     * {@code servers} (the nominal servers of its stations) times the month's measured time.
     */
    Map<String, ReplicationResult.NodeResult> result(int n, double servers) {
        Map<String, ReplicationResult.NodeResult> months = new LinkedHashMap<>();
        if (!tracked[n]) {
            return months;
        }
        for (int m = 0; m < MONTHS; m++) {
            long seconds = measuredSeconds[m];
            if (seconds <= 0) {
                continue;
            }
            int k = n * MONTHS + m;
            double days = seconds / (double) SimTime.DAY;
            months.put(MONTH_KEYS[m], new ReplicationResult.NodeResult(arrivals[k],
                    starts[k] > 0 ? waitSeconds[k] / starts[k] / SimTime.HOUR : 0,
                    starts[k] > 0 ? processSeconds[k] / starts[k] / SimTime.HOUR : 0,
                    servers > 0 ? busyArea[k] / (servers * seconds) : 0,
                    queueArea[k] / seconds, queueMax[k], quotaHits[k], teu[k] / days,
                    Map.of()));
        }
        return months;
    }
}
