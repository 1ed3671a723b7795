package org.silkrail.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.cli.Main;

/**
 * {@code silkrail worker} and {@code silkrail sweep --cluster} as separate processes on
 * loopback, as a user runs them: the coordinator is killed (SIGKILL) partway, restarted with
 * {@code --resume}, and the sweep ends with exactly the rows and summary of a local sweep.
 */
class ClusterProcessesTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void workerAndCoordinatorProcesses_killedCoordinatorResumed_rowsOfTheLocalSweep()
            throws Exception {
        Path sweep = dir.resolve("procs.yaml");
        // 18 runs of 500 days on one worker thread: a few seconds, long enough to kill partway
        Files.writeString(sweep, "sweep: procs\nbase: "
                + Path.of("scenarios/tiny-corridor.yaml").toAbsolutePath() + "\n"
                + "replications: 6\nseed: 3\nvary:\n  network.nodes.DOS.servers: [2, 3, 4]\n"
                + "  horizon: [500d]\n", StandardCharsets.UTF_8);
        List<Integer> ports = LoopbackCluster.freePorts(2);
        String members = "127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1);
        Path local = dir.resolve("local");
        Path cluster = dir.resolve("cluster");
        String secret = secretFile(dir).toString();

        Process worker = silkrail("worker", "worker", "--cluster", members, "--sweep", "procs",
                "--threads", "1", "--secret-file", secret);
        try {
            awaitLine(dir.resolve("worker.out"), "listening on 127.0.0.1:" + ports.get(0),
                    worker);

            Process first = silkrail("sweep-1", "sweep", sweep.toString(), "--cluster", members,
                    "--secret-file", secret, "--out", cluster.toString(), "--quiet");
            try {
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (rows(cluster) < 2 && first.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(first.isAlive()).as("coordinator alive after %d rows; stderr: %s",
                        rows(cluster), read(dir.resolve("sweep-1.err"))).isTrue();
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the cluster
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(rows(cluster)).isBetween(2, 17);

            Process resumed = silkrail("sweep-2", "sweep", sweep.toString(), "--cluster",
                    members, "--secret-file", secret, "--out", cluster.toString(), "--resume",
                    "--quiet");
            assertThat(resumed.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(resumed.exitValue()).as(read(dir.resolve("sweep-2.err"))).isZero();
            assertThat(read(dir.resolve("sweep-2.out"))).contains("18 runs (");
        } finally {
            worker.destroy(); // SIGTERM: the worker leaves gracefully
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(read(dir.resolve("worker.out"))).contains("stopped after");
        // what people see names the cluster by its label, never by the name that admits
        String label = MemberSettings.label("procs", MemberList.parse(members));
        String name = ClusterSecret.fromFile(Path.of(secret)).clusterName(label);
        assertThat(read(dir.resolve("worker.out"))).contains("in cluster " + label + ",");
        for (String output : List.of("worker.out", "worker.err", "sweep-1.out", "sweep-1.err",
                "sweep-2.out", "sweep-2.err")) {
            assertThat(read(dir.resolve(output))).as(output).doesNotContain(name);
        }

        assertThat(Main.execute("sweep", sweep.toString(), "--out", local.toString(),
                "--threads", "2", "--quiet")).isZero();
        assertThat(jsonl(cluster)).hasSize(18).doesNotHaveDuplicates().isEqualTo(jsonl(local));
        assertThat(Files.readAllBytes(cluster.resolve("summary.csv")))
                .isEqualTo(Files.readAllBytes(local.resolve("summary.csv")));
    }

    /** A secret file only its owner can read, as {@code --secret-file} demands. */
    static Path secretFile(Path dir) throws IOException {
        Path file = dir.resolve("cluster.secret");
        Files.writeString(file, "processes-test-secret-0123456789\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** {@code java -cp <this test's class path> org.silkrail.cli.Main ARGS}, output to files. */
    private Process silkrail(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.silkrail.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    private void awaitLine(Path file, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!read(file).contains(text) && process.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(read(file)).as("stderr: %s", read(dir.resolve("worker.err"))).contains(text);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static int rows(Path out) throws IOException {
        String text = read(out.resolve("sweep.jsonl"));
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** The JSON lines without their timing, sorted. */
    private static List<String> jsonl(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : read(out.resolve("sweep.jsonl")).split("\n")) {
            lines.add(line.replaceFirst(",\"wall_seconds\":[^}]*}$", "}"));
        }
        lines.sort(null);
        return lines;
    }
}
