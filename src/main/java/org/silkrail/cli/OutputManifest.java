package org.silkrail.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.silkrail.experiment.SweepJournal;
import org.silkrail.format.Json;
import org.silkrail.report.AtomicFiles;
import org.silkrail.report.CapacityJsonWriter;
import org.silkrail.report.ReportWriter;
import org.silkrail.report.ReportWriters;
import org.silkrail.report.html.HtmlReportWriter;
import org.silkrail.report.html.NetworkGeometry;
import org.silkrail.report.html.SweepFolder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record, in an output folder, of the files silkrail wrote there ({@value #FILE_NAME}), so
 * that a {@code run}, {@code compare}, {@code sweep} or {@code capacity} into a folder of
 * earlier results leaves nothing of them that could pass for its own: the files the record
 * lists and the new command does not write again are deleted before it simulates, and folders
 * of a compare's runs left empty go too.
 *
 * <p>Invariants: silkrail deletes only files the record lists (a user's notes beside the
 * results survive), never a sweep's rows ({@code sweep.csv}, {@code sweep.jsonl}: hours of
 * work), and only inside the folder and its direct subfolders (a listed path is relative, at
 * most one folder deep, without {@code .} or {@code ..}, through no symbolic link). A file
 * named like a silkrail output that the record does not list (results of a silkrail before the
 * record, or files put there by hand) and that the new command would not overwrite makes the
 * command refuse with exit 2, as do a sweep's rows in a folder that another command would
 * take and a record that cannot be read. The record lists the files a command is about to
 * write before it writes them, written atomically, so a command killed at any point leaves a
 * record that still covers every file silkrail wrote.
 *
 * <pre>{@code
 * OutputManifest.Claim claim = OutputManifest.claim(dir, "run", files);  // may refuse
 * claim.commit();                                   // deletes the stale files, writes the record
 * }</pre>
 */
final class OutputManifest {
    static final String FILE_NAME = ".silkrail-manifest.json";
    /** Output files never deleted: a sweep's rows. */
    static final Set<String> PROTECTED = Set.of(SweepJournal.CSV_FILE, SweepJournal.JSONL_FILE);
    /** Names shown in a refusal before "and N more". */
    private static final int SHOWN = 5;

    private OutputManifest() {
    }

    /** Why a command cannot write into an output folder; exit code 2. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The files every run writes: results.json, the CSV files, network.geojson, report.html. */
    static List<String> runFiles() {
        List<String> names = new ArrayList<>();
        for (ReportWriter w : ReportWriters.standard()) {
            names.add(w.fileName());
        }
        names.add(NetworkGeometry.FILE_NAME);
        names.add(HtmlReportWriter.FILE_NAME);
        return names;
    }

    /** Every name a silkrail command writes into its folder; a run's also into subfolders. */
    static Set<String> outputNames() {
        Set<String> names = new TreeSet<>(runFiles());
        names.add(RunCommand.WARMUP_FILE);
        names.add(CompareCommand.FILE_NAME);
        names.add(CapacityJsonWriter.FILE_NAME);
        names.add(SweepJournal.CSV_FILE);
        names.add(SweepJournal.JSONL_FILE);
        names.add(SweepJournal.PLAN_FILE);
        names.add(SweepFolder.SUMMARY);
        return names;
    }

    /**
     * Checks {@code dir} for a command that will write {@code files} (relative paths with
     * {@code /}) into it, and returns what {@link Claim#commit} will do. Deletes nothing.
     *
     * @throws Refused if the folder holds results this command may not remove or cannot
     *     account for, or a record that cannot be read
     */
    static Claim claim(Path dir, String command, Collection<String> files) throws Refused {
        Set<String> planned = new TreeSet<>(files);
        Set<String> listed = read(dir);
        Set<String> outputs = outputNames();
        Set<String> runNames = Set.copyOf(runFiles());
        List<String> stale = new ArrayList<>();
        List<String> unaccounted = new ArrayList<>();
        List<String> sweepRows = new ArrayList<>();
        List<String> present;
        try {
            present = regularFiles(dir);
        } catch (IOException e) {
            throw new Refused("cannot list what is in it (" + e.getClass().getSimpleName()
                    + "), so cannot tell earlier results from files of others");
        }
        for (String file : present) {
            if (file.equals(FILE_NAME) || planned.contains(file)) {
                continue;
            }
            String name = file.substring(file.indexOf('/') + 1);
            boolean looksOurs = file.contains("/") ? runNames.contains(name)
                    : outputs.contains(name);
            if (PROTECTED.contains(file)) {
                sweepRows.add(file);
            } else if (listed.contains(file)) {
                stale.add(file);
            } else if (looksOurs) {
                unaccounted.add(file);
            }
        }
        if (!sweepRows.isEmpty()) {
            throw new Refused("holds the rows of a sweep (" + String.join(", ", sweepRows)
                    + "), which silkrail never deletes; choose another --out for this " + command
                    + ", or move the sweep's files away yourself");
        }
        if (!unaccounted.isEmpty()) {
            throw new Refused("holds " + shown(unaccounted) + ", which this " + command
                    + " would not write again and no record of silkrail's in the folder ("
                    + FILE_NAME + ") accounts for (results of an older silkrail, or files put"
                    + " there by hand); remove them or choose another --out");
        }
        return new Claim(dir, command, planned, stale);
    }

    /**
     * Adds {@code file} to the record in {@code dir} (creating it): a file written into earlier
     * results ({@code silkrail report} redrawing report.html).
     */
    static void add(Path dir, String command, String file) throws IOException {
        Set<String> listed;
        try {
            listed = read(dir);
        } catch (Refused e) {
            return; // an unreadable record stays as it is: the next command refuses it
        }
        if (listed.add(file)) {
            write(dir, command, listed);
        }
    }

    /** What a command will delete in its folder, and the record it will leave. */
    static final class Claim {
        private final Path dir;
        private final String command;
        private final Set<String> planned;
        private final List<String> stale;

        private Claim(Path dir, String command, Set<String> planned, List<String> stale) {
            this.dir = dir;
            this.command = command;
            this.planned = planned;
            this.stale = List.copyOf(stale);
        }

        /** Files of earlier results that {@link #commit} deletes, relative to the folder. */
        List<String> stale() {
            return stale;
        }

        /**
         * Records the files about to be written (with the stale ones, until they are gone),
         * deletes the stale files, subfolders they leave empty and temporaries of killed
         * writes, then records only the files about to be written.
         */
        void commit() throws IOException {
            Set<String> both = new TreeSet<>(planned);
            both.addAll(stale);
            write(dir, command, both);
            Set<String> emptied = new TreeSet<>();
            for (String file : stale) {
                Path path = dir.resolve(file);
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(path);
                }
                int slash = file.indexOf('/');
                if (slash > 0) {
                    emptied.add(file.substring(0, slash));
                }
            }
            for (String folder : emptied) {
                Path sub = dir.resolve(folder);
                AtomicFiles.removeLeftoversNow(sub);
                try {
                    Files.delete(sub);
                } catch (IOException e) {
                    // not empty (a user's file in it) or gone: it stays, or is already gone
                }
            }
            AtomicFiles.removeLeftoversNow(dir);
            write(dir, command, planned);
        }
    }

    /** The files the record in {@code dir} lists; empty without a record. */
    private static Set<String> read(Path dir) throws Refused {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new TreeSet<>();
        }
        String problem;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problem = "it is not a regular file";
            } else if (Files.size(file) > 1 << 20) {
                problem = "it is larger than 1 MiB";
            } else {
                JsonNode root = Json.MAPPER.readTree(Files.readString(file,
                        StandardCharsets.UTF_8));
                JsonNode files = root.get("files");
                if (files == null || !files.isArray()) {
                    problem = "it has no list of files";
                } else {
                    Set<String> listed = new TreeSet<>();
                    problem = null;
                    int entry = 0;
                    for (JsonNode f : files) {
                        entry++;
                        if (!f.isString() || !isEntry(f.asString())) {
                            problem = "entry " + entry + " of its files is not"
                                    + " a file in the folder or in a folder in it";
                            break;
                        }
                        listed.add(f.asString());
                    }
                    if (problem == null) {
                        return listed;
                    }
                }
            }
        } catch (JacksonException e) {
            problem = "it is not the JSON silkrail writes";
        } catch (NoSuchFileException e) {
            return new TreeSet<>();
        } catch (IOException e) {
            // unreadable (permissions, not UTF-8): refused like a damaged record, exit 2
            problem = "cannot read it (" + e.getClass().getSimpleName() + ")";
        }
        throw new Refused("cannot use " + file + ": " + problem + "; silkrail deletes only"
                + " files its record lists: remove " + FILE_NAME + " (and the results it"
                + " described) or choose another --out");
    }

    /**
     * Whether {@code entry} names a file in the folder or in a direct subfolder: one or two
     * segments, none empty, {@code .} or {@code ..}, without {@code \\} or NUL.
     */
    static boolean isEntry(String entry) {
        String[] segments = entry.split("/", -1);
        if (segments.length > 2) {
            return false;
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
                return false;
            }
        }
        return true;
    }

    private static void write(Path dir, String command, Set<String> files) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("about", "the files silkrail wrote into this folder: the next silkrail run,"
                + " compare, sweep or capacity here deletes those it does not write again;"
                + " other files are left alone");
        root.put("written_by", "silkrail " + command);
        root.put("silkrail_version", Main.version());
        var list = root.putArray("files");
        files.forEach(list::add);
        AtomicFiles.write(dir.resolve(FILE_NAME), (Json.pretty().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Regular files in {@code dir} and its direct subfolders, as relative paths with '/'. */
    private static List<String> regularFiles(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(name);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(p)) {
                        for (Path q : inner) {
                            if (Files.isRegularFile(q, LinkOption.NOFOLLOW_LINKS)) {
                                found.add(name + "/" + q.getFileName());
                            }
                        }
                    }
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static String shown(List<String> files) {
        List<String> head = files.subList(0, Math.min(SHOWN, files.size()));
        return String.join(", ", head) + (files.size() > SHOWN ? " and " + (files.size() - SHOWN)
                + " more" : "");
    }
}
