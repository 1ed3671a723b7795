package org.silkrail.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The M/M/c queue on the engine: Poisson arrivals, exponential service, {@code c} servers. The
 * engine's demonstration and the oracle-checked example of how a model drives a
 * {@link ServerQueue}; {@link #erlangCWait} gives the exact mean wait to compare with.
 *
 * <p>Example: λ = 0.8/h, μ = 1/h, c = 1 (ρ = 0.8) has an exact mean wait Wq = ρ/(μ − λ) = 4 h.
 */
public final class MmcQueue implements EventHandler {
    private static final int ARRIVAL = 0;
    private static final int DEPARTURE = 1;

    private final Simulation sim = new Simulation();
    private final ServerQueue station;
    private final Sampler interarrival;
    private final Sampler service;
    private final long horizon;
    private int nextCustomer;
    private long served;

    /**
     * @param arrivalsPerHour λ
     * @param servicesPerHour μ of one server
     * @param servers c
     * @param horizonSeconds length of the run
     * @param warmupSeconds observations before this are discarded
     */
    public MmcQueue(double arrivalsPerHour, double servicesPerHour, int servers,
            long horizonSeconds, long warmupSeconds, UniformRandomProvider arrivals,
            UniformRandomProvider services) {
        this.station = new ServerQueue(servers, 0, warmupSeconds);
        this.interarrival = new Distribution.Exponential(SimTime.HOUR / arrivalsPerHour)
                .sampler(arrivals);
        this.service = new Distribution.Exponential(SimTime.HOUR / servicesPerHour)
                .sampler(services);
        this.horizon = horizonSeconds;
        sim.setHandler(this);
    }

    /** Runs to the horizon and returns this queue for reading its statistics. */
    public MmcQueue run() {
        sim.schedule(SimTime.ofSeconds(interarrival.sample()), ARRIVAL, nextCustomer++);
        sim.run(horizon);
        return this;
    }

    @Override
    public void onEvent(int kind, int customer) {
        long now = sim.now();
        switch (kind) {
            case ARRIVAL -> {
                station.arrive(now, customer);
                sim.scheduleIn(SimTime.ofSeconds(interarrival.sample()), ARRIVAL, nextCustomer++);
            }
            case DEPARTURE -> {
                station.finish(now);
                served++;
            }
            default -> throw new IllegalStateException("unknown event kind=" + kind);
        }
        for (int next; (next = station.tryStart(now)) >= 0; ) {
            sim.scheduleIn(SimTime.ofSeconds(service.sample()), DEPARTURE, next);
        }
    }

    public ServerQueue station() {
        return station;
    }

    public Simulation simulation() {
        return sim;
    }

    public long served() {
        return served;
    }

    /** Mean wait in hours before service. */
    public double meanWaitHours() {
        return station.waitSeconds().mean() / SimTime.HOUR;
    }

    /**
     * The exact mean wait in queue of M/M/c, in the unit of 1/μ: Wq = C(c, a) / (c μ − λ), with
     * C the Erlang C probability of waiting and a = λ/μ.
     */
    public static double erlangCWait(double lambda, double mu, int c) {
        double a = lambda / mu;
        double rho = a / c;
        if (rho >= 1) {
            throw new IllegalArgumentException("unstable queue: rho=" + rho);
        }
        // sum_{k<c} a^k/k! and a^c/c!, built term by term to avoid factorial overflow
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double top = term / (1 - rho);
        double probabilityOfWait = top / (sum + top);
        return probabilityOfWait / (c * mu - lambda);
    }
}
