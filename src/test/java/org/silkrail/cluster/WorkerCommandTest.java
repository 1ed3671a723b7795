package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.silkrail.cli.Main;

/** Bad cluster arguments are refused with exit code 2 and a message, never a stack trace. */
class WorkerCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "worker --cluster 127.0.0.1 --sweep s|expected HOST:PORT",
        "worker --cluster 127.0.0.1:5701|Missing required argument (specify one of these)",
        "worker --cluster 127.0.0.1:5701 --sweep s --cluster-name n|mutually exclusive",
        "worker --cluster 192.0.2.10:5701 --sweep s|no member of --cluster 192.0.2.10:5701 is on"
                + " this host",
        "worker --cluster 127.0.0.1:5701 --sweep s --threads 0|--threads must be at least 1",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 127.0.0.1:x|--cluster:",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 127.0.0.1:5701 --threads 2|give each"
                + " worker --threads",
        "sweep src/test/resources/sweep/tiny.yaml --cluster-name n|--cluster-name needs --cluster",
        "sweep src/test/resources/sweep/tiny.yaml --cluster 192.0.2.10:5701|the coordinator joins"
                + " the cluster as a member too"})
    void badArguments_exit2WithMessage(String line, String message) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(line.split(" "));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text).contains(message).doesNotContain("\tat ");
    }
}
