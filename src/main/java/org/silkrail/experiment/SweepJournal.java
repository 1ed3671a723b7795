package org.silkrail.experiment;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.regex.Pattern;
import org.silkrail.engine.RandomStreams;
import org.silkrail.format.Csv;
import org.silkrail.format.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of a sweep on disk, {@code sweep.csv} and {@code sweep.jsonl} (PRODUCT.md §4): one
 * line per finished run, appended and forced to disk before the next, never rewritten — so a
 * sweep killed at any instant keeps every run it finished, and {@link #open} with
 * {@code resume} finds exactly those.
 *
 * <p>Write order and recovery: a row goes to {@code sweep.csv}, then to {@code sweep.jsonl},
 * each forced ({@code fsync}) on its own. {@code sweep.jsonl} is the commit log: a run counts as
 * done once its JSON line is complete. On resume, a torn last line (the process died writing it)
 * is cut from either file, and a CSV row whose JSON line never made it is cut too; both files
 * then hold the same rows in the same order. Nothing else of an existing file is changed.
 *
 * <p>Columns: {@code variant}, one per varied path, {@code replication}, {@code seed},
 * {@code seed_hex} (the seed as text, for R and spreadsheets), one per metric path of the plan,
 * {@code wall_seconds}. Numbers use the caller's format (the project's one format: see
 * {@code report.Numbers}); a missing value is an empty CSV field and JSON
 * {@code null}. CSV is the project's one dialect ({@link Csv}: RFC 4180, CRLF record ends).
 *
 * <p>Threading: {@link #append} and {@link #close} are synchronized; a shutdown hook may close
 * the journal while rows arrive — the row being written completes, later rows are dropped.
 */
public final class SweepJournal implements AutoCloseable {
    public static final String CSV_FILE = "sweep.csv";
    public static final String JSONL_FILE = "sweep.jsonl";
    /** What the rows are rows of: checked on resume, so rows of two different sweeps never mix. */
    public static final String PLAN_FILE = "sweep-plan.json";

    private static final Pattern JSON_NUMBER = Pattern.compile(
            "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final SweepPlan plan;
    private final DoubleFunction<String> numberFormat;
    private final FileChannel csv;
    private final FileChannel jsonl;
    private final Set<TaskKey> done;
    private final int kept;
    private boolean closed;

    /** Existing rows that cannot be continued: another sweep's, or damaged beyond the tail. */
    public static final class JournalException extends Exception {
        private static final long serialVersionUID = 1L;

        JournalException(String message) {
            super(message);
        }
    }

    private SweepJournal(SweepPlan plan, DoubleFunction<String> numberFormat, FileChannel csv,
            FileChannel jsonl, Set<TaskKey> done) {
        this.plan = plan;
        this.numberFormat = numberFormat;
        this.csv = csv;
        this.jsonl = jsonl;
        this.done = Collections.unmodifiableSet(done);
        this.kept = done.size();
    }

    /**
     * Opens the journal in {@code dir}: with {@code resume}, keeps the rows there (after cutting
     * a torn tail) and continues after them; without, starts empty and refuses a directory that
     * already has rows.
     *
     * @param numberFormat text of a number, the empty string for NaN
     * @throws JournalException if rows exist without {@code resume}, or the rows there are not
     *     this plan's (other columns, variants or seeds), or a line before the last is damaged
     */
    public static SweepJournal open(Path dir, SweepPlan plan, boolean resume,
            DoubleFunction<String> numberFormat) throws IOException, JournalException {
        Objects.requireNonNull(numberFormat, "numberFormat");
        Path csvPath = dir.resolve(CSV_FILE);
        Path jsonlPath = dir.resolve(JSONL_FILE);
        boolean exists = Files.exists(csvPath) || Files.exists(jsonlPath);
        if (exists && !resume) {
            throw new JournalException(dir + " already holds sweep rows (" + CSV_FILE + ", "
                    + JSONL_FILE + "); pass --resume to continue that sweep, or choose another"
                    + " --out");
        }
        Files.createDirectories(dir);
        List<String> header = header(plan);
        String headerLine = Csv.record(header);
        Set<TaskKey> done = new HashSet<>();
        Path planPath = dir.resolve(PLAN_FILE);
        String manifest = Json.pretty().writeValueAsString(
                manifest(plan)) + "\n";
        if (exists && Files.exists(planPath)) {
            JsonNode written;
            try {
                written = Json.MAPPER.readTree(Files.readString(planPath));
            } catch (JacksonException e) {
                written = null;
            }
            // compared as parsed from text on both sides: number nodes then have equal types
            if (!Json.MAPPER.readTree(manifest).equals(written)) {
                throw new JournalException(planPath + ": the rows in " + dir + " are of another"
                        + " sweep (its base scenario, grid, replications or seed differ); choose"
                        + " another --out, or run the sweep file that wrote them");
            }
        }
        if (exists) {
            if (!Files.exists(jsonlPath) || !Files.exists(csvPath)) {
                throw new JournalException(dir + " has only one of " + CSV_FILE + " and "
                        + JSONL_FILE + "; cannot tell which runs finished");
            }
            List<TaskKey> committed = recoverJsonl(jsonlPath, plan, done);
            recoverCsv(csvPath, headerLine, committed, plan);
        }
        if (!exists || !Files.exists(planPath)) {
            try (FileChannel channel = FileChannel.open(planPath, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                write(channel, manifest);
            }
        }
        FileChannel csv = FileChannel.open(csvPath, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileChannel jsonl = FileChannel.open(jsonlPath, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (csv.size() == 0) {
            write(csv, headerLine);
        }
        return new SweepJournal(plan, numberFormat, csv, jsonl, done);
    }

    /** The runs whose rows were found on opening. */
    public Set<TaskKey> done() {
        return done;
    }

    /** How many rows were found on opening. */
    public int kept() {
        return kept;
    }

    /**
     * Appends one row to both files and forces it to disk. Does nothing after {@link #close}.
     *
     * @throws UncheckedIOException if a file cannot be written (disk full): the sweep must stop
     */
    public synchronized void append(SweepRow row) {
        if (closed) {
            return;
        }
        SweepPlan.Variant variant = plan.variants().get(row.variant());
        List<String> fields = new ArrayList<>();
        fields.add(Integer.toString(row.variant()));
        fields.addAll(variant.values());
        fields.add(Integer.toString(row.replication()));
        fields.add(Long.toString(row.seed()));
        fields.add(ResultSchema.seedHex(row.seed()));
        for (double v : row.values()) {
            fields.add(numberFormat.apply(v));
        }
        fields.add(numberFormat.apply(row.wallSeconds()));

        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("variant", row.variant());
        for (int i = 0; i < plan.parameters().size(); i++) {
            String value = variant.values().get(i);
            if (JSON_NUMBER.matcher(value).matches()) {
                json.put(plan.parameters().get(i), new BigDecimal(value));
            } else {
                json.put(plan.parameters().get(i), value);
            }
        }
        json.put("replication", row.replication());
        json.put("seed", row.seed());
        json.put("seed_hex", ResultSchema.seedHex(row.seed()));
        List<String> names = plan.metricNames();
        for (int i = 0; i < names.size(); i++) {
            putNumber(json, names.get(i), row.values().get(i));
        }
        putNumber(json, "wall_seconds", row.wallSeconds());
        try {
            write(csv, Csv.record(fields));
            write(jsonl, Json.MAPPER.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append a sweep row: " + e.getMessage(), e);
        }
    }

    private void putNumber(ObjectNode json, String key, double value) {
        String text = numberFormat.apply(value);
        if (text.isEmpty()) {
            json.putNull(key);
        } else {
            json.put(key, new BigDecimal(text));
        }
    }

    /** Closes both files; later rows are dropped. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            csv.close();
        } finally {
            jsonl.close();
        }
    }

    /** The identity of a plan as JSON: base content hash, grid, replications, seed, columns. */
    static ObjectNode manifest(SweepPlan plan) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("sweep", plan.name());
        m.put("base", plan.base().name());
        m.put("base_sha256", sha256(plan.base().text()));
        m.put("replications", plan.replications());
        m.put("seed", plan.rootSeed());
        var parameters = m.putArray("parameters");
        plan.parameters().forEach(parameters::add);
        var variants = m.putArray("variants");
        for (SweepPlan.Variant v : plan.variants()) {
            var values = variants.addArray();
            v.values().forEach(values::add);
        }
        var metrics = m.putArray("metrics");
        plan.metricNames().forEach(metrics::add);
        return m;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The CSV header, which is also the key order of every JSON line. */
    public static List<String> header(SweepPlan plan) {
        List<String> h = new ArrayList<>();
        h.add("variant");
        h.addAll(plan.parameters());
        h.add("replication");
        h.add("seed");
        h.add("seed_hex");
        h.addAll(plan.metricNames());
        h.add("wall_seconds");
        return h;
    }

    /**
     * The rows in {@code dir}'s {@code sweep.jsonl} as written (numbers as their text reads),
     * ignoring a torn last line; for the summary, which is computed from the written rows so that
     * it is the same whether or not the sweep was resumed.
     */
    public static List<SweepRow> readRows(Path dir, SweepPlan plan) throws IOException,
            JournalException {
        List<SweepRow> rows = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(dir.resolve(JSONL_FILE));
        int start = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineNumber++;
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                rows.add(parse(line, plan, dir.resolve(JSONL_FILE), lineNumber));
                start = i + 1;
            }
        }
        return rows;
    }

    /**
     * Reads the complete JSON lines, cuts a torn or unreadable last line, and returns the keys in
     * file order (also added to {@code done}).
     */
    private static List<TaskKey> recoverJsonl(Path path, SweepPlan plan, Set<TaskKey> done)
            throws IOException, JournalException {
        byte[] bytes = Files.readAllBytes(path);
        List<TaskKey> keys = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        long goodLength = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNumber++;
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            SweepRow row;
            try {
                row = parse(line, plan, path, lineNumber);
            } catch (JournalException e) {
                if (lastLine(bytes, i)) {
                    break; // damaged by the crash that interrupted the sweep: run it again
                }
                throw e;
            }
            if (!done.add(row.key())) {
                throw new JournalException(path + ":" + lineNumber + ": " + row.key()
                        + " appears twice");
            }
            keys.add(row.key());
            start = i + 1;
            goodLength = start;
        }
        truncate(path, goodLength);
        return keys;
    }

    private static boolean lastLine(byte[] bytes, int newlineAt) {
        for (int j = newlineAt + 1; j < bytes.length; j++) {
            if (bytes[j] == '\n') {
                return false;
            }
        }
        return true;
    }

    /** Keeps the header and the CSV rows whose JSON line is committed; cuts the rest. */
    private static void recoverCsv(Path path, String headerLine, List<TaskKey> committed,
            SweepPlan plan) throws IOException, JournalException {
        byte[] bytes = Files.readAllBytes(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.length() < headerLine.length() && headerLine.startsWith(text)
                && committed.isEmpty()) {
            truncate(path, 0); // died writing the header: it is written again
            return;
        }
        if (!text.startsWith(headerLine)) {
            throw new JournalException(path + ":1: the columns differ from this sweep's; it was"
                    + " written by another sweep file or version; choose another --out");
        }
        int replicationColumn = 1 + plan.parameters().size();
        int at = headerLine.length();
        try (Csv.Records records = Csv.records(new StringReader(text.substring(at)))) {
            for (int k = 0; k < committed.size(); k++) {
                Csv.Record record;
                try {
                    record = records.next();
                } catch (JacksonException e) {
                    record = null; // a quote never closed: the row is torn
                }
                // a row is whole when writing its fields again gives its text: then its
                // length is known exactly, line breaks inside quoted fields included
                String written = record == null ? null : Csv.record(record.fields());
                if (written == null || !text.startsWith(written, at)) {
                    throw new JournalException(path + ": has " + k + " complete rows but "
                            + JSONL_FILE + " has " + committed.size() + "; the files do not"
                            + " belong together");
                }
                List<String> fields = record.fields();
                TaskKey expected = committed.get(k);
                if (fields.size() <= replicationColumn
                        || !fields.get(0).equals(Integer.toString(expected.variant()))
                        || !fields.get(replicationColumn).equals(
                                Integer.toString(expected.replication()))) {
                    throw new JournalException(path + ":" + (record.line() + 1) + ": expected the"
                            + " row of " + expected + " as in " + JSONL_FILE + "; the files do"
                            + " not belong together");
                }
                at += written.length();
            }
        }
        // at most the one row whose JSON line was not committed, possibly torn, remains
        truncate(path, text.substring(0, at).getBytes(StandardCharsets.UTF_8).length);
    }

    private static SweepRow parse(String line, SweepPlan plan, Path path, int lineNumber)
            throws JournalException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new JournalException(path + ":" + lineNumber + ": not a JSON row");
        }
        String where = path + ":" + lineNumber + ": ";
        if (json == null || !json.isObject() || !json.path("variant").isIntegralNumber()
                || !json.path("replication").isIntegralNumber()
                || !json.path("seed").isIntegralNumber()) {
            throw new JournalException(where + "not a sweep row");
        }
        int variant = json.get("variant").asInt();
        int replication = json.get("replication").asInt();
        if (variant < 0 || variant >= plan.variants().size() || replication < 0
                || replication >= plan.replications()) {
            throw new JournalException(where + "variant " + variant + " replication "
                    + replication + " is not a run of this sweep (" + plan.variants().size()
                    + " variants, " + plan.replications() + " replications)");
        }
        long seed = json.get("seed").asLong();
        long expectedSeed = new RandomStreams(plan.rootSeed())
                .replicationSeed(replication);
        if (seed != expectedSeed) {
            throw new JournalException(where + "seed " + seed + " is not this sweep's seed for"
                    + " replication " + replication + " (" + expectedSeed + "): another --seed?");
        }
        SweepPlan.Variant v = plan.variants().get(variant);
        for (int i = 0; i < plan.parameters().size(); i++) {
            JsonNode value = json.get(plan.parameters().get(i));
            String text = value == null ? null : value.isNumber() ? value.decimalValue()
                    .toPlainString() : value.asString();
            if (text == null || !sameValue(text, v.values().get(i))) {
                throw new JournalException(where + plan.parameters().get(i) + " is " + text
                        + " but variant " + variant + " of this sweep has "
                        + v.values().get(i));
            }
        }
        List<Double> values = new ArrayList<>();
        for (String name : plan.metricNames()) {
            JsonNode value = json.get(name);
            if (value == null) {
                throw new JournalException(where + "no column " + name);
            }
            values.add(value.isNull() ? Double.NaN : value.asDouble());
        }
        JsonNode wall = json.get("wall_seconds");
        double wallSeconds = wall == null || wall.isNull() ? Double.NaN : wall.asDouble();
        return new SweepRow(variant, replication, seed, values, wallSeconds);
    }

    private static boolean sameValue(String read, String planned) {
        if (read.equals(planned)) {
            return true;
        }
        if (JSON_NUMBER.matcher(planned).matches()) {
            return new BigDecimal(read).compareTo(new BigDecimal(planned)) == 0;
        }
        return false;
    }

    private static void truncate(Path path, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            if (channel.size() > length) {
                channel.truncate(length);
                channel.force(true);
            }
        }
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }
}
