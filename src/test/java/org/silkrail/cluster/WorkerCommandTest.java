package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.cli.Main;

/** Bad cluster arguments are refused with exit code 2 and a message, never a stack trace. */
class WorkerCommandTest {

    @TempDir
    static Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "worker --cluster 127.0.0.1 --sweep s --secret-file SECRET|expected HOST:PORT",
        "worker --cluster 127.0.0.1:5701 --secret-file SECRET|Missing required argument (specify"
                + " one of these)",
        "worker --cluster 127.0.0.1:5701 --sweep s --cluster-name n|mutually exclusive",
        "worker --cluster 192.0.2.10:5701 --sweep s --secret-file SECRET|no member of --cluster"
                + " 192.0.2.10:5701 is on this host",
        "worker --cluster 127.0.0.1:5701 --sweep s --threads 0 --secret-file SECRET|--threads"
                + " must be at least 1",
        "worker --cluster 127.0.0.1:5701 --sweep s --secret-file OPEN|others can read the"
                + " cluster secret; allow only its owner: chmod 600",
        "worker --cluster 127.0.0.1:5701 --sweep s --secret-file SHORT|the cluster secret is too"
                + " short: 5 bytes, at least 16",
        "worker --cluster 127.0.0.1:5701 --sweep s --secret-file MISSING|no such file",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 127.0.0.1:x --secret-file SECRET"
                + "|--cluster:",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 127.0.0.1:5701 --threads 2|give each"
                + " worker --threads",
        "sweep src/test/resources/sweep/tiny.yaml --cluster-name n|--cluster-name needs --cluster",
        "sweep src/test/resources/sweep/tiny.yaml --secret-file SECRET|--secret-file needs"
                + " --cluster",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 127.0.0.1:5701 --secret-file OPEN"
                + "|others can read the cluster secret",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 192.0.2.10:5701 --secret-file SECRET"
                + "|the coordinator joins the cluster as a member too"})
    void badArguments_exit2WithMessage(String line, String message) throws IOException {
        assertThat(run(line.split(" "))).contains(message);
    }

    /** Without --secret-file and SILKRAIL_CLUSTER_SECRET no cluster process starts. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "worker --cluster 127.0.0.1:5701 --sweep s",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 127.0.0.1:5701"})
    void noSecret_exit2NamingBothWaysToGiveIt(String line) throws IOException {
        assumeTrue(System.getenv(ClusterSecret.ENVIRONMENT_VARIABLE) == null,
                "the environment of this test run holds a cluster secret");
        assertThat(run(line.split(" "))).contains("a cluster needs the shared secret of its"
                + " members: give --secret-file FILE or set SILKRAIL_CLUSTER_SECRET");
    }

    /** Runs the command line with the secret files put in; exit 2 and no stack trace. */
    private static String run(String... args) throws IOException {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "worker-command-test-secret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path open = dir.resolve("open-secret");
        Files.writeString(open, "worker-command-test-secret\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path shortSecret = dir.resolve("short-secret");
        Files.writeString(shortSecret, "short\n");
        Files.setPosixFilePermissions(shortSecret, PosixFilePermissions.fromString("rw-------"));
        for (int i = 0; i < args.length; i++) {
            args[i] = switch (args[i]) {
                case "SECRET" -> secret.toString();
                case "OPEN" -> open.toString();
                case "SHORT" -> shortSecret.toString();
                case "MISSING" -> dir.resolve("missing").toString();
                default -> args[i];
            };
        }
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text).doesNotContain("\tat ");
        return text;
    }
}
