package org.silkrail.model;

import java.util.Arrays;

/**
 * Twelve relative monthly factors for the rate of a Poisson process, as a piecewise-constant
 * intensity over a calendar year.
 *
 * <p>Calendar: times here are calendar seconds, counted from 1 January 00:00; the year has 365
 * days (months of 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 days) and repeats. Simulated
 * time 0 falls on the scenario's {@code start:} date ({@link RunSettings#calendarStartSeconds},
 * default 1 January): {@link #nextAfter} and {@link #monthAt} take simulated seconds and that
 * offset. The factors are normalised so that
 * their day-weighted mean is 1: the yearly mean rate stays the stated rate, and a month's rate
 * is the stated rate times its normalised factor. Next event times come from a unit
 * exponential by exact inversion of the integrated intensity (no thinning), so one random
 * number is drawn per event whatever the profile. No allocation per call.
 */
public final class MonthlyProfile {
    /** Days of each month of the simulated 365-day year. */
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final double YEAR_SECONDS = 365.0 * 86_400;
    /** Start of each month and of the next year, seconds after 1 January 00:00. */
    private static final double[] MONTH_START = new double[13];

    static {
        for (int m = 0; m < 12; m++) {
            MONTH_START[m + 1] = MONTH_START[m] + MONTH_DAYS[m] * 86_400.0;
        }
    }

    private final double[] factors;

    private MonthlyProfile(double[] factors) {
        this.factors = factors;
    }

    /**
     * A profile from twelve factors, January first; none negative, not all zero.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static MonthlyProfile of(double... relative) {
        if (relative.length != 12) {
            throw new IllegalArgumentException("a monthly profile needs 12 factors, got "
                    + relative.length);
        }
        double weighted = 0;
        for (int m = 0; m < 12; m++) {
            if (!(relative[m] >= 0) || Double.isInfinite(relative[m])) {
                throw new IllegalArgumentException("monthly factor " + (m + 1)
                        + " must be a finite number of 0 or more, got " + relative[m]);
            }
            weighted += relative[m] * MONTH_DAYS[m];
        }
        if (weighted <= 0) {
            throw new IllegalArgumentException("monthly factors must not all be 0");
        }
        double[] normalised = new double[12];
        for (int m = 0; m < 12; m++) {
            normalised[m] = relative[m] * 365 / weighted;
        }
        return new MonthlyProfile(normalised);
    }

    /** Month (0 = January) of a time in seconds after the start. */
    public static int monthOf(double seconds) {
        double inYear = seconds - Math.floor(seconds / YEAR_SECONDS) * YEAR_SECONDS;
        int m = 0;
        while (m < 11 && inYear >= MONTH_START[m + 1]) {
            m++;
        }
        return m;
    }

    /**
     * Month (0 = January) of simulated second {@code nowSeconds} when simulated time 0 lies
     * {@code startSeconds} into the calendar year.
     */
    public static int monthAt(long nowSeconds, long startSeconds) {
        return monthOf((double) nowSeconds + startSeconds);
    }

    /**
     * The end of the calendar month that holds simulated second {@code nowSeconds}, in
     * simulated seconds (the first second of the next month).
     */
    public static long monthEndAfter(long nowSeconds, long startSeconds) {
        double calendar = (double) nowSeconds + startSeconds;
        double yearStart = Math.floor(calendar / YEAR_SECONDS) * YEAR_SECONDS;
        int m = monthOf(calendar);
        return Math.round(yearStart + MONTH_START[m + 1]) - startSeconds;
    }

    /** Seconds from 1 January 00:00 to the start of month {@code m} (0 = January). */
    public static long monthStartSeconds(int m) {
        return (long) MONTH_START[m];
    }

    /**
     * Like {@link #nextSeconds}, on the simulated clock: the next event after simulated second
     * {@code nowSeconds} when time 0 lies {@code startSeconds} into the calendar year, rounded
     * to the second and never before {@code nowSeconds}.
     */
    public long nextAfter(long nowSeconds, long startSeconds, double unitExponential,
            double ratePerSecond) {
        double at = nextSeconds((double) nowSeconds + startSeconds, unitExponential,
                ratePerSecond) - startSeconds;
        return Math.max(nowSeconds, Math.round(at));
    }

    /** Length of month {@code m} (0 = January) in days. */
    public static int monthDays(int m) {
        return MONTH_DAYS[m];
    }

    /** Normalised factor of month {@code m} (0 = January): its rate over the yearly mean. */
    public double factor(int m) {
        return factors[m];
    }

    /**
     * The time of the next event after {@code nowSeconds} of a process whose yearly mean rate is
     * {@code ratePerSecond}, given a unit exponential {@code unitExponential}: the t at which the
     * integrated intensity from now reaches it.
     */
    public double nextSeconds(double nowSeconds, double unitExponential, double ratePerSecond) {
        double need = unitExponential / ratePerSecond; // in seconds at the yearly mean rate
        double yearStart = Math.floor(nowSeconds / YEAR_SECONDS) * YEAR_SECONDS;
        // whole years hold exactly YEAR_SECONDS of mean-rate time, as the factors average 1
        double years = Math.floor(need / YEAR_SECONDS);
        need -= years * YEAR_SECONDS;
        yearStart += years * YEAR_SECONDS;
        double t = nowSeconds + years * YEAR_SECONDS - yearStart;
        int m = monthOf(t);
        while (true) {
            double end = MONTH_START[m + 1];
            double available = (end - t) * factors[m];
            if (factors[m] > 0 && need <= available) {
                return yearStart + t + need / factors[m];
            }
            need -= available;
            t = end;
            m++;
            if (m == 12) {
                m = 0;
                t = 0;
                yearStart += YEAR_SECONDS;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonthlyProfile p && Arrays.equals(factors, p.factors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(factors);
    }

    @Override
    public String toString() {
        return "MonthlyProfile" + Arrays.toString(factors);
    }
}
