/**
 * Scenario files: YAML read from disk (or self-contained text from memory, which names no file:
 * {@code TextScenarioLoader}), checked against the JSON Schema, overlays ({@code extends:}),
 * {@code --set} overrides, unit and distribution parsing, and diagnostics that name file, line,
 * column and path. Produces a {@link org.silkrail.model.ModelSpec}.
 *
 * <p>Depends on {@code model}, {@code network} and {@code engine}; never on {@code cli} or
 * {@code experiment}.
 */
package org.silkrail.scenario;
