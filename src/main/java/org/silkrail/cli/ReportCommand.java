package org.silkrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.silkrail.report.AtomicFiles;
import org.silkrail.report.html.HtmlReportWriter;
import org.silkrail.report.html.ReportInputException;
import org.silkrail.report.html.RunFolder;
import org.silkrail.report.html.RunPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail report DIR}: builds {@code DIR/report.html} again from the results in DIR — a
 * run's {@code results.json}, with {@code network.geojson} for the map and {@code trains.csv}
 * for the transit histograms when they are there — and prints its path. The page is the one
 * {@code run} wrote for the same files, byte for byte.
 *
 * <p>Exit codes: 0 written; 2 DIR holds no results or a malformed file (named as
 * {@code file:line:col: message}); 1 internal failure.
 */
@Command(name = "report", description = "(Re)build DIR/report.html from the results in DIR.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Output directory of a run (holding results.json).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            return fail(err, dir + ": no such directory", Main.EXIT_BAD_INPUT);
        }
        if (!RunFolder.isRun(dir)) {
            return fail(err, dir + ": no results.json here; give the --out directory of a "
                    + "silkrail run", Main.EXIT_BAD_INPUT);
        }
        Path target = dir.resolve(HtmlReportWriter.FILE_NAME);
        try {
            RunPage page = RunFolder.read(dir);
            AtomicFiles.write(target, page::writeTo);
        } catch (ReportInputException e) {
            return fail(err, e.getMessage(), Main.EXIT_BAD_INPUT);
        } catch (IOException e) {
            return fail(err, "cannot write " + target + ": " + e.getMessage(),
                    Main.EXIT_INTERNAL);
        }
        out.println(target);
        out.flush();
        return Main.EXIT_OK;
    }

    private static int fail(PrintWriter err, String message, int exitCode) {
        err.println("silkrail report: " + message);
        err.flush();
        return exitCode;
    }
}
