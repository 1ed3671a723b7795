package org.silkrail.model;

import java.util.Arrays;

/** How a flow generates trains. Times and rates are in seconds. */
public sealed interface ArrivalSpec {

    /** Mean trains per second, for planning and reports. */
    double meanRatePerSecond();

    /**
     * {@code poisson(7/day)}: exponential gaps of mean 1/rate; with a monthly profile, a
     * non-homogeneous Poisson process whose rate in month m is {@code ratePerSecond} times the
     * profile's normalised factor, so that {@code ratePerSecond} stays the yearly mean.
     *
     * @param monthly relative monthly rates; null for a constant rate
     */
    record Poisson(double ratePerSecond, MonthlyProfile monthly) implements ArrivalSpec {
        /** A constant rate. */
        public Poisson(double ratePerSecond) {
            this(ratePerSecond, null);
        }

        /** The same process at another yearly mean rate, with the same monthly shape. */
        public Poisson withRate(double newRatePerSecond) {
            return new Poisson(newRatePerSecond, monthly);
        }

        @Override
        public double meanRatePerSecond() {
            return ratePerSecond;
        }
    }

    /** {@code every(4h)}: one train every {@code intervalSeconds}, the first at time 0. */
    record Every(long intervalSeconds) implements ArrivalSpec {
        @Override
        public double meanRatePerSecond() {
            return 1.0 / intervalSeconds;
        }
    }

    /**
     * {@code schedule: [0h, 30h, 2d]}: one train at each listed time, repeated every
     * {@code cycleSeconds} when it is positive (a weekly timetable), else once.
     */
    record Schedule(long[] timesSeconds, long cycleSeconds) implements ArrivalSpec {
        public Schedule {
            timesSeconds = timesSeconds.clone();
            Arrays.sort(timesSeconds);
        }

        @Override
        public long[] timesSeconds() {
            return timesSeconds.clone();
        }

        @Override
        public double meanRatePerSecond() {
            return cycleSeconds > 0 ? timesSeconds.length / (double) cycleSeconds : 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Schedule s && Arrays.equals(timesSeconds, s.timesSeconds)
                    && cycleSeconds == s.cycleSeconds;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(timesSeconds) * 31 + Long.hashCode(cycleSeconds);
        }

        @Override
        public String toString() {
            return "Schedule" + Arrays.toString(timesSeconds) + "/" + cycleSeconds;
        }
    }
}
