package org.silkrail.report.html;

import java.nio.file.Path;

/**
 * A results folder that cannot be reported on: a file missing, unreadable or malformed. The
 * message names the place for people, {@code DIR/results.json:3:7: message} when the position
 * is known.
 */
public final class ReportInputException extends Exception {
    private static final long serialVersionUID = 1L;

    ReportInputException(Path file, String message) {
        super(file + ": " + message);
    }

    ReportInputException(Path file, long line, long column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }
}
