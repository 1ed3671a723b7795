package org.silkrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void write_newFile_createsItWithContentAndNoTemporaryLeft() throws IOException {
        Path target = dir.resolve("sub/results.json");
        AtomicFiles.write(target, "{}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("{}");
        assertThat(list(target.getParent())).containsExactly("results.json");
    }

    @Test
    void write_failureHalfway_keepsOldContentAndRemovesTemporary() throws IOException {
        Path target = dir.resolve("nodes.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // the temporary file holds partial bytes now; the target must still be the old one
            assertThat(Files.readString(target)).isEqualTo("old");
            assertThat(list(dir)).hasSize(2);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(list(dir)).containsExactly("nodes.csv");
    }

    @Test
    void write_existingFile_replacesWholeContent() throws IOException {
        Path target = dir.resolve("results.json");
        Files.writeString(target, "a much longer old content than the new one");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("new");
        assertThat(list(dir)).containsExactly("results.json");
    }

    @Test
    void write_runtimeFailure_alsoRemovesTemporary() {
        Path target = dir.resolve("x.csv");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void write_leftoversOfAKilledRun_removedButLiveProcessesTemporariesKept() throws IOException {
        // pid 4194304 is above Linux's pid_max, so no process runs under it
        Path dead = Files.writeString(dir.resolve(".results.json.4194304-7.tmp"), "half");
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path live = Files.writeString(dir.resolve(".nodes.csv." + parent + "-1.tmp"), "busy");
        Path own = Files.writeString(dir.resolve(".x.csv." + ProcessHandle.current().pid()
                + "-99999.tmp"), "mine");
        Path userFile = Files.writeString(dir.resolve(".notes.tmp"), "keep");

        AtomicFiles.write(dir.resolve("results.json"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(dead).doesNotExist();
        assertThat(live).exists();
        assertThat(own).exists();
        assertThat(userFile).exists();
    }

    private static java.util.List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
