package org.silkrail.report;

import java.io.IOException;
import java.nio.file.Path;
import org.silkrail.experiment.CapacitySearch;
import org.silkrail.experiment.OverloadCheck;
import org.silkrail.experiment.ScenarioRun;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code capacity.json}, the outcome of {@code silkrail capacity}: the header of
 * {@code results.json}, {@code demand_scale} as a statistic ({@code {mean, sd, ci95_low,
 * ci95_high, n}}), {@code bottleneck} (a node or link id), the test's constants and every
 * replication's search with each scale tried (docs/experiments.md).
 *
 * <p>Same layout and number format as {@code results.json}; written atomically; the same
 * search gives the same bytes.
 */
public final class CapacityJsonWriter {
    public static final String FILE_NAME = "capacity.json";

    private CapacityJsonWriter() {
    }

    /** Writes {@code dir/capacity.json} atomically and returns its path. */
    public static Path write(CapacitySearch.Result result, Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        ObjectNode tree = toTree(result);
        AtomicFiles.write(file, out -> ResultsJsonWriter.writeTree(tree, out));
        return file;
    }

    /** The document as a tree. */
    public static ObjectNode toTree(CapacitySearch.Result result) {
        CapacitySearch.Request request = result.request();
        ScenarioRun.Request run = request.run();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scenario", run.scenario());
        root.put("title", run.title());
        root.put("seed", run.seed());
        root.put("replications", run.replications());
        root.set("horizon_days", ResultsJsonWriter.number(result.horizonDays()));
        root.set("warmup_days", ResultsJsonWriter.number(result.warmupDays()));
        root.put("input_sha256", run.inputSha256());
        root.put("silkrail_version", result.silkrailVersion());
        ResultsJsonWriter.putStat(root.putObject("demand_scale"), result.demandScale());
        root.put("bottleneck", result.bottleneck());
        root.put("bottleneck_kind", result.bottleneck() == null ? null
                : result.bottleneckIsLink() ? "link" : "node");
        ObjectNode votes = root.putObject("bottleneck_votes");
        result.bottleneckVotes().forEach(votes::put);
        ObjectNode test = root.putObject("test");
        test.set("saturation", ResultsJsonWriter.number(OverloadCheck.SATURATION));
        test.set("growth_share", ResultsJsonWriter.number(OverloadCheck.GROWTH_SHARE));
        test.set("min_growth_trains", ResultsJsonWriter.number(OverloadCheck.MIN_GROWTH_TRAINS));
        test.set("pipeline_margin", ResultsJsonWriter.number(OverloadCheck.PIPELINE_MARGIN));
        test.set("start", ResultsJsonWriter.number(request.start()));
        test.set("tolerance", ResultsJsonWriter.number(request.tolerance()));
        ArrayNode searches = root.putArray("searches");
        for (CapacitySearch.ReplicationSearch s : result.replications()) {
            ObjectNode search = searches.addObject();
            search.put("replication", s.replication());
            search.set("demand_scale", ResultsJsonWriter.number(s.demandScale()));
            search.set("stable_at", ResultsJsonWriter.number(s.stableAt()));
            search.set("unstable_at", ResultsJsonWriter.number(s.unstableAt()));
            search.put("bottleneck", s.bottleneck());
            ArrayNode tried = search.putArray("tried");
            for (CapacitySearch.Trial t : s.tried()) {
                ObjectNode trial = tried.addObject();
                trial.set("demand_scale", ResultsJsonWriter.number(t.demandScale()));
                trial.put("stable", t.stable());
                ArrayNode findings = trial.putArray("findings");
                for (OverloadCheck.Finding f : t.findings()) {
                    ObjectNode finding = findings.addObject();
                    finding.put("kind", f.kind());
                    finding.put("id", f.id());
                    finding.set("value", ResultsJsonWriter.number(f.value()));
                }
            }
        }
        return root;
    }
}
