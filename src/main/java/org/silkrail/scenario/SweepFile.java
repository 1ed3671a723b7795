package org.silkrail.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A sweep file read and checked: the base scenario, the grid of values to vary and the
 * replications (PRODUCT.md §3). Every variant of the grid has been loaded and found valid, so a
 * sweep never fails halfway on bad input.
 *
 * <pre>{@code
 * sweep: caspian-fleet
 * base: ../titr-expanded.yaml          # relative to the sweep file
 * replications: 30
 * vary:
 *   network.links.AKU-ALAT.vessels: [6, 7, 8, 9, 10]
 *   demand.xian-titr.trains: [poisson(1/day), poisson(2/day)]
 * }</pre>
 *
 * @param file the sweep file as the user named it
 * @param name the {@code sweep:} id
 * @param base the base scenario's file, resolved against the sweep file's directory
 * @param baseContent the base scenario merged into one text, for workers without the files
 * @param baseScenario the base scenario as loaded (no overrides)
 * @param replications replications per variant ({@code replications:}, else the base's)
 * @param seed root seed of every variant ({@code seed:}, else the base's)
 * @param parameters the varied scenario paths, in file order
 * @param variants every combination of the values, the last parameter varying fastest
 * @param keyNodes node ids whose waits each row reports ({@code nodes:}); empty when the file
 *     names none (the default choice is then the experiment's)
 */
public record SweepFile(Path file, String name, Path base, ScenarioContent baseContent,
        Scenario baseScenario, int replications, long seed, List<String> parameters,
        List<Variant> variants, List<String> keyNodes) {

    /**
     * One point of the grid.
     *
     * @param values each parameter's value as written in the sweep file
     *     ({@code 7}, {@code poisson(2/day)})
     * @param overrides {@code PATH=VALUE} overrides, one per parameter, that make the variant
     *     from the base (values as YAML: strings quoted, so {@code "6"} stays a string)
     */
    public record Variant(List<String> values, List<String> overrides) {
        public Variant {
            values = List.copyOf(values);
            overrides = List.copyOf(overrides);
        }
    }

    public SweepFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        variants = List.copyOf(variants);
        keyNodes = List.copyOf(keyNodes);
    }
}
