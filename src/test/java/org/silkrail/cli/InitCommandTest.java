package org.silkrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void init_freshDirectory_writesFilesThatValidateAndRun() throws IOException {
        Path project = dir.resolve("my-corridor");

        Cli.Outcome init = Cli.execute("init", project.toString());

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("silkrail run " + project.resolve("scenario.yaml"));
        for (String name : InitCommand.FILES) {
            assertThat(project.resolve(name)).isRegularFile();
        }
        Cli.Outcome validate = Cli.execute("validate", project.resolve("scenario.yaml").toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();

        Path out = dir.resolve("out");
        Cli.Outcome run = Cli.execute("run", project.resolve("scenario.yaml").toString(),
                "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode results = JsonMapper.builder().build().readTree(out.resolve("results.json")
                .toFile());
        assertThat(results.path("replications").asInt()).isEqualTo(5);
        // trains get through to Duisburg in a plausible time
        double transitDays = results.path("flows").path("xian-duisburg").path("transit_days")
                .path("mean").asDouble();
        assertThat(transitDays).isBetween(8.0, 16.0);
        assertThat(results.path("totals").path("trains_delivered").path("mean").asDouble())
                .isGreaterThan(100);
        assertThat(out.resolve("report.html")).isRegularFile();
    }

    @Test
    void init_yamlFiles_nameSchemasThatAreWrittenBesideThem() throws IOException {
        Cli.Outcome init = Cli.execute("init", dir.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();

        JsonMapper json = JsonMapper.builder().build();
        for (String yaml : new String[] {"scenario.yaml", "network.yaml"}) {
            String first = Files.readAllLines(dir.resolve(yaml), StandardCharsets.UTF_8).get(0);
            assertThat(first).startsWith("# yaml-language-server: $schema=");
            Path schema = dir.resolve(first.substring(first.indexOf('=') + 1).strip());
            assertThat(schema).as(yaml + " names its schema").isRegularFile();
            assertThat(json.readTree(schema.toFile()).isObject()).isTrue();
        }
        // the network file's schema is the network part of the scenario schema
        JsonNode wrapper = json.readTree(dir.resolve("network-schema.json").toFile());
        String ref = wrapper.path("$ref").asString();
        assertThat(ref).startsWith("scenario-schema.json#/");
        JsonNode scenarioSchema = json.readTree(dir.resolve("scenario-schema.json").toFile());
        assertThat(scenarioSchema.at(ref.substring(ref.indexOf('#') + 1)).path("properties")
                .has("nodes")).isTrue();
    }

    @Test
    void init_nonEmptyDirectory_refusesWithExitTwoAndTouchesNothing() throws IOException {
        Files.writeString(dir.resolve("scenario.yaml"), "mine");

        Cli.Outcome init = Cli.execute("init", dir.toString());

        assertThat(init.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(init.err()).contains(dir + ": not empty", "--force");
        assertThat(Files.readString(dir.resolve("scenario.yaml"))).isEqualTo("mine");
        assertThat(dir.resolve("network.yaml")).doesNotExist();
    }

    @Test
    void init_nonEmptyDirectoryWithForce_replacesTheFilesAndKeepsOthers() throws IOException {
        Files.writeString(dir.resolve("scenario.yaml"), "mine");
        Files.writeString(dir.resolve("notes.txt"), "keep");

        Cli.Outcome init = Cli.execute("init", dir.toString(), "--force");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(Files.readString(dir.resolve("scenario.yaml"))).contains("scenario: ");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("keep");
    }

    @Test
    void init_pathIsAFile_refusesWithExitTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        Cli.Outcome init = Cli.execute("init", file.toString());

        assertThat(init.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(init.err()).contains("not a directory");
    }
}
