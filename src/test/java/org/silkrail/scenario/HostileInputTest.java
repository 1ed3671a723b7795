package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each class of hostile or careless input that once crashed, hung, exhausted memory or was
 * silently dropped (issue 13) is refused with a located diagnostic, or read as the number it
 * writes: never another exception, never a hang, never a node, link or flow lost in silence.
 */
@Timeout(60)
class HostileInputTest {
    static final String BASE = """
            scenario: t
            horizon: 60d
            warmup: 10d
            replications: 2
            seed: 42
            network:
              nodes:
                XIA: {name: X, country: CN, lat: 34.4, lon: 109.07, gauge: 1435, kind: terminal, servers: 4, process: "lognormal(4h, 2h)"}
                AST: {name: A, country: CN, lat: 51.17, lon: 71.45, gauge: 1435, kind: terminal}
              links:
                XIA-AST: {from: XIA, to: AST, km: 3040, tracks: 1, sidings: 9, speed_kmh: 65, capacity: 60/day}
            demand:
              westbound:
                from: XIA
                to: AST
                trains: poisson(4/day)
                teu: uniform(90, 110)
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path base(String from, String to) throws IOException {
        assertThat(BASE).contains(from);
        return write("s.yaml", BASE.replace(from, to));
    }

    /** The one problem of loading FILE, formatted. */
    private static List<Diagnostic> problems(Path file) {
        try {
            ScenarioLoader.load(file, List.of());
        } catch (ScenarioException e) {
            assertThat(e.diagnostics()).allSatisfy(d -> {
                assertThat(d.format()).doesNotContain("\n", "\r", "\u001b");
                assertThat(d.format().length()).isLessThan(600);
            });
            return e.diagnostics();
        }
        return Assertions.fail("loaded without a problem: " + file);
    }

    private static Diagnostic only(Path file) {
        List<Diagnostic> all = problems(file);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            seed: 42 | seed: 99999999999999999999999 | seed: number too large
            seed: 42 | seed: 1e308 | seed: number too large
            seed: 42 | seed: -1e308 | seed: must be at least 0, got -1e308
            servers: 4, | servers: 1e20, | network.nodes.XIA.servers: must be at most 10000, got 1e20
            replications: 2 | replications: 5.5 | replications: expected a whole number, got 5.5
            horizon: 60d | horizon: 99999999999999999w | horizon: duration "99999999999999999w" is longer than 1000 years
            process: "lognormal(4h, 2h)" | process: "fixed(1e300w)" | network.nodes.XIA.process: fixed value: duration "1e300w" is longer than 1000 years
            seed: 42 | seed: !!binary aGVsbG8= | seed: YAML tags (!!binary) are not supported
            name: X | name: !foo X | network.nodes.XIA.name: YAML tags (!foo) are not supported
            capacity: 60/day | capacity: .nan | network.links.XIA-AST.capacity: expected a rate like 7/day
            trains: poisson(4/day) | trains: .nan | demand.westbound.trains: expected an arrival process
            lat: 34.4 | lat: .nan | network.nodes.XIA.lat: expected a
            teu: uniform(90, 110) | teu: .inf | demand.westbound.teu: expected a number
            teu: uniform(90, 110) | teu: 1e308 | demand.westbound.teu: must be at most 1000000, got "1e308"
            sidings: 9 | sidings: 2147483647 | network.links.XIA-AST.sidings: must be at most 10000
            replications: 2 | replications: 2147483647 | replications: must be at most 10000
            horizon: 60d | horizon: 40000d | horizon: horizon 40000d is longer than 100 years
            trains: poisson(4/day) | trains: poisson(1e6/day) | demand.westbound.trains: the demand generates about 6.00e+07 trains per replication
            """)
    void load_hostileValue_refusedAtItsPlace(String from, String to, String expected)
            throws IOException {
        Path file = base(from, to);

        assertThat(only(file).format()).startsWith(file + ":" + placeOfValue(to) + ": "
                + expected);
    }

    /** {@code line:col} of the value in {@code keyAndValue} ({@code seed: 42}) in the file. */
    private String placeOfValue(String keyAndValue) throws IOException {
        String text = Files.readString(dir.resolve("s.yaml"));
        int at = text.indexOf(keyAndValue) + keyAndValue.indexOf(':') + 2;
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (at - text.lastIndexOf('\n', at - 1));
    }

    @Test
    void load_wholeNumberDecimals_readAsTheNumberNotDropped() throws Exception {
        Path file = write("s.yaml", BASE.replace("servers: 4,", "servers: 4.0,")
                .replace("gauge: 1435, kind: terminal}", "gauge: 1435.0, kind: terminal}")
                .replace("replications: 2", "replications: 5.0").replace("sidings: 9", "sidings: 9e0"));

        Scenario s = ScenarioLoader.load(file, List.of());

        assertThat(s.model().run().replications()).isEqualTo(5);
        assertThat(s.model().network().nodes()).containsOnlyKeys("XIA", "AST");
        assertThat(s.model().network().nodes().get("XIA").servers()).isEqualTo(4);
        assertThat(s.model().network().nodes().get("AST").gaugeMm()).isEqualTo(1435);
        assertThat(s.model().network().links()).containsOnlyKeys("XIA-AST");
    }

    @Test
    void load_latitudeWithHugeNegativeExponent_readsAsZeroWithoutExpandingIt() throws Exception {
        Path file = base("lat: 34.4", "lat: 1e-999999999");

        Scenario s = ScenarioLoader.load(file, List.of());

        assertThat(s.model().network().nodes().get("XIA").lat()).isZero();
        assertThat(s.inputSha256()).hasSize(64);
    }

    @Test
    void load_nulInNetworkPath_refusedAsNotAFileName() throws IOException {
        Path file = write("s.yaml", "scenario: t\nnetwork: \"a\\0b.yaml\"\n");

        assertThat(only(file).format()).startsWith(file + ":2:10: network: not a file name:"
                + " \"a\\u0000b.yaml\"");
    }

    @Test
    void load_extendsChainOf40Files_refusedAtTheDepthLimit() throws IOException {
        for (int i = 1; i < 40; i++) {
            write("o" + i + ".yaml", "extends: o" + (i + 1) + ".yaml\nscenario: o" + i + "\n");
        }
        write("o40.yaml", BASE);

        Diagnostic d = only(dir.resolve("o1.yaml"));

        assertThat(d.message()).startsWith("more than 16 files deep");
        assertThat(d.line()).isEqualTo(1);
    }

    @Test
    void load_extendsEtcPasswd_refusedWithoutPrintingTheFile() throws IOException {
        Path passwd = Path.of("/etc/passwd");
        assumeThat(Files.isRegularFile(passwd)).isTrue();
        Path file = write("s.yaml", "extends: /etc/passwd\nscenario: t\n");

        String all = problems(file).toString();

        assertThat(all).contains("expected a map of keys like scenario:").doesNotContain("root");
    }

    @Test
    void load_extendsDevZero_refusedAsNotARegularFile() throws IOException {
        assumeThat(Files.exists(Path.of("/dev/zero"))).isTrue();
        Path file = write("s.yaml", "extends: /dev/zero\nscenario: t\n");

        assertThat(only(file).format()).isEqualTo(file + ":1:10: extends: /dev/zero is not a"
                + " regular file (a device, pipe or socket); only regular files are read");
    }

    @Test
    void load_namedPipeAsScenarioOrBase_refusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        int made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (IOException e) {
            made = -1;
        }
        assumeThat(made).isZero();
        Path file = write("s.yaml", "extends: pipe.yaml\nscenario: t\n");

        assertThat(only(file).message()).contains("is not a regular file");
        assertThat(only(fifo).message()).contains("is not a regular file");
    }

    @Test
    void load_fileOfFiveMegabytes_refusedBeforeReading() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(5L * 1024 * 1024);
        }

        assertThat(only(big).message()).isEqualTo("the file has 5242880 bytes; a scenario,"
                + " network or sweep file may have at most 2097152 bytes (2 MiB)");
    }

    @Test
    void load_directoryAsScenarioOrBase_refused() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Path file = write("s.yaml", "extends: sub\nscenario: t\n");

        assertThat(only(file).format()).contains(":1:10: extends: ").endsWith("sub is a"
                + " directory, not a YAML file");
        assertThat(only(dir.resolve("sub")).message()).endsWith("is a directory, not a YAML file");
    }

    @Test
    void load_durationWith400000Spaces_refusedQuickly() throws IOException {
        Path file = base("horizon: 60d", "horizon: 60" + " ".repeat(400_000) + "d");

        assertThat(only(file).format()).isEqualTo(file + ":2:10001: line 2 has 400012"
                + " characters; a line may have at most 10000");
    }

    @Test
    @Timeout(20)
    void load_quotedStringOfTwentyMegabytes_refusedBySizeBeforeReading() throws IOException {
        Path file = base("name: X,", "name: \"" + "x".repeat(20_000_000) + "\",");

        assertThat(only(file).message()).startsWith("the file has 20000");
    }

    @Test
    @Timeout(20)
    void load_quotedStringOfOneMegabyteOnShortLines_refusedQuickly() throws IOException {
        String longValue = ("x".repeat(99) + "\n    ").repeat(10_000);
        Path file = base("name: X,", "name: \"" + longValue + "\",");

        assertThat(only(file).message()).startsWith("a value of ").endsWith(
                "characters; a value may have at most 10000");
    }

    @Test
    @Timeout(20)
    void load_200000UnknownKeys_refusedQuickly() throws IOException {
        StringBuilder text = new StringBuilder(BASE);
        for (int i = 0; i < 200_000; i++) {
            text.append("k").append(i).append(": 1\n");
        }
        Path file = write("s.yaml", text.toString());

        assertThat(only(file).message()).isEqualTo("more than 100000 values in one file; a"
                + " scenario, network or sweep file may hold at most 100000");
    }

    @Test
    @Timeout(60)
    void load_20000UnknownKeys_eachReported() throws IOException {
        StringBuilder text = new StringBuilder(BASE);
        for (int i = 0; i < 20_000; i++) {
            text.append("k").append(i).append(": 1\n");
        }
        Path file = write("s.yaml", text.toString());

        assertThat(problems(file)).hasSize(20_000);
    }

    @Test
    void load_listsNested1000Deep_refusedAtTheDepthLimit() throws IOException {
        Path file = write("s.yaml", "scenario: t\ntitle: " + "[".repeat(1000) + "]".repeat(1000)
                + "\n");

        assertThat(only(file).message()).isEqualTo("maps and lists nested more than 32 deep;"
                + " at most 32");
    }

    @Test
    void load_longValueWithAnsiEscapeAndNewline_quotedAsShortEscapedExcerpt() throws IOException {
        Path file = base("kind: terminal}", "kind: \"\\e[31mred\\nline" + "x".repeat(9000) + "\"}");

        Diagnostic d = problems(file).get(0);

        assertThat(d.format()).contains("\"\\u001B[31mred\\nlinexxx").contains("(8953 more"
                + " characters)").doesNotContain("\u001b");
    }

    @Test
    void load_notUtf8_locatedAtTheFirstBadByte() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.write(file, "scenario: t\ntitle: caf\u00e9 \uFFFF".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(file);
        byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        bad[bad.length - 1] = (byte) 0xff;
        Files.write(file, bad);

        assertThat(only(file).format()).startsWith(file + ":2:14: not UTF-8 text: byte 0xFF");
    }

    @Test
    void load_crOnlyLineEnds_readAndPlacedOnTheRightLine() throws IOException {
        Path file = write("s.yaml", BASE.replace("km: 3040", "km: -1").replace("\n", "\r"));

        assertThat(only(file).format()).startsWith(file + ":11:" + (BASE.lines().toList().get(10)
                .indexOf("km: 3040") + 5) + ": network.links.XIA-AST.km: must be above 0");
    }

    @Test
    void load_missingBase_locatedAtTheExtendsValue() throws IOException {
        Path file = write("s.yaml", "scenario: t\nextends: nothere.yaml\n");

        assertThat(only(file).format()).startsWith(file + ":2:10: extends: no such file");
    }

    @Test
    void load_everyHostileFileOfThisTest_takesUnderTenSeconds() throws IOException {
        // the bounds keep each read linear: a file at the size limit of plain short lines
        StringBuilder text = new StringBuilder("scenario: t\ntitle: \"");
        while (text.length() < TextFiles.MAX_FILE_BYTES - 200) {
            text.append("y".repeat(80)).append("\n  ");
        }
        Path file = write("s.yaml", text.append("\"\n").toString());
        long start = System.nanoTime();

        assertThat(only(file).message()).startsWith("a value of ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void load_schemaAndBinderAgreeOnUnboundEntries_neverTheSafetyNet() {
        assertThatThrownBy(() -> ScenarioLoader.load(base("capacity: 60/day", "capacity: true"),
                List.of())).isInstanceOf(ScenarioException.class)
                .hasMessageNotContaining(Binder.UNBOUND);
    }
}
