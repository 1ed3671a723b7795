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
 * @param flag whether it is a yes/no value ({@code "true"}/{@code "false"}): written as a JSON
 *     boolean, and left out (key and CSV column) where no entity of the run has a value, so
 *     that a run without it writes what it wrote before the flag existed
 * @param <T> the per-replication result type
 */
public record Label<T>(String key, String meaning, Function<T, String> text, boolean flag) {
    public Label {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(text, "text");
    }

    /** A text label. */
    public Label(String key, String meaning, Function<T, String> text) {
        this(key, meaning, text, false);
    }

    /** A yes/no label; {@code value} gives {@code null} where the entity has none. */
    public static <T> Label<T> flag(String key, String meaning, Function<T, Boolean> value) {
        return new Label<>(key, meaning, e -> {
            Boolean b = value.apply(e);
            return b == null ? null : b.toString();
        }, true);
    }
}
