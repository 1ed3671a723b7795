package org.silkrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.silkrail.experiment.RunResults;

/**
 * One output file of a run ({@code results.json}, {@code nodes.csv}, later {@code report.html}):
 * its name in the output directory and how to write it from the run's results.
 *
 * <p>Implementations are stateless and deterministic: the same results give the same bytes,
 * except values the schema marks as timing.
 */
public interface ReportWriter {

    /** The file's name inside the output directory. */
    String fileName();

    /** Writes the file's content to {@code out}; must not close it. */
    void write(RunResults results, OutputStream out) throws IOException;

    /** Writes the file atomically into {@code dir} and returns its path. */
    default Path writeTo(Path dir, RunResults results) throws IOException {
        Path target = dir.resolve(fileName());
        AtomicFiles.write(target, out -> write(results, out));
        return target;
    }
}
