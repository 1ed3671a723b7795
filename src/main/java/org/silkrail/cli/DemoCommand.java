package org.silkrail.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.silkrail.engine.MmcQueue;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.SimTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the engine's M/M/c queue and sets its mean wait beside the exact Erlang C value. */
@Command(name = "demo", description = "Run the engine's M/M/c demo and check it against Erlang C.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--servers", defaultValue = "4", description = "Servers c (default ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--rho", defaultValue = "0.8", description = "Utilisation ρ (default ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--days", defaultValue = "20000", description = "Simulated days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "20240520", description = "Root seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (servers < 1 || !(rho > 0 && rho < 1) || days < 1) {
            spec.commandLine().getErr().println(
                    "silkrail demo: need --servers >= 1, 0 < --rho < 1, --days >= 1");
            return Main.EXIT_BAD_INPUT;
        }
        double mu = 1.0; // services per hour per server
        double lambda = rho * servers * mu;
        RandomStreams streams = new RandomStreams(seed);
        long start = System.nanoTime();
        MmcQueue queue = new MmcQueue(lambda, mu, servers, days * SimTime.DAY,
                days * SimTime.DAY / 20, streams.stream(0, "arrivals"),
                streams.stream(0, "service")).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double exact = MmcQueue.erlangCWait(lambda, mu, servers);
        long events = queue.simulation().eventsDispatched();
        out.printf("M/M/%d queue, rho=%.2f, %,d simulated days, seed %d%n", servers, rho, days, seed);
        out.printf("  customers served        %,14d%n", queue.served());
        out.printf("  mean wait (simulated)   %14.4f h%n", queue.meanWaitHours());
        out.printf("  mean wait (Erlang C)    %14.4f h%n", exact);
        out.printf("  relative error          %14.2f %%%n",
                100 * (queue.meanWaitHours() - exact) / exact);
        out.printf("  utilisation             %14.4f%n", queue.station().utilization(days * SimTime.DAY));
        out.printf("  events                  %,14d in %.2f s (%,.0f events/s)%n", events, seconds,
                events / seconds);
        return Main.EXIT_OK;
    }
}
