package org.silkrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Progress of a long command (replications of {@code run}, runs of {@code compare} and
 * {@code sweep}) on stderr: a bar with rate and ETA when stderr is a terminal, otherwise a plain
 * line at the start, one every
 * {@link #LOG_INTERVAL_NANOS} while work finishes, and one at the end — readable in a CI log or
 * a batch job's output file. Nothing with {@code --quiet}.
 *
 * <pre>{@code
 * try (ProgressDisplay progress = ProgressDisplay.start("sweep caspian-fleet", 300, 0,
 *         "runs", "on 2 threads", err)) {
 *     ... progress.step(); ...   // from any thread
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #step} may be called from several threads at once. Plain lines are
 * written only from {@link #step} (no timer thread), so a quiet stretch prints nothing.
 */
final class ProgressDisplay implements AutoCloseable {
    /** Plain mode: at most one line per 10 s. */
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final String task;
    private final String unit;
    private final long total;
    private final long initial;
    private final PrintWriter err;
    private final ProgressBar bar;
    private final boolean plain;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastLogNanos = startNanos;

    private ProgressDisplay(String task, String unit, long total, long initial, PrintWriter err,
            ProgressBar bar, boolean plain) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.initial = initial;
        this.done = initial;
        this.err = err;
        this.bar = bar;
        this.plain = plain;
    }

    /**
     * Starts showing progress.
     *
     * @param task what runs, e.g. {@code "sweep caspian-fleet"}
     * @param total units of work in all
     * @param initial units already done (kept rows of a resumed sweep)
     * @param unit the unit's plural, e.g. {@code "runs"}
     * @param detail said once at the start in plain mode, e.g. {@code "on 2 threads"}
     */
    static ProgressDisplay start(String task, long total, long initial, String unit,
            String detail, PrintWriter err) {
        if (Main.GlobalOptions.quiet()) {
            return new ProgressDisplay(task, unit, total, initial, err, null, false);
        }
        if (stderrIsTerminal()) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .startsFrom(initial, Duration.ZERO).setUnit(" " + unit, 1).showSpeed()
                    .setSpeedUnit(ChronoUnit.MINUTES).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            return new ProgressDisplay(task, unit, total, initial, err, bar, false);
        }
        err.printf(Locale.ROOT, "silkrail: %s: %d %s%s%s%n", task, total, unit,
                initial > 0 ? " (" + initial + " done before)" : "",
                detail.isEmpty() ? "" : " " + detail);
        err.flush();
        return new ProgressDisplay(task, unit, total, initial, err, null, true);
    }

    /**
     * True if file descriptor 2 is a terminal. Not {@code System.console()}: that tests stdin and
     * stdout, so {@code run ... 2>log} on a terminal would fill the log with the bar's
     * carriage-return updates. JLine's exec provider asks {@code test -t 2} in a child process
     * that inherits this one's descriptors (a few milliseconds, once per command); where that
     * cannot run, the answer is no and the plain lines are printed.
     */
    static boolean stderrIsTerminal() {
        try {
            return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One more unit finished. */
    synchronized void step() {
        done++;
        if (bar != null) {
            bar.stepTo(done);
        } else if (plain) {
            long now = System.nanoTime();
            if (now - lastLogNanos >= LOG_INTERVAL_NANOS && done < total) {
                lastLogNanos = now;
                log(now);
            }
        }
    }

    private void log(long now) {
        double seconds = (now - startNanos) / 1e9;
        long fresh = done - initial;
        double perSecond = seconds > 0 ? fresh / seconds : 0;
        String eta = perSecond > 0 ? ", about " + duration((total - done) / perSecond) + " left"
                : "";
        err.printf(Locale.ROOT, "silkrail: %s: %d/%d %s (%d %%), %.2f %s/min%s%n", task, done,
                total, unit, total == 0 ? 100 : 100 * done / total, perSecond * 60, unit, eta);
        err.flush();
    }

    /** {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        } else if (plain) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            err.printf(Locale.ROOT, "silkrail: %s: %d/%d %s done in %s%n", task, done, total,
                    unit, duration(seconds));
            err.flush();
        }
    }
}
