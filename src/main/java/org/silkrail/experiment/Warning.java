package org.silkrail.experiment;

import java.util.Objects;

/**
 * A warning about a run, written to {@code results.json} as {@code {kind, id, message}}.
 *
 * @param kind what was seen: {@code queue_growth}, {@code utilization} or {@code backlog}
 *     (see {@link OverloadCheck})
 * @param id the node or link it concerns
 * @param message one sentence for people, with the numbers behind it
 */
public record Warning(String kind, String id, String message) {
    public Warning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }
}
