package org.silkrail.model;

/**
 * @param horizonSeconds simulated length of one replication
 * @param warmupSeconds observations before this time are discarded
 * @param replications independent replications, at least 1
 * @param seed root of every random stream
 * @param calendarStartSeconds where simulated time 0 falls in the calendar year: seconds from
 *     1 January 00:00 to the scenario's {@code start:} date in the 365-day calendar of
 *     {@link MonthlyProfile} (0 for 1 January, 31 days for 1 February); it places monthly
 *     profiles and per-month results, nothing else
 */
public record RunSettings(long horizonSeconds, long warmupSeconds, int replications, long seed,
        long calendarStartSeconds) {

    /** A run whose time 0 is 1 January 00:00. */
    public RunSettings(long horizonSeconds, long warmupSeconds, int replications, long seed) {
        this(horizonSeconds, warmupSeconds, replications, seed, 0);
    }
}
