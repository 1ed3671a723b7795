package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.silkrail.scenario.YamlNode.Entry;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.Sequence;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Every YAML file silkrail ships reads the same in an independent YAML reader (SnakeYAML, the
 * parser behind many Java tools; it resolves scalars as PyYAML does) as in silkrail: same keys,
 * items, scalar texts and types, at the same lines and columns. A value that only silkrail could
 * read (a distribution with commas, unquoted inside {…}) fails here.
 */
class StandardYamlTest {
    static Stream<Path> shippedYaml() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("scenarios"), Path.of("src/main/resources"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @Test
    void shippedYaml_includesTheNetworkAndTheSweeps() throws IOException {
        assertThat(shippedYaml().map(Path::toString).toList()).contains(
                Path.of("scenarios/networks/eurasia-2025.yaml").toString(),
                Path.of("scenarios/sweeps/caspian-fleet.yaml").toString(),
                Path.of("scenarios/baseline-2025.yaml").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedYaml")
    void read_shippedFile_sameTreeAsSnakeYaml(Path file) throws IOException {
        String text = Files.readString(file);
        List<Diagnostic> problems = new ArrayList<>();
        YamlNode ours = YamlReader.read(file, text, problems);
        Node theirs = new Yaml(new LoaderOptions()).compose(new StringReader(text));

        assertThat(problems).isEmpty();
        assertThat(plain(ours, true)).isEqualTo(plain(theirs, true));
        assertThat(plain(ours, false)).isEqualTo(plain(theirs, false));
    }

    @Test
    void read_unquotedDistributionInFlowMap_treesDiffer() {
        // the guard above can fail: this is what an unquoted distribution does to other readers
        String text = "n: {servers: 4, process: lognormal(6h, 3h)}\n";
        YamlNode ours = YamlReader.read(Path.of("x.yaml"), text, new ArrayList<>());
        Node theirs = new Yaml(new LoaderOptions()).compose(new StringReader(text));

        assertThat(plain(theirs, false).toString()).contains("process=str lognormal(6h",
                "3h)=null");
        assertThat(plain(ours, false)).isNotEqualTo(plain(theirs, false));
    }

    /** Silkrail's tree as maps, lists and "type text" scalars; with places when asked. */
    private static Object plain(YamlNode node, boolean places) {
        String at = places ? "@" + node.at().line() + ":" + node.at().column() + " " : "";
        if (node instanceof Mapping m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Entry e : m.entries().values()) {
                String keyAt = places ? "@" + e.keyAt().line() + ":" + e.keyAt().column() + " "
                        : "";
                map.put(keyAt + e.key(), plain(e.value(), places));
            }
            return map;
        }
        if (node instanceof Sequence s) {
            List<Object> list = new ArrayList<>();
            s.items().forEach(item -> list.add(plain(item, places)));
            return at.isEmpty() ? list : List.of(at, list);
        }
        Scalar scalar = (Scalar) node;
        return at + switch (scalar.type()) {
            case NULL -> "null";
            case BOOLEAN -> "bool " + scalar.text();
            case INTEGER -> "int " + scalar.text();
            case DECIMAL -> "float " + scalar.text();
            case STRING -> "str " + scalar.text();
        };
    }

    /** SnakeYAML's composed tree in the same form (its marks are 0-based). */
    private static Object plain(Node node, boolean places) {
        String at = places ? "@" + (node.getStartMark().getLine() + 1) + ":"
                + (node.getStartMark().getColumn() + 1) + " " : "";
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                ScalarNode key = (ScalarNode) t.getKeyNode();
                String keyAt = places ? "@" + (key.getStartMark().getLine() + 1) + ":"
                        + (key.getStartMark().getColumn() + 1) + " " : "";
                map.put(keyAt + key.getValue(), plain(t.getValueNode(), places));
            }
            return map;
        }
        if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>();
            s.getValue().forEach(item -> list.add(plain(item, places)));
            return at.isEmpty() ? list : List.of(at, list);
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String type = tag.equals(Tag.NULL) ? "null" : tag.equals(Tag.BOOL) ? "bool "
                : tag.equals(Tag.INT) ? "int " : tag.equals(Tag.FLOAT) ? "float "
                : tag.equals(Tag.STR) ? "str " : tag.getValue() + " ";
        return at + (type.equals("null") ? type : type + scalar.getValue());
    }
}
