package org.silkrail.report.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.silkrail.report.ResultsJsonWriter;
import tools.jackson.databind.JsonNode;

/**
 * The output folder of {@code silkrail compare} read back for its report:
 * {@code comparison.json} and, in a subfolder per run named by its key, each run's
 * {@code results.json} (the base's and every option's).
 */
public final class CompareFolder {
    public static final String COMPARISON = "comparison.json";

    private CompareFolder() {
    }

    /** True if {@code dir} holds a {@code comparison.json}. */
    public static boolean isComparison(Path dir) {
        return Files.isRegularFile(dir.resolve(COMPARISON));
    }

    /** The report page of the comparison in {@code dir}. */
    public static ComparePage read(Path dir) throws ReportInputException, IOException {
        Path file = dir.resolve(COMPARISON);
        JsonNode comparison = RunFolder.readJson(file);
        if (comparison == null) {
            throw new ReportInputException(file, "not found");
        }
        if (!comparison.path("base").isString() || !comparison.path("options").isObject()) {
            throw new ReportInputException(file,
                    "not a silkrail comparison.json (no \"base\" and \"options\")");
        }
        Map<String, JsonNode> runs = new LinkedHashMap<>();
        String base = comparison.path("base").asString();
        runs.put(base, null);
        comparison.path("options").propertyNames().forEach(key -> runs.put(key, null));
        for (String key : runs.keySet()) {
            Path results = dir.resolve(key).resolve(ResultsJsonWriter.FILE_NAME);
            JsonNode run = RunFolder.readJson(results);
            if (run == null) {
                throw new ReportInputException(results, "not found: the comparison's run "
                        + key + " is missing");
            }
            runs.put(key, run);
        }
        return new ComparePage(comparison, runs);
    }
}
