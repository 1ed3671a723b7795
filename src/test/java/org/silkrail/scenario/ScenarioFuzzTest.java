package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.silkrail.model.ModelSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The input contract, fuzzed: seeded mutations of the shipped scenarios (characters, lines,
 * values replaced by hostile ones, quotes removed, keys renamed, line ends changed) either load
 * or fail with problems for people — never another exception (a stack trace and exit code 1),
 * never a hang, and never silent data loss: a node, link or flow written in the mutated file is
 * in the model, or the file is refused.
 *
 * <p>{@value #DEFAULT_CASES} cases run in {@code mvn verify}; more with
 * {@code mvn verify -Pfuzz} (or {@code -Dsilkrail.fuzz.cases=N}), another sequence with
 * {@code -Dsilkrail.fuzz.seed=S}. A failing case prints its seed, file and mutated text.
 */
class ScenarioFuzzTest {
    static final int DEFAULT_CASES = 1000;
    private static final Path SHIPPED = Path.of("scenarios");
    /** Files mutated, with weights: the small teaching scenario loads fastest. */
    private static final List<String> TARGETS = List.of("tiny-corridor.yaml",
            "tiny-corridor.yaml", "tiny-corridor.yaml", "tiny-corridor.yaml",
            "networks/eurasia-2025.yaml", "baseline-2025.yaml", "third-railway.yaml",
            "titr-expanded.yaml", "dostyk-disruption.yaml", "poland-closure.yaml");
    /** The scenario loaded when the target is a network file. */
    private static final String NETWORK_USER = "baseline-2025.yaml";
    private static final String INSERTS = ":{}[],-#'\"\t 0.a/(%)&*~!|>\n\r";
    /** Values that broke earlier versions (issue 13), and their relatives. */
    private static final List<String> HOSTILE = List.of("4.0", "1435.0", "5.0", "5.5", ".nan",
            ".NaN", ".inf", "-.inf", "1e308", "-1e308", "1e-999999999", "-1", "0", "0.0",
            "99999999999999999999999", "9223372036854775807", "2147483647", "1e7d",
            "99999999999999999w", "!!binary aGVsbG8=", "!foo x", "!!str 5", "\"a\\0b\"", "~",
            "null", "[]", "{}", "[1, 2]", "{a: 1}", "yes", "true", "0x1F", "0o17", "1_000",
            "\"\\e[31mred\\e[0m\"", "\"line\\nbreak\"", "/etc/passwd", "/dev/zero", ".", "..",
            "poisson(1e6/day)", "poisson(0/day)", "every(0s)", "every(1e-300s)",
            "lognormal(1e300w, 1h)", "lognormal(4h, 2h)", "\"lognormal(4h\"", "fixed(0)",
            "empirical([])", "empirical([1, 2])", "uniform(2, 1)", "triangular(1, 2, 3)",
            "erlang(0.5, 1h)", "when-full(101%, 48h)", "1e3", "+5", "-0", "\"\"", "' '",
            "x".repeat(300), "&a 5", "*a", "? complex", "- item", "|\n  block", ">\n  folded",
            "60/dya", "6hours", "28/day/day", "2147483648/day", "1e400", "-1e400");
    private static final Pattern VALUE = Pattern.compile(
            "(?<=: )(\"[^\"\\n]*\"|[^\\s#,{}\\[\\]\"][^#,{}\\[\\]\\n]*?)(?=\\s*(?:,|}|]|#|\\n|$))");
    private static final Pattern KEY = Pattern.compile("(?m)([A-Za-z_][A-Za-z0-9_-]*)(?=:[ \\n])");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]*)\"");

    @TempDir
    static Path work;
    private static final List<String> originals = new ArrayList<>();

    @BeforeAll
    static void copyShipped() throws IOException {
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path to = work.resolve(SHIPPED.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        for (String target : TARGETS) {
            originals.add(Files.readString(work.resolve(target)));
        }
    }

    @AfterAll
    static void forget() {
        originals.clear();
    }

    static Stream<Long> cases() {
        int n = Integer.getInteger("silkrail.fuzz.cases", DEFAULT_CASES);
        long seed = Long.getLong("silkrail.fuzz.seed", 20260520L);
        return Stream.iterate(seed, s -> s + 1).limit(n);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void load_mutatedShippedFile_loadsOrFailsWithLocatedProblemsOnly(long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int which = random.nextInt(TARGETS.size());
        String target = TARGETS.get(which);
        String original = originals.get(which);
        String mutated = original;
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            mutated = mutate(mutated, random);
        }
        Path file = work.resolve(target);
        Path loaded = target.startsWith("networks/") ? work.resolve(NETWORK_USER) : file;
        Files.writeString(file, mutated);
        String shown = mutated;
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check(file, loaded, shown),
                    () -> "seed " + seed + " hung on " + target + ":\n" + shown);
        } finally {
            Files.writeString(file, original);
        }
    }

    private static void check(Path file, Path loaded, String mutated) {
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(loaded, List.of());
        } catch (ScenarioException e) {
            assertThat(e.diagnostics()).as("problems of\n%s", mutated).isNotEmpty()
                    .allSatisfy(d -> {
                        String line = d.format();
                        assertThat(d.message()).isNotBlank();
                        assertThat(d.message()).doesNotContain(Binder.UNBOUND);
                        assertThat(line).doesNotContain("\n", "\r", "\u001b");
                        assertThat(line.length()).isLessThan(1000);
                        // located: a place in a file, or a file as a whole only when it
                        // cannot be read at all
                        assertThat(d.line() > 0 || d.path().isEmpty()).as(line).isTrue();
                    });
            return;
        } catch (Throwable t) {
            throw new AssertionError("not a problem for people: " + t + "\nin\n" + mutated, t);
        }
        for (String id : writtenIds(mutated, "nodes")) {
            assertThat(scenario.model().network().nodes()).as("node %s of\n%s", id, mutated)
                    .containsKey(id);
        }
        for (String id : writtenIds(mutated, "links")) {
            assertThat(scenario.model().network().links()).as("link %s of\n%s", id, mutated)
                    .containsKey(id);
        }
        ModelSpec model = scenario.model();
        for (String id : writtenIds(mutated, "demand")) {
            assertThat(model.demand()).as("flow %s of\n%s", id, mutated).containsKey(id);
        }
    }

    /**
     * The ids with a value other than null under {@code section} ({@code nodes}, {@code links},
     * {@code demand}) at the top of the file or under its {@code network:}, as SnakeYAML reads
     * the file: an independent view of what the file holds. Empty when SnakeYAML cannot read it.
     */
    private static Set<String> writtenIds(String text, String section) {
        Set<String> ids = new LinkedHashSet<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return ids;
        }
        List<MappingNode> holders = new ArrayList<>();
        if (root instanceof MappingNode m) {
            holders.add(m);
            Node network = valueOf(m, "network");
            if (network instanceof MappingNode n) {
                holders.add(n);
            }
        }
        for (MappingNode holder : holders) {
            if (valueOf(holder, section) instanceof MappingNode entries) {
                for (NodeTuple t : entries.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key
                            && !(t.getValueNode() instanceof ScalarNode v
                            && v.getTag().getValue().endsWith(":null"))) {
                        ids.add(key.getValue());
                    }
                }
            }
        }
        return ids;
    }

    private static Node valueOf(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    static String mutate(String text, SplittableRandom random) {
        switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> {
                return replaceValue(text, random);
            }
            case 4 -> {
                return unquote(text, random);
            }
            case 5 -> {
                return renameKey(text, random);
            }
            case 6 -> {
                return random.nextBoolean() ? text.replace("\n", "\r") : text.replace("\n",
                        "\r\n");
            }
            default -> {
                return MutatedScenarioTest.editCharactersOrLines(text, random, INSERTS);
            }
        }
    }

    private static String replaceValue(String text, SplittableRandom random) {
        List<int[]> spans = spans(VALUE, text, 1);
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    private static String unquote(String text, SplittableRandom random) {
        List<int[]> spans = spans(QUOTED, text, 0);
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + text.substring(span[0] + 1, span[1] - 1)
                + text.substring(span[1]);
    }

    private static String renameKey(String text, SplittableRandom random) {
        List<int[]> spans = spans(KEY, text, 1);
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String key = text.substring(span[0], span[1]);
        String renamed = switch (random.nextInt(3)) {
            case 0 -> key.substring(0, key.length() - 1);
            case 1 -> key + key.charAt(key.length() - 1);
            default -> key.toUpperCase(java.util.Locale.ROOT);
        };
        return text.substring(0, span[0]) + renamed + text.substring(span[1]);
    }

    private static List<int[]> spans(Pattern pattern, String text, int group) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(group), m.end(group)});
        }
        return spans;
    }

    static {
        if (!Files.isDirectory(SHIPPED)) {
            throw new UncheckedIOException(new IOException("run from the repository root: "
                    + SHIPPED.toAbsolutePath()));
        }
    }
}
