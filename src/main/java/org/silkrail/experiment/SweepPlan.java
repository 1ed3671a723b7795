package org.silkrail.experiment;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.silkrail.model.ModelSpec;
import org.silkrail.scenario.ScenarioContent;
import org.silkrail.scenario.SweepFile;

/**
 * Everything needed to run a sweep anywhere: the base scenario's content (not a path — a
 * cluster worker has no access to the coordinator's files), the variants of the grid, the
 * replications, the root seed and the metrics each row reports.
 *
 * <p>Tasks are ordered replication-major — replication 0 of every variant, then replication 1 —
 * so that a sweep stopped early has some replications of every variant. The order decides only
 * when a task is scheduled, never its row.
 *
 * <p>Immutable and {@link Serializable}: ship it once to each cluster member, then only
 * {@link SweepTask}s.
 *
 * @param name the sweep's id ({@code sweep:} in its file)
 * @param base the base scenario, merged into one text
 * @param parameters the varied scenario paths, in the sweep file's order
 * @param variants the grid, every combination of the values, the last parameter varying
 *     fastest; variant {@code i} is at index {@code i}
 * @param replications replications per variant, at least 1
 * @param rootSeed root seed shared by every variant (common random numbers)
 * @param metrics the numbers every row reports, in column order
 */
public record SweepPlan(String name, ScenarioContent base, List<String> parameters,
        List<Variant> variants, int replications, long rootSeed, List<MetricPath> metrics)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * One point of the grid.
     *
     * @param index 0-based variant index
     * @param values the value of each parameter as the sweep file writes it, e.g.
     *     {@code ["7", "poisson(2/day)"]}
     * @param overrides {@code PATH=VALUE} overrides making the variant from the base
     */
    public record Variant(int index, List<String> values, List<String> overrides)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Variant {
            values = List.copyOf(values);
            overrides = List.copyOf(overrides);
        }
    }

    public SweepPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
        parameters = List.copyOf(parameters);
        variants = List.copyOf(variants);
        metrics = List.copyOf(metrics);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one variant: name=" + name);
        }
        if (replications < 1) {
            throw new IllegalArgumentException("need replications >= 1: replications="
                    + replications);
        }
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            if (v.index() != i || v.values().size() != parameters.size()) {
                throw new IllegalArgumentException("variant does not fit the plan: position=" + i
                        + " index=" + v.index() + " values=" + v.values().size() + " parameters="
                        + parameters.size());
            }
        }
    }

    /**
     * The plan of a checked sweep file; metrics from {@link MainMetrics}, with the file's
     * {@code nodes:} as key nodes or, if it names none, the default ones of the base.
     */
    public static SweepPlan from(SweepFile file) {
        ModelSpec base = file.baseScenario().model();
        List<String> keyNodes = file.keyNodes().isEmpty() ? MainMetrics.keyNodes(base)
                : file.keyNodes();
        List<Variant> variants = new ArrayList<>();
        for (SweepFile.Variant v : file.variants()) {
            variants.add(new Variant(variants.size(), v.values(), v.overrides()));
        }
        return new SweepPlan(file.name(), file.baseContent(), file.parameters(), variants,
                file.replications(), file.seed(), MainMetrics.forSweep(base, keyNodes));
    }

    /** Variants times replications. */
    public int taskCount() {
        return variants.size() * replications;
    }

    /** The task of a key. */
    public SweepTask task(TaskKey key) {
        if (key.variant() >= variants.size() || key.replication() >= replications) {
            throw new IllegalArgumentException("no such task: " + key + " variants="
                    + variants.size() + " replications=" + replications);
        }
        return new SweepTask(key.variant(), variants.get(key.variant()).overrides(),
                key.replication(), rootSeed);
    }

    /** Every task, replication-major. */
    public List<SweepTask> tasks() {
        List<SweepTask> tasks = new ArrayList<>(taskCount());
        for (int r = 0; r < replications; r++) {
            for (int v = 0; v < variants.size(); v++) {
                tasks.add(task(new TaskKey(v, r)));
            }
        }
        return tasks;
    }

    /** The dotted metric paths, in column order. */
    public List<String> metricNames() {
        return metrics.stream().map(MetricPath::path).toList();
    }
}
