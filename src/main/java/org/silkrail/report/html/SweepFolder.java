package org.silkrail.report.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.silkrail.format.Csv;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The output folder of a {@code silkrail sweep} read back for its report: {@code summary.csv}
 * (each variant's means with 95 % intervals; required) and {@code sweep-plan.json} (the sweep's
 * name, base, seed and replications; optional).
 *
 * <p>{@code summary.csv} columns: {@code variant}, one per varied scenario path,
 * {@code replications}, then {@code METRIC.mean}, {@code METRIC.ci95_low},
 * {@code METRIC.ci95_high} for each metric path ({@code totals.teu_per_year},
 * {@code nodes.DOS.wait_hours}); one row per variant; an empty field is a missing number.
 */
public final class SweepFolder {
    public static final String SUMMARY = "summary.csv";
    public static final String PLAN = "sweep-plan.json";

    private static final String[] SUFFIXES = {".mean", ".ci95_low", ".ci95_high"};

    private SweepFolder() {
    }

    /** True if {@code dir} holds a sweep's {@code summary.csv}. */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(SUMMARY));
    }

    /** The report page of the sweep in {@code dir}. */
    public static SweepPage read(Path dir) throws ReportInputException, IOException {
        Path file = dir.resolve(SUMMARY);
        List<Csv.Record> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Csv.Records csv = Csv.records(in)) {
            for (Csv.Record r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
        } catch (JacksonException e) {
            throw RunFolder.malformed(file, "malformed CSV", e);
        }
        if (records.isEmpty()) {
            throw new ReportInputException(file, "empty: the sweep has not finished (run it "
                    + "again with --resume)");
        }
        Csv.Record headerRecord = records.get(0);
        List<String> header = headerRecord.fields();
        int replicationsColumn = header.indexOf("replications");
        if (header.isEmpty() || !header.get(0).equals("variant") || replicationsColumn < 0
                || (header.size() - replicationsColumn - 1) % 3 != 0) {
            throw new ReportInputException(file, headerRecord.line(), 1, "expected the columns"
                    + " variant, the varied paths, replications and METRIC.mean,"
                    + " METRIC.ci95_low, METRIC.ci95_high per metric");
        }
        List<String> parameters = header.subList(1, replicationsColumn);
        List<String> metrics = new ArrayList<>();
        for (int c = replicationsColumn + 1; c < header.size(); c += 3) {
            String mean = header.get(c);
            String metric = mean.endsWith(SUFFIXES[0])
                    ? mean.substring(0, mean.length() - SUFFIXES[0].length()) : null;
            for (int k = 0; k < 3; k++) {
                if (metric == null || !header.get(c + k).equals(metric + SUFFIXES[k])) {
                    throw new ReportInputException(file, headerRecord.line(),
                            headerRecord.column(c + k), "expected "
                                    + (metric == null ? "METRIC" : metric) + SUFFIXES[k]
                                    + ", got " + header.get(c + k));
                }
            }
            metrics.add(metric);
        }
        List<SweepPage.Variant> variants = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            List<String> f = record.fields();
            if (f.size() != header.size()) {
                throw new ReportInputException(file, record.line(), 1, "expected "
                        + header.size() + " fields, got " + f.size());
            }
            double[][] stats = new double[metrics.size()][3];
            for (int m = 0; m < metrics.size(); m++) {
                for (int k = 0; k < 3; k++) {
                    int c = replicationsColumn + 1 + 3 * m + k;
                    stats[m][k] = number(f.get(c), file, record, c);
                }
            }
            variants.add(new SweepPage.Variant(f.get(0), f.subList(1, replicationsColumn),
                    (int) number(f.get(replicationsColumn), file, record, replicationsColumn),
                    stats));
        }
        JsonNode plan = RunFolder.readJson(dir.resolve(PLAN));
        String name = plan != null && plan.path("sweep").isString()
                ? plan.path("sweep").asString() : fileName(dir);
        return new SweepPage(name, plan, parameters, metrics, variants);
    }

    private static String fileName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "sweep" : name.toString();
    }

    private static double number(String field, Path file, Csv.Record record, int index)
            throws ReportInputException {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new ReportInputException(file, record.line(), record.column(index),
                    "expected a number, got \"" + field + "\"");
        }
    }
}
