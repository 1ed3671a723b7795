package org.silkrail.benchmarks.peers;

/**
 * M/M/1 on one simulator: arrivals at exponential intervals, one server with exponential service
 * times, a FIFO queue, and the statistics of the wait before service. Service times are drawn
 * when service starts, so every peer gives customer i the same interarrival and service draw.
 */
interface QueueModel {
    /** Schedules the first arrival. */
    void start(Draws interarrivals, Draws services);

    /** Fires {@code events} events (arrivals and departures). */
    void advance(int events);

    /** Waits recorded so far: customers whose service has started. */
    long waits();

    /** The mean of those waits in seconds. */
    double meanWaitSeconds();
}
