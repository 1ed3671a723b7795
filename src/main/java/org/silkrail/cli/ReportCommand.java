package org.silkrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.silkrail.report.AtomicFiles;
import org.silkrail.report.html.CompareFolder;
import org.silkrail.report.html.HtmlReportWriter;
import org.silkrail.report.html.ReportInputException;
import org.silkrail.report.html.ReportPage;
import org.silkrail.report.html.RunFolder;
import org.silkrail.report.html.SweepFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail report DIR}: builds {@code DIR/report.html} from the results in DIR and prints
 * its path: for a run's folder from its {@code results.json}, with {@code network.geojson} for
 * the map and {@code trains.csv} for the transit chart when they are there (the page is the one
 * {@code run} wrote, byte for byte); for a comparison's folder from {@code comparison.json} and
 * the runs' {@code results.json} in its subfolders; for a sweep's folder from its
 * {@code summary.csv}, each metric against the varied parameters.
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
            description = "Output directory of a run (results.json), a comparison "
                    + "(comparison.json) or a sweep (summary.csv).")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            return fail(err, dir + ": no such directory", Main.EXIT_BAD_INPUT);
        }
        boolean comparison = CompareFolder.isComparison(dir);
        boolean sweep = SweepFolder.isSweep(dir);
        if (!comparison && !sweep && !RunFolder.isRun(dir)) {
            return fail(err, dir + ": no results.json, comparison.json or summary.csv here; "
                    + "give the --out directory of a silkrail run, compare or sweep",
                    Main.EXIT_BAD_INPUT);
        }
        Path target = dir.resolve(HtmlReportWriter.FILE_NAME);
        try {
            ReportPage page = comparison ? CompareFolder.read(dir)
                    : sweep ? SweepFolder.read(dir) : RunFolder.read(dir);
            AtomicFiles.write(target, page::writeTo);
            OutputManifest.add(dir, "report", HtmlReportWriter.FILE_NAME);
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
