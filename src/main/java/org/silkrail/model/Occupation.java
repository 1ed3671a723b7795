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
 * Cost O(1) per entry or section change (amortised over day boundaries); no allocation.
 */
final class Occupation {
    private final Plan plan;
    private final long warmup;
    private final int days;
    /** Per link × 2 + direction, per day: entries (double track). */
    private final long[][] entries;
    /** Per link, per day: occupied section-seconds (single track). */
    private final double[][] sectionSeconds;
    private final long[] lastChange;
    private final int[] inUse;

    Occupation(Plan plan) {
        this.plan = plan;
        this.warmup = plan.warmupSeconds;
        this.days = plan.measuredDayCount();
        int links = plan.linkCount;
        entries = new long[links * 2][];
        sectionSeconds = new double[links][];
        lastChange = new long[links];
        inUse = new int[links];
        for (int l = 0; l < links; l++) {
            if (plan.linkFerry[l]) {
                continue;
            }
            if (plan.linkSingleTrack[l]) {
                sectionSeconds[l] = new double[days];
            } else if (plan.linkCapacityPerDay[l] > 0) {
                entries[l * 2] = new long[days];
                entries[l * 2 + 1] = new long[days];
            }
        }
    }

    /** A train entered double-track link {@code l} in direction {@code dir}. */
    void entered(int l, int dir, long now) {
        long[] perDay = entries[l * 2 + dir];
        if (perDay != null && now >= warmup) {
            int day = (int) ((now - warmup) / SimTime.DAY);
            if (day < days) {
                perDay[day]++;
            }
        }
    }

    /** Single-track link {@code l} has {@code sections} sections occupied from now on. */
    void sectionsInUse(int l, int sections, long now) {
        accumulate(l, now);
        inUse[l] = sections;
    }

    /** Adds the occupation since the last change, split over the days it spans. */
    private void accumulate(int l, long now) {
        long from = Math.max(lastChange[l], warmup);
        lastChange[l] = now;
        int count = inUse[l];
        if (count == 0 || now <= from) {
            return;
        }
        double[] perDay = sectionSeconds[l];
        while (from < now) {
            int day = (int) ((from - warmup) / SimTime.DAY);
            if (day >= days) {
                return;
            }
            long dayEnd = warmup + (day + 1) * SimTime.DAY;
            long to = Math.min(now, dayEnd);
            perDay[day] += (double) count * (to - from);
            from = to;
        }
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
            accumulate(l, end);
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
