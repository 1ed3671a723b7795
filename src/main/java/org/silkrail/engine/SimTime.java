package org.silkrail.engine;

/**
 * The unit of simulated time: one tick is one second, held in a {@code long}.
 *
 * <p>A {@code long} of seconds covers 2.9e11 years, so no run overflows; a second is fine enough
 * for rail operations whose shortest durations (headways, crossings) are minutes.
 */
public final class SimTime {
    public static final long SECOND = 1L;
    public static final long MINUTE = 60L;
    public static final long HOUR = 3_600L;
    public static final long DAY = 86_400L;
    /** A Julian year of 365.25 days, the divisor for per-year rates. */
    public static final double YEAR_SECONDS = 365.25 * DAY;

    private SimTime() {
    }

    /** Seconds (possibly fractional) rounded to the nearest tick. */
    public static long ofSeconds(double seconds) {
        return Math.round(seconds);
    }

    public static double toHours(long seconds) {
        return seconds / (double) HOUR;
    }

    public static double toDays(long seconds) {
        return seconds / (double) DAY;
    }
}
