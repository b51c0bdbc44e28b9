package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.external.ExternalAdapterException;
import io.github.metricparity.conformance.external.ExternalProcessDriver;
import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenFormatException;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.golden.GoldenSets;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.report.ConsoleRenderer;
import io.github.metricparity.conformance.report.HtmlRenderer;
import io.github.metricparity.conformance.report.JsonRenderer;
import io.github.metricparity.conformance.report.ParityReport;
import io.github.metricparity.conformance.report.ReportRunner;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@code parity} command line.
 *
 * <pre>
 * java -jar parity.jar check [--cases FILE]... [--adapter ID] [--external CMD]... [--verbose]
 * java -jar parity.jar report [--cases FILE]... [--adapter ID] [--external CMD]... [--out DIR] [--format console,html,json]
 * java -jar parity.jar adapters [--external CMD]...
 * </pre>
 * {@code report} runs the golden cases through every adapter, then each framework's own metrics against Keras on the
 * same predictions, prints the matrix and writes {@code report.html} (self-contained) and {@code report.json} to
 * {@code DIR} (default: {@code parity-report/} beside the jar); it exits with 1 when a golden case failed.
 * {@code check} runs golden cases (the project's own without {@code --cases}) through every adapter found with
 * ServiceLoader, prints one line per failing case and the line {@code N passed, N failed[, N skipped]}, and exits
 * with 1 when a case failed, 2 on a usage error or a malformed golden file.
 * {@code --external CMD} (repeatable) starts a program speaking the protocol of {@code EXTERNAL-PROTOCOL.md} and
 * adds it to the run as one more adapter, under the id it announces; {@code --external-timeout SECONDS} (default
 * 60) bounds its hello line and each case. A program that cannot be started exits with 2.
 */
public final class ParityCli {
    private final PrintStream out;
    private final PrintStream err;

    public ParityCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // the CLI presents usage warnings itself (counted by check, listed by report) instead of logging each one
        Diagnostics.setLogging(false);
        System.exit(new ParityCli(System.out, System.err).run(args));
    }

    /** Runs a command; returns the exit code. */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        try {
            switch (args[0]) {
                case "check":
                    return withExternals(Options.parse(args, 1), this::check);
                case "report":
                    return withExternals(Options.parse(args, 1), this::report);
                case "adapters":
                    return withExternals(Options.parse(args, 1), this::adapters);
                default:
                    err.println("unknown command '" + args[0] + "'");
                    usage(err);
                    return 2;
            }
        } catch (UsageException | IllegalArgumentException e) {
            err.println("parity: " + e.getMessage());
            return 2;
        } catch (GoldenFormatException e) {
            err.println("parity: malformed golden file: " + e.getMessage());
            return 2;
        } catch (ExternalAdapterException e) {
            err.println("parity: " + e.getMessage());
            return 2;
        }
    }

    /** Starts the {@code --external} programs, runs {@code command} with every driver, and stops them again. */
    private int withExternals(Options o, java.util.function.ToIntBiFunction<Options, List<ConformanceDriver>> command) {
        List<ExternalProcessDriver> externals = new ArrayList<>();
        try {
            for (String cmd : o.externals) {
                externals.add(ExternalProcessDriver.start(cmd, o.externalTimeout));
            }
            return command.applyAsInt(o, Conformance.drivers(o.adapter, externals));
        } finally {
            externals.forEach(ExternalProcessDriver::close);
        }
    }

    private int adapters(Options o, List<ConformanceDriver> drivers) {
        for (ConformanceDriver d : drivers) {
            if (d instanceof ExternalProcessDriver) {
                ExternalProcessDriver x = (ExternalProcessDriver) d;
                out.println(d.adapterId() + "  external: " + x.command() + (x.about() != null ? " (" + x.about() + ")"
                        : "") + (x.metrics() != null ? "; metrics: " + String.join(", ", x.metrics()) : ""));
            } else {
                out.println(d.adapterId() + "  " + d.getClass().getName());
            }
        }
        return 0;
    }

    private int check(Options o, List<ConformanceDriver> drivers) {
        List<GoldenCase> cases = loadCases(o.casesFiles);
        List<Diagnostic> warnings = new CopyOnWriteArrayList<>();
        Consumer<Diagnostic> collect = warnings::add;
        Diagnostics.addListener(collect);
        RunSummary summary;
        try {
            summary = Conformance.run(cases, drivers);
        } finally {
            Diagnostics.removeListener(collect);
        }
        if (o.verbose) {
            warnings.forEach(w -> out.println("warning: " + w.message()));
        }
        for (CaseResult r : summary.results()) {
            if (r.status() == CaseResult.Status.FAILED || (o.verbose && r.status() == CaseResult.Status.SKIPPED)) {
                out.println(r.describe());
            }
        }
        out.println(summary.splitLines());
        out.println(summary.summaryLine());
        return summary.anyFailed() ? 1 : 0;
    }

    private int report(Options o, List<ConformanceDriver> drivers) {
        List<GoldenCase> cases = loadCases(o.casesFiles);
        ParityReport report = ReportRunner.run(cases, drivers, o.adapter == null ? null : List.of(o.adapter));
        Set<String> formats = o.formats;
        if (formats.contains("console")) {
            ConsoleRenderer.render(report, out);
        } else {
            out.println(report.splitLines());
            out.println(report.summaryLine());
        }
        if (formats.contains("html") || formats.contains("json")) {
            Path dir = o.out != null ? Paths.get(o.out) : defaultReportDir();
            try {
                Files.createDirectories(dir);
                if (formats.contains("html")) {
                    Files.writeString(dir.resolve("report.html"), HtmlRenderer.render(report));
                    out.println("wrote " + dir.resolve("report.html"));
                }
                if (formats.contains("json")) {
                    JsonRenderer.write(report, dir.resolve("report.json"));
                    out.println("wrote " + dir.resolve("report.json"));
                }
            } catch (IOException e) {
                throw new UsageException("cannot write the report to " + dir + ": " + e.getMessage());
            }
        }
        return report.count(CaseResult.Status.FAILED) > 0 ? 1 : 0;
    }

    /** {@code parity-report/} beside parity.jar, or under {@code target/} when run from classes. */
    static Path defaultReportDir() {
        try {
            Path location = Paths.get(ParityCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // parity.jar sits in target/, classes in target/classes: either way the report goes to target/
            return location.getParent().resolve("parity-report");
        } catch (URISyntaxException | RuntimeException e) {
            return Paths.get("target", "parity-report");
        }
    }

    /** The cases of the given files, or the bundled ones when none is given. */
    static List<GoldenCase> loadCases(List<String> files) {
        if (files.isEmpty()) {
            return GoldenSets.bundled();
        }
        List<GoldenCase> cases = new ArrayList<>();
        for (String f : files) {
            Path p = Paths.get(f);
            if (!Files.isRegularFile(p)) {
                throw new UsageException("--cases " + f + ": no such file");
            }
            cases.addAll(GoldenReader.read(p));
        }
        return cases;
    }

    private static void usage(PrintStream s) {
        s.println("usage: parity check [--cases FILE]... [--adapter ID] [--external CMD]... [--verbose]");
        s.println("       parity report [--cases FILE]... [--adapter ID] [--external CMD]... [--out DIR]"
                + " [--format console,html,json]");
        s.println("       parity adapters [--external CMD]...");
        s.println("  check     run golden cases (the project's own, or FILE in the golden format) through every");
        s.println("            adapter found; prints failing cases and 'N passed, N failed[, N skipped]'");
        s.println("  report    the same cases, plus each framework's own metrics against Keras on the same");
        s.println("            predictions; prints a matrix, writes report.html and report.json to DIR");
        s.println("  adapters  list the adapters found on the class path");
        s.println("  --external CMD  one more adapter: a program speaking EXTERNAL-PROTOCOL.md (repeatable;");
        s.println("                  --external-timeout SECONDS bounds each case, default 60)");
    }

    /** Command-line options shared by the commands. */
    static final class Options {
        final List<String> casesFiles = new ArrayList<>();
        String adapter;
        boolean verbose;
        String out;
        final List<String> externals = new ArrayList<>();
        Duration externalTimeout = ExternalProcessDriver.DEFAULT_TIMEOUT;
        Set<String> formats = new LinkedHashSet<>(List.of("console", "html", "json"));

        static Options parse(String[] args, int from) {
            Options o = new Options();
            for (int i = from; i < args.length; i++) {
                switch (args[i]) {
                    case "--cases":
                        o.casesFiles.add(value(args, ++i, "--cases"));
                        break;
                    case "--adapter":
                        o.adapter = value(args, ++i, "--adapter");
                        break;
                    case "--out":
                        o.out = value(args, ++i, "--out");
                        break;
                    case "--external":
                        o.externals.add(value(args, ++i, "--external"));
                        break;
                    case "--external-timeout":
                        o.externalTimeout = seconds(value(args, ++i, "--external-timeout"));
                        break;
                    case "--format":
                        o.formats = new LinkedHashSet<>();
                        for (String f : value(args, ++i, "--format").split(",")) {
                            String format = f.trim().toLowerCase(Locale.ROOT);
                            if (!List.of("console", "html", "json").contains(format)) {
                                throw new UsageException("--format takes console, html and/or json, got '" + f + "'");
                            }
                            o.formats.add(format);
                        }
                        break;
                    case "--verbose":
                    case "-v":
                        o.verbose = true;
                        break;
                    default:
                        throw new UsageException("unknown option '" + args[i] + "'");
                }
            }
            return o;
        }

        private static Duration seconds(String text) {
            try {
                double s = Double.parseDouble(text);
                if (s > 0 && s <= 86400) {
                    return Duration.ofMillis(Math.round(s * 1000));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--external-timeout takes seconds (> 0), got '" + text + "'");
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
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
