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

/**
 * The hold model on every peer (see {@link HoldModel}), one JMH fork per peer and size, so no
 * peer's classes pollute another's profile. Throughput is in events per microsecond. Run:
 * {@code benchmarks/run --peers} (or {@code benchmarks/run --quick PeerHold}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PeerHoldBenchmark {
    static final int BATCH = 1_000;

    @Param({"silkrail", "priorityQueue", "ssj", "dsol"})
    public String peer;

    @Param({"1000", "100000", "1000000"})
    public int pending;

    private HoldModel model;

    @Setup(Level.Trial)
    public void setUp() {
        model = Peers.hold(peer);
        model.start(pending, Draws.hold());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hold() {
        return model.advance(BATCH);
    }
}
