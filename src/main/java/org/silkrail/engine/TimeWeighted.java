package org.silkrail.engine;

/**
 * Time average of a piecewise-constant level (a queue length, the number of busy servers) over
 * [warmupEnd, end], and its maximum over the same window.
 *
 * <p>The level is set with {@link #update}; the area under it is integrated exactly. Before the
 * cut-off nothing is integrated, so {@link #mean(long)} is the average over the measured window
 * only. O(1) per update, no allocation.
 */
public final class TimeWeighted {
    private final long warmupEnd;
    private final long windowStart;
    private double level;
    private long lastTime;
    private double area;
    private double max;

    public TimeWeighted(long startTime, double initialLevel) {
        this(startTime, initialLevel, startTime);
    }

    /**
     * @param startTime time at which {@code initialLevel} begins (seconds)
     * @param warmupEnd start of the measured window (seconds)
     */
    public TimeWeighted(long startTime, double initialLevel, long warmupEnd) {
        this.warmupEnd = warmupEnd;
        this.windowStart = Math.max(startTime, warmupEnd);
        this.level = initialLevel;
        this.lastTime = startTime;
        this.max = startTime >= warmupEnd ? initialLevel : Double.NEGATIVE_INFINITY;
    }

    /** Sets the level at time {@code now}; {@code now} must not go back. */
    public void update(long now, double newLevel) {
        long last = lastTime;
        if (last >= warmupEnd && now >= last) {
            // Fast path once warm-up is over: the same product as areaBetween(last, now), so the
            // area is bit-for-bit what the general path gives, with two branches instead of six.
            area += level * (now - last);
            lastTime = now;
        } else {
            accumulate(now);
        }
        level = newLevel;
        if (now >= warmupEnd && newLevel > max) {
            max = newLevel;
        }
    }

    /** Adds {@code delta} to the level at time {@code now}. */
    public void add(long now, double delta) {
        update(now, level + delta);
    }

    public double level() {
        return level;
    }

    /** The time average over [warmupEnd, end]; NaN for an empty window. */
    public double mean(long end) {
        long window = end - windowStart;
        if (window <= 0) {
            return Double.NaN;
        }
        return (area + areaBetween(lastTime, end)) / window;
    }

    /** The largest level seen in the measured window; the level at the cut-off counts. */
    public double max() {
        return Math.max(max, lastTime >= warmupEnd ? level : Double.NEGATIVE_INFINITY);
    }

    private void accumulate(long now) {
        if (now < lastTime) {
            throw timeWentBack(now);
        }
        if (lastTime < warmupEnd && now >= warmupEnd && level > max) {
            max = level;
        }
        area += areaBetween(lastTime, now);
        lastTime = now;
    }

    private IllegalArgumentException timeWentBack(long now) {
        return new IllegalArgumentException("time went back: now=" + now + " last=" + lastTime);
    }

    private double areaBetween(long from, long to) {
        long start = Math.max(from, warmupEnd);
        return to > start ? level * (to - start) : 0;
    }
}
