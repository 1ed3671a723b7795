package org.silkrail.experiment;

/**
 * What was run: the header fields of {@code results.json}.
 *
 * @param scenario scenario id (e.g. {@code baseline-2025})
 * @param title the scenario's title
 * @param seed root seed of every random stream
 * @param replications replications run
 * @param horizonDays simulated length of one replication in days
 * @param warmupDays initial days discarded from every statistic
 * @param inputSha256 hash of the scenario's inputs as loaded (files, overlays, --set values)
 * @param silkrailVersion version of the program that ran
 */
public record RunInfo(String scenario, String title, long seed, int replications,
        double horizonDays, double warmupDays, String inputSha256, String silkrailVersion) {
}
