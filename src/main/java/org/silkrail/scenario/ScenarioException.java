package org.silkrail.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot be run, with every problem found in it, sorted by place. The message
 * is the formatted problems, one per line, so it can be printed as it is.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<Diagnostic> diagnostics;

    public ScenarioException(List<Diagnostic> diagnostics) {
        super(format(diagnostics));
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one diagnostic");
        }
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        Collections.sort(sorted);
        this.diagnostics = List.copyOf(sorted);
    }

    /** Every problem, sorted by file, line and column. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String format(List<Diagnostic> diagnostics) {
        return diagnostics.stream().sorted().map(Diagnostic::format)
                .collect(Collectors.joining("\n"));
    }
}
