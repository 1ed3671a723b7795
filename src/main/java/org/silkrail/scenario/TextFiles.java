package org.silkrail.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scenario, network and sweep files with bounds, so that no file makes silkrail hang or
 * run out of memory: only regular files are opened (never a directory, device such as
 * {@code /dev/zero}, or named pipe, which would block), the size is checked before reading and
 * again while reading, the text must be UTF-8 (the first bad byte is located by line and
 * column) and no line may be longer than {@value #MAX_LINE_CHARS} characters (the YAML parser
 * takes time quadratic in a line's length).
 *
 * <p>Stateless and thread-safe.
 */
final class TextFiles {
    /**
     * Largest file read: the shipped Eurasian network is 20 KiB; the YAML parser itself stops
     * at 3 Mi characters.
     */
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    /** Longest line: a line of the shipped files has at most 130 characters. */
    static final int MAX_LINE_CHARS = 10_000;

    private TextFiles() {
    }

    /**
     * A file name written in {@code file} (a {@code network:} or {@code extends:} value),
     * resolved against that file's directory; {@code null} with a problem when it is not a
     * possible file name (a NUL character).
     */
    static Path sibling(Path file, String name, Source at, String path,
            List<Diagnostic> problems) {
        try {
            Path named = Path.of(name);
            if (named.isAbsolute()) {
                return named.normalize();
            }
            Path dir = file.getParent();
            return (dir == null ? named : dir.resolve(named)).normalize();
        } catch (InvalidPathException e) {
            problems.add(Diagnostic.at(at, path, "not a file name: " + Excerpt.quote(name)
                    + " (" + e.getReason() + ")"));
            return null;
        }
    }

    /**
     * The text of {@code file}, or {@code null} after reporting why it cannot be read.
     *
     * @param namedAt where the file was named, or {@code null} for a file the user gave on the
     *     command line; problems of the file as a whole are placed there
     * @param what what the file should be, for messages: {@code "YAML file"}
     */
    static String read(Path file, Source namedAt, String path, List<Diagnostic> problems) {
        Source at = namedAt == null ? Source.wholeFile(file) : namedAt;
        // a file named inside another file is shown with its resolved path
        String shown = namedAt == null ? "" : file + ": ";
        if (!Files.exists(file)) {
            problems.add(Diagnostic.at(at, path, (namedAt == null ? "no such file"
                    : "no such file: " + file) + TreeLoader.nearFiles(file)));
            return null;
        }
        if (Files.isDirectory(file)) {
            problems.add(Diagnostic.at(at, path, file + " is a directory, not a YAML file"));
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(Diagnostic.at(at, path, file + " is not a regular file (a device,"
                    + " pipe or socket); only regular files are read"));
            return null;
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(Diagnostic.at(at, path, shown + tooLarge(size)));
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
        } catch (IOException | SecurityException e) {
            problems.add(Diagnostic.at(at, path, "cannot read " + file + ": "
                    + Excerpt.of(String.valueOf(e.getMessage()))));
            return null;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(Diagnostic.at(at, path, shown + tooLarge(bytes.length) + " (it grew"
                    + " while being read)"));
            return null;
        }
        return decode(file, bytes, problems);
    }

    private static String tooLarge(long bytes) {
        return "the file has " + bytes + " bytes; a scenario, network or sweep file may have at"
                + " most " + MAX_FILE_BYTES + " bytes (" + MAX_FILE_BYTES / (1024 * 1024)
                + " MiB)";
    }

    /** UTF-8 text, or null with a problem at the first malformed byte or overlong line. */
    static String decode(Path file, byte[] bytes, List<Diagnostic> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            Source at = placeOfEnd(file, out);
            problems.add(Diagnostic.at(at, "", "not UTF-8 text: byte 0x" + String.format("%02X",
                    bytes[in.position()] & 0xff) + " at byte offset " + in.position()
                    + "; save the file as UTF-8"));
            return null;
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        int lineNumber = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    problems.add(Diagnostic.at(new Source(file, lineNumber, MAX_LINE_CHARS + 1),
                            "", "line " + lineNumber + " has " + (i - lineStart)
                            + " characters; a line may have at most " + MAX_LINE_CHARS));
                    return null;
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineNumber++;
                lineStart = i + 1;
            }
        }
        return text;
    }

    /** The line and column just after {@code decoded}, the text before a bad byte. */
    private static Source placeOfEnd(Path file, CharSequence decoded) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= decoded.length()
                    || decoded.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Source(file, line, column);
    }
}
