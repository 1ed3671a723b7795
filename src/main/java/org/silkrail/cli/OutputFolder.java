package org.silkrail.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code --out} folder of {@code run}, {@code compare}, {@code sweep} and {@code capacity},
 * checked before anything is simulated: a folder that cannot be created or written is reported
 * with its reason (exit 2) at once, not after an hour of simulation. What earlier results in it
 * become is {@link OutputManifest}'s job.
 *
 * <p>The check creates the folder (with its parents) and creates and deletes one hidden file in
 * it, so permissions, read-only file systems, a full quota on inodes and a file standing where a
 * folder should be are all found the way the real writes would find them.
 */
final class OutputFolder {
    private static final AtomicLong PROBES = new AtomicLong();

    private OutputFolder() {
    }

    /**
     * Creates {@code dir} if needed and checks that a file can be written into it.
     *
     * @return {@code null} if it can, otherwise why not, e.g.
     *     {@code "cannot create it: out/x: Not a directory"}
     */
    static String problem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "exists and is not a directory";
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return "cannot create it: " + reason(e);
        }
        try {
            // named as AtomicFiles names its temporaries (.NAME.PID-N.tmp), so that a probe
            // left by a process killed right here is removed by the next write into the folder
            Path probe = dir.resolve(".silkrail-write-check." + ProcessHandle.current().pid()
                    + "-" + PROBES.incrementAndGet() + ".tmp");
            Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                    .close();
            Files.delete(probe);
        } catch (IOException e) {
            return "cannot write into it: " + reason(e);
        }
        return null;
    }

    /** {@code FILE: why}, as the operating system says it, e.g. "permission denied". */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException fs) {
            String why = fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName().replace("Exception", "")
                            .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            return fs.getFile() + ": " + why;
        }
        return String.valueOf(e.getMessage());
    }
}
