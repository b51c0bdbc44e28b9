package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.compare.CompareException;
import io.github.metricparity.conformance.external.ExternalAdapterException;
import io.github.metricparity.conformance.golden.GoldenFormatException;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.spi.MetricException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code parity} command line (picocli: {@code --help} on every command, did-you-mean suggestions for mistyped
 * commands and options).
 *
 * <pre>
 * java -jar parity.jar check [--cases FILE]... [--adapter ID] [--external CMD]... [--verbose]
 * java -jar parity.jar report [--cases FILE]... [--adapter ID] [--external CMD]... [--out DIR] [--format
 * console,html,json]
 * java -jar parity.jar compare --data FILE (--metrics LIST | --model FILE) [--keras-values FILE] [--framework-values
 * FILE] ...
 * java -jar parity.jar adapters [--external CMD]...
 * </pre>
 * Exit codes: 0 success; 1 a golden case failed ({@code check}, {@code report}) or a disagreement beyond tolerance
 * has no known cause ({@code compare}); 2 a usage error, a malformed input file or an external program that cannot
 * be started.
 */
@Command(name = "parity", mixinStandardHelpOptions = true, versionProvider = ParityCli.Version.class,
        subcommands = {CheckCommand.class, ReportCommand.class, CompareCommand.class, AdaptersCommand.class},
        description = "Keras 3 metric parity on the JVM: golden cases through every adapter, the parity report, and "
                + "your own predictions compared with Keras's recorded values and your framework's metrics.")
public final class ParityCli implements Callable<Integer> {
    /** Exit code of a usage error or a malformed input. */
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public ParityCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // the CLI presents usage warnings itself (counted by check, grouped by report and compare)
        Diagnostics.setLogging(false);
        System.exit(new ParityCli(System.out, System.err).run(args));
    }

    /** Runs a command; returns the exit code. */
    public int run(String... args) {
        CommandLine cli = new CommandLine(this);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler(ParityCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException || e instanceof GoldenFormatException
                    || e instanceof ExternalAdapterException || e instanceof CompareException
                    || e instanceof MetricException || e instanceof IllegalArgumentException) {
                String prefix = e instanceof GoldenFormatException ? "malformed golden file: " : "";
                commandLine.getErr().println("parity: " + prefix + e.getMessage());
                return USAGE;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** A command line picocli cannot parse: the message, the closest command or option, and where help is. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter w = e.getCommandLine().getErr();
        w.println("parity: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> known = new ArrayList<>(e.getCommandLine().getSubcommands().keySet());
            e.getCommandLine().getCommandSpec().options().forEach(o -> known.addAll(List.of(o.names())));
            for (String typed : u.getUnmatched()) {
                List<String> close = Suggestions.closest(typed, known);
                if (!close.isEmpty()) {
                    w.println("Did you mean: " + String.join(" or ", close) + "?");
                    break;
                }
            }
        }
        w.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        return USAGE;
    }

    /** {@code parity} without a command: the usage, as an error. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return USAGE;
    }

    PrintStream out() {
        return out;
    }

    /** The jar's version from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ParityCli.class.getPackage().getImplementationVersion();
            return new String[] {"parity " + (v == null ? "(development build)" : v)};
        }
    }

    /** A command line that cannot be run. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
