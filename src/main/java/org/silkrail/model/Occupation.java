package org.silkrail.model;

import org.silkrail.engine.SimTime;

/**
 * Capacity consumption of rail links per measured day, in the spirit of UIC Code 406
 * (occupation time over the period, headways and crossings included).
 *
 * <p><b>Double track:</b> every entry occupies its direction's track for one nominal headway,
 * {@code 86400 / capacity} seconds; a day's consumption is the busier direction's occupation
 * over the day, i.e. its entries over {@code capacity}. With a constant rate of {@code q} trains a
 * day this is {@code q × headway / 86400}. A link without a capacity limit has no headway and
 * reports 0. <b>Single track:</b> the section-seconds occupied by running trains (crossings make
 * trains hold sections and wait in loops, which keeps the next section free for the opposing
 * train) over {@code sections × 86400}.
 *
 * <p>Only the measured window counts; a day is {@code [warmup + d·86400, warmup + (d+1)·86400)}.
 * Cost O(1) per entry or section change: the current day and its end are kept (one for all
 * entries, one per single-track link), so the hot path compares and adds and a day boundary is
 * crossed once per day; no division, no allocation. Section-seconds are whole numbers, kept as
 * {@code long} (exact; a day holds at most {@code sections × 86400}).
 *
 * <p>The same section-seconds give a single-track link's utilization over the whole measured
 * window ({@link #occupiedSectionSeconds}), so the section count is integrated once, here, and
 * not a second time by a {@code TimeWeighted} in {@link RailLines}.
 */
final class Occupation {
    private final Plan plan;
    private final long warmup;
    private final int days;
    /** Per link × 2 + direction, per day: entries (double track). */
    private final long[][] entries;
    /** The measured day entries count into now; -1 in the warm-up, {@code days} after the last. */
    private int entryDay = -1;
    /** When {@link #entryDay} ends, seconds. */
    private long entryDayEnd;

    /** Per link, per day: occupied section-seconds (single track). */
    private final long[][] sectionSeconds;
    /**
     * Per single-track link, {@link #STATE} longs side by side, so that a section change reads
     * and writes one cache line: when the day {@link #areaDay} ends (s), that day's
     * section-seconds up to the last change, the last change (s), and the sections in use since.
     */
    private final long[] state;
    private static final int STATE = 4;
    private static final int DAY_END = 0;
    private static final int AREA = 1;
    private static final int LAST_CHANGE = 2;
    private static final int IN_USE = 3;
    /** Per link: the day its area belongs to, -1 in the warm-up. */
    private final int[] areaDay;

    Occupation(Plan plan) {
        this.plan = plan;
        this.warmup = plan.warmupSeconds;
        this.days = plan.measuredDayCount();
        entryDayEnd = warmup;
        int links = plan.linkCount;
        entries = new long[links * 2][];
        sectionSeconds = new long[links][];
        state = new long[links * STATE];
        areaDay = new int[links];
        for (int l = 0; l < links; l++) {
            areaDay[l] = -1;
            state[l * STATE + DAY_END] = warmup;
            if (plan.linkFerry[l]) {
                continue;
            }
            if (plan.linkSingleTrack[l]) {
                sectionSeconds[l] = new long[days];
            } else if (plan.linkCapacityPerDay[l] > 0) {
                entries[l * 2] = new long[days];
                entries[l * 2 + 1] = new long[days];
            }
        }
    }

    /** A train entered double-track link {@code l} in direction {@code dir}. */
    void entered(int l, int dir, long now) {
        if (now >= entryDayEnd) {
            nextEntryDay(now);
        }
        long[] perDay = entries[l * 2 + dir];
        if (perDay != null && entryDay >= 0 && entryDay < days) {
            perDay[entryDay]++;
        }
    }

    /** Moves {@link #entryDay} to the day holding {@code now}; once per day at most. */
    private void nextEntryDay(long now) {
        entryDay = (int) Math.min(days, (now - warmup) / SimTime.DAY);
        entryDayEnd = entryDay >= days ? Long.MAX_VALUE : warmup + (entryDay + 1) * SimTime.DAY;
    }

    /** Single-track link {@code l} has {@code sections} sections occupied from now on. */
    void sectionsInUse(int l, int sections, long now) {
        int s = l * STATE;
        if (now >= state[s + DAY_END]) {
            closeDays(l, now);
        }
        state[s + AREA] += state[s + IN_USE] * (now - state[s + LAST_CHANGE]);
        state[s + LAST_CHANGE] = now;
        state[s + IN_USE] = sections;
    }

    /**
     * Closes every day of link {@code l} that ended at or before {@code now}: the occupation up
     * to the day's end goes into it (or is dropped in the warm-up), and the next day starts.
     */
    private void closeDays(int l, long now) {
        int s = l * STATE;
        while (now >= state[s + DAY_END]) {
            long end = state[s + DAY_END];
            long area = state[s + AREA] + state[s + IN_USE] * (end - state[s + LAST_CHANGE]);
            state[s + LAST_CHANGE] = end;
            int day = areaDay[l];
            if (day >= 0) {
                sectionSeconds[l][day] = area;
            }
            state[s + AREA] = 0;
            areaDay[l] = day + 1;
            state[s + DAY_END] = day + 1 >= days ? Long.MAX_VALUE : end + SimTime.DAY;
        }
    }

    /**
     * Single-track link {@code l}'s occupied section-seconds in the measured window up to
     * {@code end} (exact); 0 if {@code end} is in the warm-up.
     */
    long occupiedSectionSeconds(int l, long end) {
        closeDays(l, end);
        int s = l * STATE;
        int day = areaDay[l];
        if (day < 0) {
            return 0;
        }
        long total = state[s + AREA] + state[s + IN_USE] * (end - state[s + LAST_CHANGE]);
        for (int d = 0; d < Math.min(day, days); d++) {
            total += sectionSeconds[l][d];
        }
        return total;
    }

    /**
     * Link {@code l}'s consumption on each complete measured day up to {@code end} (a share,
     * 1 = the whole capacity), or null for a ferry link.
     */
    double[] daily(int l, long end) {
        if (plan.linkFerry[l]) {
            return null;
        }
        int complete = (int) Math.min(days, Math.max(0, (end - warmup) / SimTime.DAY));
        double[] out = new double[complete];
        if (plan.linkSingleTrack[l]) {
            closeDays(l, end);
            double capacity = plan.sectionCount[l] * (double) SimTime.DAY;
            for (int d = 0; d < complete; d++) {
                out[d] = sectionSeconds[l][d] / capacity;
            }
        } else if (entries[l * 2] != null) {
            for (int d = 0; d < complete; d++) {
                out[d] = Math.max(entries[l * 2][d], entries[l * 2 + 1][d])
                        / plan.linkCapacityPerDay[l];
            }
        }
        return out;
    }
}
