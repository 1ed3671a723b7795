package org.silkrail.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@code silkrail} command lines in this JVM and captures what they print: the one helper
 * for every test that drives the CLI through {@link Main#execute}.
 */
public final class Cli {
    private Cli() {
    }

    public record Outcome(int exitCode, String out, String err) {
    }

    /** Locked on {@code System}: the streams are swapped for the whole JVM meanwhile. */
    public static Outcome execute(String... args) {
        synchronized (System.class) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = Main.execute(args);
                return new Outcome(code, out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }
}
