package org.silkrail.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.Network;
import org.silkrail.scenario.Scenario;
import org.silkrail.scenario.ScenarioLoader;

/**
 * One replication of a shipped scenario's year, end to end through the model: what a planner's
 * {@code silkrail run} spends per replication, without loading and writing.
 *
 * <p>The scenario is loaded and compiled in {@code @Setup}; each invocation runs the next
 * replication number, so every invocation simulates a fresh year with its own streams. The
 * auxiliary counters report events and trains per second beside the replication rate.
 * Run from the repository root (benchmarks/run does): {@code benchmarks/run --quick Baseline}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BaselineReplicationBenchmark {

    @Param({"scenarios/baseline-2025.yaml"})
    public String scenario;

    private RailModel model;
    private RandomStreams streams;
    private int replication;

    /** Events and trains simulated, reported by JMH as rates per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long events;
        public long trains;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Scenario loaded = ScenarioLoader.load(Path.of(scenario), List.of());
        Network network = Network.build(loaded.model().network());
        model = new RailModel(loaded.model(), network.compile());
        streams = new RandomStreams(loaded.model().run().seed());
    }

    @Benchmark
    public ReplicationResult replication(Counters counters) {
        ReplicationResult result = model.runReplication(replication++, streams);
        counters.events += result.events();
        counters.trains += result.totals().trainsGeneratedAll();
        return result;
    }
}
