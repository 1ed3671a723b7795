package org.silkrail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.silkrail.report.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkrail init DIR}: writes a small, commented scenario and network that run as they
 * are ({@code scenario.yaml}, {@code network.yaml}), with the JSON Schemas their first lines
 * name for editors ({@code # yaml-language-server: $schema=…}), and prints the next commands to
 * try.
 *
 * <p>DIR is created when missing. A DIR that holds anything is refused (exit 2) unless
 * {@code --force} is given, and then only the four files are replaced.
 */
@Command(name = "init", description = "Write a small commented scenario and network into DIR.")
final class InitCommand implements Callable<Integer> {
    /** The files written, each from the classpath resource of the same name. */
    static final List<String> FILES = List.of("scenario.yaml", "network.yaml",
            "scenario-schema.json", "network-schema.json");
    private static final String TEMPLATES = "/org/silkrail/cli/init/";
    /** The schema that validate uses, so that the editor and silkrail check the same rules. */
    private static final String SCENARIO_SCHEMA = "/org/silkrail/scenario/scenario-schema.json";

    @Mixin
    Main.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write into "
            + "(created when missing; must be empty unless --force).")
    Path dir;

    @Option(names = "--force", description = "Write into DIR even when it is not empty, "
            + "replacing files of the same names.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return fail(err, dir + ": not a directory", Main.EXIT_BAD_INPUT);
        }
        try {
            if (!force && Files.isDirectory(dir) && !isEmpty(dir)) {
                return fail(err, dir + ": not empty; choose a new or empty directory, or pass "
                        + "--force to write " + String.join(", ", FILES) + " into it",
                        Main.EXIT_BAD_INPUT);
            }
            for (String name : FILES) {
                String resource = name.equals("scenario-schema.json") ? SCENARIO_SCHEMA
                        : TEMPLATES + name;
                byte[] content = read(resource);
                AtomicFiles.write(dir.resolve(name), o -> o.write(content));
            }
        } catch (IOException e) {
            return fail(err, "cannot write into " + dir + ": " + e.getMessage(),
                    Main.EXIT_INTERNAL);
        }
        Path scenario = dir.resolve("scenario.yaml");
        out.println("Wrote " + dir.resolve("scenario.yaml") + " and "
                + dir.resolve("network.yaml") + " (with their JSON Schemas for editors).");
        out.println("Next:");
        out.println("  silkrail run " + scenario + "            # simulate, then open the "
                + "report it names");
        out.println("  silkrail validate " + scenario + "       # check it after an edit");
        out.flush();
        return Main.EXIT_OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("init template missing from the classpath: "
                        + "resource=" + resource);
            }
            return in.readAllBytes();
        }
    }

    private static int fail(PrintWriter err, String message, int exitCode) {
        err.println("silkrail init: " + message);
        err.flush();
        return exitCode;
    }
}
