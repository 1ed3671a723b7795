package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.silkrail.experiment.Metric;
import org.silkrail.experiment.ResultSchema;
import org.silkrail.experiment.Section;
import org.silkrail.experiment.SeriesKind;
import org.silkrail.experiment.Share;

/** docs/results.md must document every key the schema writes, with its unit. */
class ResultsDocTest {

    @Test
    void resultsDoc_everySchemaKey_hasARowWithItsUnit() throws IOException {
        String doc = Files.readString(Path.of("docs/results.md"));
        for (Section<?> section : ResultSchema.SECTIONS) {
            assertThat(doc).contains("### `" + section.key());
            for (Metric<?> m : section.metrics()) {
                assertThat(doc).as(section.key() + "." + m.key())
                        .contains("| `" + m.key() + "` | " + m.unit() + " |");
            }
            for (Share<?> s : section.shares()) {
                assertThat(doc).contains("| `" + s.key() + ".");
            }
            for (var label : section.labels()) {
                assertThat(doc).as(section.key() + "." + label.key())
                        .contains("| `" + label.key() + "` | |");
            }
            for (var breakdown : section.breakdowns()) {
                assertThat(doc).contains("| `" + breakdown.key() + ".");
            }
            for (var p : section.parts()) {
                assertThat(doc).contains("| `" + p.key() + ".");
            }
        }
        for (SeriesKind kind : ResultSchema.SERIES) {
            assertThat(doc).contains("| `" + kind.key() + "` | " + kind.unit() + " | "
                    + kind.period() + " |");
        }
        for (String cause : org.silkrail.model.Causes.NAMES) {
            assertThat(doc).as(cause).contains("| `" + cause + "` |");
        }
        for (var w : ReportWriters.standard()) {
            assertThat(doc).contains("| `" + w.fileName() + "` |");
        }
    }
}
