package org.silkrail.experiment;

import java.util.Objects;
import java.util.function.Function;

/**
 * A fixed text an entity reports alongside its statistics, the same in every replication, e.g.
 * a flow's {@code from} and {@code to} node ids. Written as a plain string in results.json and
 * as a text column in the section's CSV.
 *
 * @param key output key ({@code from})
 * @param meaning one sentence for people
 * @param text per replication, the entity's text, or {@code null} when it has none
 * @param <T> the per-replication result type
 */
public record Label<T>(String key, String meaning, Function<T, String> text) {
    public Label {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(text, "text");
    }
}
