package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.experiment.FakeModel;
import org.silkrail.experiment.RunResults;
import org.silkrail.experiment.Stat;
import org.silkrail.format.Csv;
import org.silkrail.model.ReplicationResult;

class CsvWritersTest {
    @TempDir
    Path dir;

    @Test
    void writeAll_standardWriters_writeEveryFile() throws IOException {
        List<Path> written = ReportWriters.writeAll(ReportWriters.standard(),
                FakeModel.results(2, 3, 1), dir);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly(
                "results.json", "replications.csv", "flows.csv", "nodes.csv",
                "node_directions.csv", "node_monthly.csv", "links.csv", "routes.csv",
                "fleets.csv", "reforming.csv", "ports.csv",
                "route_share.csv",
                "time_breakdown_hours.csv", "wait_by_place_hours.csv", "trains.csv");
        assertThat(written).allMatch(Files::isRegularFile);
    }

    @Test
    void fleetsCsv_scenarioWithoutFleets_isTheHeaderOnly_andResultsJsonHasNoFleetsKey()
            throws IOException {
        RunResults results = FakeModel.results(2, 3, 1);
        List<List<String>> rows = read(new SectionCsv(
                org.silkrail.experiment.ResultSchema.FLEETS).writeTo(dir, results));
        String json = Files.readString(new ResultsJsonWriter().writeTo(dir, results));

        assertThat(rows).containsExactly(List.of("replication", "id", "kind", "size",
                "utilization", "in_use", "returning", "wait_hours", "takes", "trains_waited",
                "units_taken"));
        assertThat(json).doesNotContain("\"fleets\"").doesNotContain("\"reforming\"")
                .doesNotContain("\"ports\"")
                .contains("\"routes\"");
    }

    @Test
    void nodesCsv_parsesBackToTheReplicationValues() throws IOException {
        RunResults results = FakeModel.results(4, 3, 1);
        List<List<String>> rows = read(new SectionCsv(org.silkrail.experiment.ResultSchema.NODES)
                .writeTo(dir, results));
        assertThat(rows.get(0)).containsExactly("replication", "id", "arrivals", "wait_hours",
                "process_hours", "utilization", "queue_mean", "queue_max", "quota_hits",
                "teu_per_day");
        assertThat(rows).hasSize(1 + 4 * 4);
        double[] dosWaits = new double[4];
        for (List<String> row : rows.subList(1, rows.size())) {
            int r = Integer.parseInt(row.get(0));
            ReplicationResult.NodeResult node = results.replications().get(r).nodes()
                    .get(row.get(1));
            assertThat(Long.parseLong(row.get(2))).isEqualTo(node.arrivals());
            if (Double.isNaN(node.waitHours())) {
                assertThat(row.get(3)).isEmpty();
            } else {
                assertThat(Double.parseDouble(row.get(3)))
                        .isCloseTo(node.waitHours(), within(1e-10 * node.waitHours()));
            }
            if (row.get(1).equals("DOS")) {
                dosWaits[r] = Double.parseDouble(row.get(3));
            }
        }
        // the CSV's numbers give back results.json's statistic
        Stat fromCsv = Stat.of(dosWaits);
        Stat reported = results.nodes().get("DOS").get("wait_hours");
        assertThat(fromCsv.mean()).isCloseTo(reported.mean(), within(1e-9));
        assertThat(fromCsv.ci95High()).isCloseTo(reported.ci95High(), within(1e-9));
    }

    @Test
    void replicationsCsv_oneRowPerReplicationWithTotals() throws IOException {
        RunResults results = FakeModel.results(3, 5, 1);
        List<List<String>> rows = read(new ReplicationsCsv().writeTo(dir, results));
        assertThat(rows.get(0)).containsExactly("replication", "seed", "seed_hex",
                "measured_days", "events",
                "wall_seconds", "events_per_second", "trains_delivered", "teu_delivered",
                "teu_per_year", "transit_days", "trains_in_system_at_end");
        assertThat(rows).hasSize(4);
        double[] teuPerYear = rows.subList(1, 4).stream()
                .mapToDouble(row -> Double.parseDouble(row.get(9))).toArray();
        assertThat(Stat.of(teuPerYear).mean()).isCloseTo(
                results.totals().get("teu_per_year").mean(), within(1e-6));
        ReplicationResult second = results.replications().get(1);
        assertThat(Long.parseLong(rows.get(2).get(1))).isEqualTo(second.seed());
        // the same 64 bits as text: 0x and 16 hex digits of the two's complement
        assertThat(rows.get(2).get(2)).matches("0x[0-9a-f]{16}");
        assertThat(Long.parseUnsignedLong(rows.get(2).get(2).substring(2), 16))
                .isEqualTo(second.seed());
        assertThat(Double.parseDouble(rows.get(2).get(10))).isCloseTo(
                Arrays.stream(second.totals().transitDays()).average().orElseThrow(),
                within(1e-9));
    }

    @Test
    void flowsCsv_idWithCommaAndQuote_isQuotedPerRfc4180() throws IOException {
        Path file = new SectionCsv(org.silkrail.experiment.ResultSchema.FLOWS)
                .writeTo(dir, FakeModel.results(1, 5, 1));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n0,\"chongqing, \"\"duisburg\"\"\",");
        assertThat(read(file).get(2).get(1)).isEqualTo("chongqing, \"duisburg\"");
    }

    @Test
    void flowsCsv_labels_followTheId() throws IOException {
        List<List<String>> rows = read(new SectionCsv(org.silkrail.experiment.ResultSchema.FLOWS)
                .writeTo(dir, FakeModel.results(1, 5, 1)));
        assertThat(rows.get(0).subList(0, 4)).containsExactly("replication", "id", "from", "to");
        assertThat(rows.get(1).subList(1, 4)).containsExactly("xian-europe", "XIA", "DUI");
        // a flow whose ends were not recorded has empty fields, not "null"
        assertThat(rows.get(2).subList(2, 4)).containsExactly("", "");
    }

    @Test
    void nodeDirectionsCsv_givesBackTheDirectionStatistics() throws IOException {
        RunResults results = FakeModel.results(3, 5, 1);
        var nodes = org.silkrail.experiment.ResultSchema.NODES;
        List<List<String>> rows = read(new BreakdownCsv<>(nodes, nodes.breakdowns().get(0),
                "node_directions.csv").writeTo(dir, results));
        assertThat(rows.get(0).subList(0, 4)).containsExactly("replication", "id", "direction",
                "arrivals");
        double[] westArrivals = rows.stream().skip(1)
                .filter(r -> r.get(1).equals("DOS") && r.get(2).equals("west"))
                .mapToDouble(r -> Double.parseDouble(r.get(3))).toArray();
        assertThat(westArrivals).hasSize(3);
        assertThat(Stat.of(westArrivals).mean()).isCloseTo(results.nodes().get("DOS")
                .breakdown("directions").get("west").get("arrivals").mean(), within(1e-9));
    }

    @Test
    void trainsCsv_oneRowPerDeliveredTrain() throws IOException {
        RunResults results = FakeModel.results(2, 5, 1);
        List<List<String>> rows = read(
                new TrainsCsv<>(org.silkrail.experiment.ResultSchema.FLOWS, "trains.csv")
                        .writeTo(dir, results));
        long trains = results.replications().stream()
                .flatMap(r -> r.flows().values().stream())
                .mapToLong(f -> f.transitDays().length).sum();
        assertThat(rows).hasSize(1 + (int) trains);
        assertThat(rows.get(0)).containsExactly("replication", "id", "transit_days");
        double first = results.replications().get(0).flows().get("xian-europe").transitDays()[0];
        assertThat(Double.parseDouble(rows.get(1).get(2))).isCloseTo(first, within(1e-9));
    }

    @Test
    void routeShareCsv_sharesOfAFlowSumToOne() throws IOException {
        RunResults results = FakeModel.results(1, 5, 1);
        List<List<String>> rows = read(ReportWriters.standard().stream()
                .filter(w -> w.fileName().equals("route_share.csv")).findFirst().orElseThrow()
                .writeTo(dir, results));
        assertThat(rows.get(0)).containsExactly("replication", "id", "route", "trains",
                "route_share");
        double sum = rows.stream().skip(1).filter(r -> r.get(1).equals("xian-europe"))
                .mapToDouble(r -> Double.parseDouble(r.get(4))).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    private static List<List<String>> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<List<String>> rows = new ArrayList<>();
        try (Csv.Records records = Csv.records(new StringReader(text))) {
            for (Csv.Record r = records.next(); r != null; r = records.next()) {
                rows.add(r.fields());
            }
        }
        return rows;
    }
}
