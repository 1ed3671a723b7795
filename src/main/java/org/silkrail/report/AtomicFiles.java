package org.silkrail.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes output files so that a reader (or a crash) never sees half a file: the content goes to
 * a temporary file in the target's directory, is forced to disk, and is renamed over the target
 * in one atomic step. Afterwards the target holds either its old content or the whole new one.
 *
 * <p>The temporary file is named {@code .NAME.PID-N.tmp}, so it is hidden and never matches the
 * target; it is deleted when writing fails. It is created like any new file (mode 0666 less the
 * umask), not with {@code Files.createTempFile}'s owner-only permissions. Safe to call from
 * several threads, also for the same target (the last rename wins).
 *
 * <p>A process killed while writing leaves its temporary file behind. The first write of a
 * process into a directory removes such leftovers: regular files named like a temporary whose
 * process no longer runs (temporaries of live processes, this one included, are kept).
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();
    /** {@code .NAME.PID-N.tmp}, as {@link #createTemp} names them. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.([0-9]{1,18})-[0-9]+\\.tmp");
    /** Directories this process has cleaned of leftovers. */
    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {
    }

    /** Produces a file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code out}; must not close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Atomically replaces (or creates) {@code target} with the bytes {@code content} writes. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeLeftovers(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel),
                        1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            forceDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Atomically replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Deletes in {@code dir} the temporaries of processes that no longer run; once per
     * directory and process, best effort (a file that cannot be listed or deleted stays).
     */
    static void removeLeftovers(Path dir) {
        if (CLEANED.add(dir)) {
            removeLeftoversNow(dir);
        }
    }

    /**
     * Deletes in {@code dir} the temporaries of processes that no longer run, now (also where
     * this process cleaned before); best effort, like {@link #removeLeftovers}.
     */
    public static void removeLeftoversNow(Path dir) {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path file : files) {
                Matcher m = TEMPORARY.matcher(file.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != self && !ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | SecurityException e) {
            // leftovers harm nothing but space; the write itself goes on
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path temp = dir.resolve("." + name + "." + pid + "-" + COUNTER.incrementAndGet()
                    + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // left over by an earlier process with the same pid: take the next number
            }
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, so best effort. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file's content is already on disk; only the rename's durability is at stake
        }
    }
}
