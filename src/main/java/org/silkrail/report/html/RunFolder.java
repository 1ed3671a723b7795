package org.silkrail.report.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.silkrail.format.Csv;
import org.silkrail.format.Json;
import org.silkrail.report.ResultsJsonWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * The output folder of a finished {@code silkrail run} read back, to build its report again:
 * {@code results.json} (required), {@code network.geojson} for the map and {@code trains.csv}
 * for the transit histograms (each optional: without it the page says what is missing).
 */
public final class RunFolder {
    private RunFolder() {
    }

    /** True if {@code dir} holds a run's {@code results.json}. */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(ResultsJsonWriter.FILE_NAME));
    }

    /** The report page of the run in {@code dir}. */
    public static RunPage read(Path dir) throws ReportInputException, IOException {
        Path resultsFile = dir.resolve(ResultsJsonWriter.FILE_NAME);
        JsonNode results = readJson(resultsFile);
        if (results == null) {
            throw new ReportInputException(resultsFile, "not found");
        }
        if (!results.isObject() || !results.path("totals").isObject()) {
            throw new ReportInputException(resultsFile,
                    "not a silkrail results.json (no \"totals\" object)");
        }
        Path geometryFile = dir.resolve(NetworkGeometry.FILE_NAME);
        JsonNode geojson = readJson(geometryFile);
        NetworkGeometry network = null;
        if (geojson != null) {
            try {
                network = NetworkGeometry.fromGeoJson(geojson);
            } catch (IllegalArgumentException e) {
                throw new ReportInputException(geometryFile, e.getMessage());
            }
        }
        return new RunPage(results, network, readTrains(dir.resolve("trains.csv")));
    }

    /** The document, or {@code null} if the file does not exist. */
    static JsonNode readJson(Path file) throws ReportInputException, IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            // decimals are read as BigDecimal (Json.MAPPER), so the page embeds each number with
            // the digits the file has and a rebuilt report has the bytes of the one the run wrote
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw malformed(file, "malformed JSON", e);
        }
    }

    /** A parse error as {@code FILE:LINE:COL: what: message}, or without place if unknown. */
    static ReportInputException malformed(Path file, String what, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        String message = what + ": " + e.getOriginalMessage();
        if (at != null && at.getLineNr() > 0) {
            return new ReportInputException(file, at.getLineNr(), at.getColumnNr(), message);
        }
        return new ReportInputException(file, message);
    }

    /**
     * The histograms of {@code trains.csv} (columns {@code replication, id, transit_days}, one
     * row per delivered train), or {@code null} if there is no such file.
     */
    static TransitHistograms readTrains(Path file) throws ReportInputException, IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, List<Double>> byFlow = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Csv.Records csv = Csv.records(in)) {
            Csv.Record header = csv.next();
            List<String> columns = header == null ? List.of() : header.fields();
            int idColumn = columns.indexOf("id");
            int daysColumn = columns.indexOf("transit_days");
            if (idColumn < 0 || daysColumn < 0) {
                throw new ReportInputException(file, 1, 1,
                        "expected columns id and transit_days, got " + columns);
            }
            for (Csv.Record record = csv.next(); record != null; record = csv.next()) {
                List<String> f = record.fields();
                if (f.size() != columns.size()) {
                    throw new ReportInputException(file, record.line(), 1, "expected "
                            + columns.size() + " fields, got " + f.size());
                }
                String days = f.get(daysColumn);
                double value;
                try {
                    value = days.isEmpty() ? Double.NaN : Double.parseDouble(days);
                } catch (NumberFormatException e) {
                    throw new ReportInputException(file, record.line(),
                            record.column(daysColumn),
                            "transit_days: expected a number, got \"" + days + "\"");
                }
                byFlow.computeIfAbsent(f.get(idColumn), k -> new ArrayList<>()).add(value);
            }
        } catch (JacksonException e) {
            throw malformed(file, "malformed CSV", e);
        }
        Map<String, List<double[]>> observations = new LinkedHashMap<>();
        byFlow.forEach((id, values) -> observations.put(id,
                List.of(values.stream().mapToDouble(Double::doubleValue).toArray())));
        return TransitHistograms.of(observations);
    }
}
