package org.silkrail.benchmarks.peers;

/**
 * The hold model on one simulator: {@code pending} events; each event, when it fires, schedules
 * its successor at now + an exponential draw (mean 10^6 s), so the population stays constant.
 */
interface HoldModel {
    /** Schedules the first {@code pending} events, one draw from time 0 each. */
    void start(int pending, Draws increments);

    /** Fires {@code events} events and returns the clock in whole seconds. */
    long advance(int events);
}
