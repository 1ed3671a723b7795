package org.silkrail.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code silkrail} command. Exit codes: 0 success, 2 bad input (scenario or arguments),
 * 1 internal failure.
 */
@Command(name = "silkrail", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "Discrete-event simulator of China–Europe rail freight.",
        subcommands = {DemoCommand.class, ValidateCommand.class, NetworkCommand.class,
            RunCommand.class, ReportCommand.class, CompareCommand.class, SweepCommand.class,
            CapacityCommand.class,
            WorkerCommand.class, InitCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs a command line and returns its exit code; used by tests too. Global options start
     * from their defaults on every call, so one call's {@code -v} or {@code --quiet} does not
     * leak into the next in the same JVM.
     */
    public static int execute(String... args) {
        GlobalOptions.reset();
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("silkrail: internal error: " + ex);
            if (GlobalOptions.verbose) {
                ex.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run with -v for the stack trace)");
            }
            return EXIT_INTERNAL;
        });
        return cmd;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The silkrail version from the jar's resources. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/silkrail-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"silkrail " + version(),
                "Java " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.vm.name") + ")"};
        }
    }

    /** Options every command takes: {@code -v} for more logging, {@code --quiet} for less. */
    public static final class GlobalOptions {
        static volatile boolean verbose;
        static volatile boolean quiet;

        @Option(names = {"-v", "--verbose"}, description = "More logging (repeat for debug).")
        void setVerbose(boolean[] flags) {
            verbose = flags.length > 0;
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(flags.length > 1 ? Level.DEBUG : Level.INFO);
        }

        @Option(names = {"-q", "--quiet"}, description = "No progress output, only errors.")
        void setQuiet(boolean flag) {
            quiet = flag;
        }

        static void reset() {
            verbose = false;
            quiet = false;
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.WARN);
        }

        public static boolean quiet() {
            return quiet;
        }

        public static boolean verbose() {
            return verbose;
        }
    }
}
