package org.silkrail.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.experiment.MainMetrics;
import org.silkrail.experiment.SweepPlan;
import org.silkrail.scenario.ScenarioContent;
import org.silkrail.scenario.ScenarioException;

/** Small sweeps of the teaching corridor for the cluster tests. */
final class TestPlans {
    private TestPlans() {
    }

    /**
     * Dostyk at 2 and 3 servers, {@code horizonDays} days of which 5 warm-up, {@code replications}
     * replications per variant.
     */
    static SweepPlan corridor(String name, int horizonDays, int replications)
            throws ScenarioException {
        return corridor(name, horizonDays, replications, 20240520L);
    }

    /** The same with another root seed: another plan (hash), the same work. */
    static SweepPlan corridor(String name, int horizonDays, int replications, long seed)
            throws ScenarioException {
        ScenarioContent base = ScenarioContent.read(Path.of("scenarios/tiny-corridor.yaml"));
        List<SweepPlan.Variant> variants = new ArrayList<>();
        for (String servers : List.of("2", "3")) {
            variants.add(new SweepPlan.Variant(variants.size(), List.of(servers), List.of(
                    "horizon=" + horizonDays + "d", "warmup=5d",
                    "network.nodes.DOS.servers=" + servers)));
        }
        var spec = base.load(List.of()).model();
        return new SweepPlan(name, base, List.of("network.nodes.DOS.servers"), variants,
                replications, seed, MainMetrics.forSweep(spec, MainMetrics.keyNodes(spec)));
    }
}
