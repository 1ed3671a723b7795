package org.silkrail.experiment;

import java.util.List;
import java.util.Objects;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.Network;

/**
 * One {@code silkrail run}: builds the rail model of a loaded scenario once, runs its
 * replications in parallel and aggregates them into {@link RunResults}, with the overload
 * warnings of {@link OverloadCheck}.
 *
 * <p>The model is compiled once and shared read-only by all worker threads; the results are
 * the same for any thread count (see {@link Replications}).
 */
public final class ScenarioRun {
    private ScenarioRun() {
    }

    /**
     * What to run.
     *
     * @param scenario scenario id
     * @param title scenario title
     * @param inputSha256 hash of the scenario inputs as loaded
     * @param spec the validated model; its network must have no problems
     * @param replications replications to run (the scenario's, or --replications)
     * @param seed root seed (the scenario's, or --seed)
     * @param threads worker threads, at least 1
     */
    public record Request(String scenario, String title, String inputSha256, ModelSpec spec,
            int replications, long seed, int threads) {
        public Request {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(spec, "spec");
            if (replications < 1) {
                throw new IllegalArgumentException("need replications >= 1: replications="
                        + replications);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("need threads >= 1: threads=" + threads);
            }
        }
    }

    /**
     * Runs the request.
     *
     * @param silkrailVersion reported in results.json
     * @param progress told of each finished replication, possibly from several threads
     */
    public static RunResults run(Request request, String silkrailVersion,
            Replications.Progress progress) {
        RailModel model = new RailModel(request.spec(),
                Network.build(request.spec().network()).compile());
        List<ReplicationResult> replications = Replications.run(model::runReplication,
                request.seed(), request.replications(), request.threads(), progress);
        double day = SimTime.DAY;
        RunInfo info = new RunInfo(request.scenario(), request.title(), request.seed(),
                request.replications(), request.spec().run().horizonSeconds() / day,
                request.spec().run().warmupSeconds() / day, request.inputSha256(),
                silkrailVersion);
        return RunResults.aggregate(info, replications)
                .withWarnings(OverloadCheck.warnings(request.spec(), replications));
    }
}
