package org.silkrail.scenario;

import java.nio.file.Path;

/**
 * Where a value was written: file, 1-based line and column. Line 0 stands for the file as a
 * whole.
 */
record Source(Path file, int line, int column) {

    static Source wholeFile(Path file) {
        return new Source(file, 0, 0);
    }
}
