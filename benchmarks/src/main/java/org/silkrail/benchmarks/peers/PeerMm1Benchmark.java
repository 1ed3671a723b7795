package org.silkrail.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * M/M/1 at ρ = 0.9 with waiting-time statistics on every peer (see {@link QueueModel}), one JMH
 * fork per peer. Throughput is in events per microsecond (two events per customer). At the end
 * of each trial the mean wait must be within 10 % of the exact 32,400 s once a million customers
 * have been served, else the trial fails. Run: {@code benchmarks/run --peers}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PeerMm1Benchmark {
    static final int BATCH = 1_000;

    @Param({"silkrail", "silkrailWaitOnly", "priorityQueue", "ssj", "dsol"})
    public String peer;

    private QueueModel model;

    @Setup(Level.Trial)
    public void setUp() {
        model = Peers.mm1(peer);
        model.start(Draws.interarrivals(), Draws.services());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void mm1() {
        model.advance(BATCH);
    }

    @TearDown(Level.Trial)
    public void checkMeanWait() {
        double exact = Draws.mm1ExactWaitSeconds();
        double wait = model.meanWaitSeconds();
        if (model.waits() >= 1_000_000 && Math.abs(wait / exact - 1) > 0.10) {
            throw new IllegalStateException("peer=" + peer + " mean wait=" + wait
                    + " s, exact=" + exact + " s after " + model.waits() + " customers");
        }
    }
}
