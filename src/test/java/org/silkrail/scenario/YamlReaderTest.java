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
    void read_quotedDistributionInFlowMap_keepsItsCommasAndPlaces() {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = read("XIA: {servers: 6, process: \"lognormal(4h, 2h)\", quota: 2/day}\n"
                + "E: {teu: 'empirical([80, 90])', departs: \"when-full(80%, 48h)\"}\n", problems);

        Mapping xia = (Mapping) root.get("XIA");
        assertThat(problems).isEmpty();
        assertThat(xia.entries()).containsOnlyKeys("servers", "process", "quota");
        assertThat(xia.get("process")).isEqualTo(new Scalar(new Source(FILE, 1, 28),
                ScalarType.STRING, "lognormal(4h, 2h)"));
        assertThat(xia.get("quota").at()).isEqualTo(new Source(FILE, 1, 56));
        Mapping e = (Mapping) root.get("E");
        assertThat(((Scalar) e.get("teu")).text()).isEqualTo("empirical([80, 90])");
        assertThat(((Scalar) e.get("departs")).text()).isEqualTo("when-full(80%, 48h)");
    }

    @Test
    void read_blockStyleDistribution_keepsItsCommas() {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = read("XIA:\n  process: lognormal(4h, 2h)\n  teu: empirical([80, 90])\n",
                problems);

        assertThat(problems).isEmpty();
        Mapping xia = (Mapping) root.get("XIA");
        assertThat(((Scalar) xia.get("process")).text()).isEqualTo("lognormal(4h, 2h)");
        assertThat(((Scalar) xia.get("teu")).text()).isEqualTo("empirical([80, 90])");
    }

    @Test
    void read_plainDistributionCutAtCommaInFlowMap_reportsHowToWriteIt() {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = read("XIA: {servers: 6, process: lognormal(4h, 2h), quota: 2/day}\n",
                problems);

        assertThat(problems).extracting(Diagnostic::format).containsExactly(
                "x.yaml:1:28: XIA.process: standard YAML cuts \"lognormal(4h, 2h)\" at its comma"
                + " into \"lognormal(4h\" and a stray key \"2h)\": inside {…} a comma ends a"
                + " plain value; write process: \"lognormal(4h, 2h)\" in quotes, or the map in"
                + " block style");
        // the joined value stays, so that the rest of the file is checked as meant
        Mapping xia = (Mapping) root.get("XIA");
        assertThat(xia.entries()).containsOnlyKeys("servers", "process", "quota");
        assertThat(((Scalar) xia.get("process")).text()).isEqualTo("lognormal(4h, 2h)");
    }

    @Test
    void read_twoSplitValuesInOneMap_eachReportedWithoutDuplicateKeys() {
        List<Diagnostic> problems = new ArrayList<>();
        read("c: {every: uniform(1d, 2d), for: triangular(1h, 2h, 2h)}\n", problems);

        assertThat(problems).extracting(Diagnostic::path).containsExactly("c.every", "c.for");
        assertThat(problems.get(1).message()).contains("into \"triangular(1h\" and stray keys"
                + " \"2h, 2h)\"");
    }

    @Test
    void read_plainDistributionCutAtCommaInFlowList_reportsHowToWriteIt() {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = read("v: [uniform(90, 110), 3]\n", problems);

        assertThat(problems).extracting(Diagnostic::format).containsExactly(
                "x.yaml:1:5: v[0]: standard YAML cuts \"uniform(90, 110)\" at its comma into"
                + " \"uniform(90\" and a stray item \"110)\": inside […] a comma ends a plain"
                + " value; write \"uniform(90, 110)\" in quotes, or the list in block style");
        assertThat(((Sequence) root.get("v")).items()).hasSize(2);
    }

    @Test
    void read_bracketsOfPlainValueInFlowMap_syntaxErrorSaysToQuote() {
        List<Diagnostic> problems = new ArrayList<>();
        YamlReader.read(FILE, "f: {teu: empirical([80, 90]), trains: every(1d)}\n", problems);

        assertThat(problems).singleElement().extracting(Diagnostic::format).asString()
                .startsWith("x.yaml:1:20: YAML syntax error: ")
                .endsWith("write it in quotes, \"empirical([80, 90])\", or the map in block"
                        + " style");
    }

    @Test
    void read_unbalancedParenthesisWithoutStrayKey_notReported() {
        List<Diagnostic> problems = new ArrayList<>();
        Mapping root = read("n: {name: Karamay (Baikouquan, kind: junction}\n", problems);

        assertThat(problems).isEmpty();
        assertThat(((Scalar) ((Mapping) root.get("n")).get("name")).text())
                .isEqualTo("Karamay (Baikouquan");
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
