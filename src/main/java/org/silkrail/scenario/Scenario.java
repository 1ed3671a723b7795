package org.silkrail.scenario;

import java.nio.file.Path;
import org.silkrail.model.ModelSpec;

/**
 * A scenario read, merged, overridden, checked and bound: what {@code silkrail run} simulates.
 *
 * @param id the {@code scenario:} id
 * @param title the {@code title:}, or the id when the file has none
 * @param file the file the user named
 * @param inputSha256 SHA-256 (hex) of the merged, override-applied scenario tree serialised
 *     canonically (keys sorted): the same inputs give the same hash, whatever the layout of the
 *     files
 * @param model the validated model input, in simulation units
 */
public record Scenario(String id, String title, Path file, String inputSha256, ModelSpec model) {
}
