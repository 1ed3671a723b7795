package org.silkrail.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.silkrail.engine.RandomStreams;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.Network;
import org.silkrail.scenario.ScenarioContent;
import org.silkrail.scenario.ScenarioException;

/**
 * Turns a {@link SweepTask} into its {@link SweepRow} from the plan's scenario content alone:
 * applies the variant's overrides to the base content, builds the rail model, runs the one
 * replication with {@code new RandomStreams(rootSeed)} and reads the plan's metrics. Every
 * backend — local threads or a cluster member that has only the plan — evaluates tasks with
 * this class, so a row never depends on where it ran.
 *
 * <p>Cost and threading: the model of each variant is built once (parse, bind and compile take
 * of the order of 0.1 s for the Eurasian network) and kept for the evaluator's life, shared
 * read-only by every thread; {@link #evaluate} is safe to call from several threads at once and
 * runs the replication on the calling thread.
 */
public final class SweepEvaluator {
    private final ScenarioContent base;
    private final List<MetricPath> metrics;
    private final Map<List<String>, RailModel> models = new ConcurrentHashMap<>();

    public SweepEvaluator(SweepPlan plan) {
        this.base = plan.base();
        this.metrics = plan.metrics();
    }

    /** Runs the task's replication and returns its row. */
    public SweepRow evaluate(SweepTask task) {
        Objects.requireNonNull(task, "task");
        RailModel model = models.computeIfAbsent(task.overrides(), this::build);
        ReplicationResult result = model.runReplication(task.replication(),
                new RandomStreams(task.rootSeed()));
        List<Double> values = new ArrayList<>(metrics.size());
        for (MetricPath m : metrics) {
            values.add(m.valueIn(result));
        }
        return new SweepRow(task.variant(), task.replication(), result.seed(), values,
                result.wallSeconds());
    }

    private RailModel build(List<String> overrides) {
        ModelSpec spec;
        try {
            spec = base.load(overrides).model();
        } catch (ScenarioException e) {
            // the coordinator loads every variant before any task runs
            throw new IllegalStateException("variant does not load: overrides=" + overrides
                    + " problems=" + e.getMessage(), e);
        }
        return new RailModel(spec, Network.build(spec.network()).compile());
    }
}
