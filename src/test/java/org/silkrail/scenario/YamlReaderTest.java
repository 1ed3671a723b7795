package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.silkrail.scenario.YamlNode.Mapping;
import org.silkrail.scenario.YamlNode.Scalar;
import org.silkrail.scenario.YamlNode.ScalarType;
import org.silkrail.scenario.YamlNode.Sequence;

class YamlReaderTest {
    static final Path FILE = Path.of("x.yaml");

    static Mapping read(String text, List<Diagnostic> problems) {
        return (Mapping) YamlReader.read(FILE, text, problems);
    }

    @Test
    void read_distributionInFlowMap_keepsItsCommasAndPlaces() {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = read("XIA: {servers: 6, process: lognormal(4h, 2h), quota: 2/day}\n"
                + "E: {teu: empirical([80, 90]), departs: when-full(80%, 48h)}\n", problems);

        Mapping xia = (Mapping) root.get("XIA");
        assertThat(problems).isEmpty();
        assertThat(xia.entries()).containsOnlyKeys("servers", "process", "quota");
        assertThat(xia.get("process")).isEqualTo(new Scalar(new Source(FILE, 1, 28),
                ScalarType.STRING, "lognormal(4h, 2h)"));
        assertThat(xia.get("quota").at()).isEqualTo(new Source(FILE, 1, 54));
        Mapping e = (Mapping) root.get("E");
        assertThat(((Scalar) e.get("teu")).text()).isEqualTo("empirical([80, 90])");
        assertThat(((Scalar) e.get("departs")).text()).isEqualTo("when-full(80%, 48h)");
    }

    @Test
    void protect_leavesQuotesCommentsAndOuterCommasAlone() {
        String text = "a: {n: \"x (1, 2)\", m: 'it''s (a, b)', k: f(1, 2)} # g(3, 4)\n"
                + "t: Xi'an (west, east), [1, 2]\n";
        String protectedText = YamlReader.protect(text);

        assertThat(protectedText).hasSameSizeAs(text);
        assertThat(protectedText).startsWith("a: {n: \"x (1, 2)\", m: 'it''s (a, b)', k: f(1\uE000");
        assertThat(protectedText).contains("# g(3, 4)");
        assertThat(YamlReader.restore(protectedText)).isEqualTo(text);
    }

    @Test
    void read_scalarTypes_followYaml12CoreSchema() {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = read("i: 12\nd: 1.5\ns: '12'\nb: true\nn: ~\ne:\nw: yes\nl: [a, 2]\n",
                problems);

        assertThat(((Scalar) root.get("i")).type()).isEqualTo(ScalarType.INTEGER);
        assertThat(((Scalar) root.get("d")).type()).isEqualTo(ScalarType.DECIMAL);
        assertThat(((Scalar) root.get("s")).type()).isEqualTo(ScalarType.STRING);
        assertThat(((Scalar) root.get("b")).type()).isEqualTo(ScalarType.BOOLEAN);
        assertThat(((Scalar) root.get("n")).isNull()).isTrue();
        assertThat(((Scalar) root.get("e")).isNull()).isTrue();
        assertThat(((Scalar) root.get("w")).type()).isEqualTo(ScalarType.STRING);
        assertThat(((Sequence) root.get("l")).items()).hasSize(2);
    }

    @Test
    void read_duplicateKey_reportedAtSecondWithFirstLine() {
        List<Diagnostic> problems = new ArrayList<>();
        read("nodes:\n  A: 1\n  B: 2\n  A: 3\n", problems);

        assertThat(problems).extracting(Diagnostic::format).containsExactly(
                "x.yaml:4:3: nodes.A: duplicate key 'A' (first written at line 2)");
    }

    @Test
    void readValue_placesOnGivenLineAndShiftedColumn() {
        List<Diagnostic> problems = new ArrayList<>();
        YamlNode value = YamlReader.readValue(Path.of("--set"), "[A, B]", 3, 10, problems);

        assertThat(((Sequence) value).items().get(1).at()).isEqualTo(
                new Source(Path.of("--set"), 3, 15));
    }
}
