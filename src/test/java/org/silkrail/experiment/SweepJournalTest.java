package org.silkrail.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.silkrail.engine.RandomStreams;
import org.silkrail.format.Csv;
import org.silkrail.report.Numbers;

/** The sweep journal's CSV through the shared dialect: odd values survive, resume still works. */
class SweepJournalTest {
    /** A grid value that needs every kind of quoting: a CRLF, a comma and quotes. */
    static final String ODD = "first\r\nsecond, \"third\"";

    @TempDir
    Path dir;

    @Test
    void append_valueWithQuotedNewline_readsBackAndResumes() throws Exception {
        SweepPlan plan = oddPlan();
        try (SweepJournal journal = SweepJournal.open(dir, plan, false, Numbers::format)) {
            journal.append(row(plan, 0, 0));
            journal.append(row(plan, 1, 0));
            journal.append(row(plan, 0, 1));
        }
        byte[] whole = Files.readAllBytes(dir.resolve(SweepJournal.CSV_FILE));

        List<List<String>> records = new ArrayList<>();
        try (Csv.Records in = Csv.records(new StringReader(
                new String(whole, StandardCharsets.UTF_8)))) {
            for (Csv.Record r = in.next(); r != null; r = in.next()) {
                records.add(r.fields());
            }
        }
        assertThat(records).hasSize(4);
        assertThat(records.get(1).get(1)).isEqualTo(ODD);
        assertThat(records.get(2).get(1)).isEqualTo("plain");

        // a crash while writing the fourth row: torn inside its quoted value, in both files
        Files.writeString(dir.resolve(SweepJournal.CSV_FILE), "1,\"first\r\nsec",
                StandardOpenOption.APPEND);
        Files.writeString(dir.resolve(SweepJournal.JSONL_FILE), "{\"variant\":1,",
                StandardOpenOption.APPEND);
        try (SweepJournal resumed = SweepJournal.open(dir, plan, true, Numbers::format)) {
            assertThat(resumed.kept()).isEqualTo(3);
            assertThat(resumed.done()).containsExactlyInAnyOrder(new TaskKey(0, 0),
                    new TaskKey(1, 0), new TaskKey(0, 1));
        }
        assertThat(Files.readAllBytes(dir.resolve(SweepJournal.CSV_FILE))).isEqualTo(whole);
        assertThat(SweepJournal.readRows(dir, plan)).hasSize(3);
    }

    @Test
    void open_csvRowMissingForACommittedLine_refusesToResume() throws Exception {
        SweepPlan plan = oddPlan();
        try (SweepJournal journal = SweepJournal.open(dir, plan, false, Numbers::format)) {
            journal.append(row(plan, 0, 0));
        }
        Path csv = dir.resolve(SweepJournal.CSV_FILE);
        String text = Files.readString(csv);
        // the header alone: the JSON line's row is gone
        Files.writeString(csv, text.substring(0, text.indexOf("\r\n") + 2));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> SweepJournal.open(dir, plan, true, Numbers::format))
                .isInstanceOf(SweepJournal.JournalException.class)
                .hasMessageContaining("has 0 complete rows");
    }

    private static SweepPlan oddPlan() throws Exception {
        SweepPlan small = SweepBackendContract.smallPlan();
        List<SweepPlan.Variant> variants = List.of(
                new SweepPlan.Variant(0, List.of(ODD), small.variants().get(0).overrides()),
                new SweepPlan.Variant(1, List.of("plain"), small.variants().get(1).overrides()));
        return new SweepPlan("odd", small.base(), small.parameters(), variants,
                small.replications(), small.rootSeed(), small.metrics());
    }

    private static SweepRow row(SweepPlan plan, int variant, int replication) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < plan.metricNames().size(); i++) {
            values.add(i + 0.25 * variant + replication);
        }
        return new SweepRow(variant, replication,
                new RandomStreams(plan.rootSeed()).replicationSeed(replication), values, 1.5);
    }
}
