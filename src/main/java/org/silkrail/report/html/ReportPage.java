package org.silkrail.report.html;

import java.io.IOException;
import java.io.OutputStream;

/** A report as one self-contained HTML page: of a run, a comparison of options or a sweep. */
public interface ReportPage {
    /** Writes the page as UTF-8; must not close {@code out}. */
    void writeTo(OutputStream out) throws IOException;
}
