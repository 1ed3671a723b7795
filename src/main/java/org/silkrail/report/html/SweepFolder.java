package org.silkrail.report.html;

import org.silkrail.report.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new ReportInputException(file, "empty: the sweep has not finished (run it "
                    + "again with --resume)");
        }
        List<String> header = Csv.parseRecord(lines.get(0));
        int replicationsColumn = header.indexOf("replications");
        if (header.isEmpty() || !header.get(0).equals("variant") || replicationsColumn < 0
                || (header.size() - replicationsColumn - 1) % 3 != 0) {
            throw new ReportInputException(file, 1, 1, "expected the columns variant, the "
                    + "varied paths, replications and METRIC.mean, METRIC.ci95_low, "
                    + "METRIC.ci95_high per metric");
        }
        List<String> parameters = header.subList(1, replicationsColumn);
        List<String> metrics = new ArrayList<>();
        for (int c = replicationsColumn + 1; c < header.size(); c += 3) {
            String mean = header.get(c);
            String metric = mean.endsWith(SUFFIXES[0])
                    ? mean.substring(0, mean.length() - SUFFIXES[0].length()) : null;
            for (int k = 0; k < 3; k++) {
                if (metric == null || !header.get(c + k).equals(metric + SUFFIXES[k])) {
                    throw new ReportInputException(file, 1, column(lines.get(0), c + k),
                            "expected " + (metric == null ? "METRIC" : metric) + SUFFIXES[k]
                                    + ", got " + header.get(c + k));
                }
            }
            metrics.add(metric);
        }
        List<SweepPage.Variant> variants = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> f = Csv.parseRecord(lines.get(i));
            if (f.size() != header.size()) {
                throw new ReportInputException(file, i + 1, 1, "expected " + header.size()
                        + " fields, got " + f.size());
            }
            double[][] stats = new double[metrics.size()][3];
            for (int m = 0; m < metrics.size(); m++) {
                for (int k = 0; k < 3; k++) {
                    int c = replicationsColumn + 1 + 3 * m + k;
                    stats[m][k] = number(f.get(c), file, i + 1, column(lines.get(i), c));
                }
            }
            variants.add(new SweepPage.Variant(f.get(0), f.subList(1, replicationsColumn),
                    (int) number(f.get(replicationsColumn), file, i + 1,
                            column(lines.get(i), replicationsColumn)), stats));
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

    private static double number(String field, Path file, int line, int column)
            throws ReportInputException {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new ReportInputException(file, line, column, "expected a number, got \""
                    + field + "\"");
        }
    }

    /** The 1-based column where field {@code index} of an unquoted record starts. */
    private static int column(String record, int index) {
        int column = 1;
        for (int i = 0, commas = 0; i < record.length() && commas < index; i++) {
            column++;
            if (record.charAt(i) == ',') {
                commas++;
            }
        }
        return column;
    }
}
