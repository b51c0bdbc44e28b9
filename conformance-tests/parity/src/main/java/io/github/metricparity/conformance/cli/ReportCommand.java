package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.cli.ParityCli.UsageException;
import io.github.metricparity.conformance.report.ConsoleRenderer;
import io.github.metricparity.conformance.report.HtmlRenderer;
import io.github.metricparity.conformance.report.JsonRenderer;
import io.github.metricparity.conformance.report.ParityReport;
import io.github.metricparity.conformance.report.ReportRunner;
import io.github.metricparity.conformance.run.CaseResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parity report}: the golden cases through every adapter, then each framework's own metrics against Keras on
 * the same predictions; prints the matrix and a short summary, writes {@code report.html} (self-contained) and
 * {@code report.json}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The golden cases, plus each framework's own metrics against Keras on the same predictions; "
                + "prints the matrix and a summary (one line per distinct warning), writes report.html and "
                + "report.json to DIR.", "Exit code 1 when a golden case failed."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    ParityCli parent;

    @Mixin
    CaseFiles cases;

    @Mixin
    AdapterOptions adapters;

    @Option(names = "--out", paramLabel = "DIR", description = "where report.html and report.json go (default: "
            + "parity-report/ beside parity.jar)")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", description = "any of ${COMPLETION-CANDIDATES} "
            + "(default: all)")
    List<Formats.Format> formats = List.of(Formats.Format.values());

    @Override
    public Integer call() {
        PrintStream out = parent.out();
        return adapters.withDrivers(drivers -> {
            ParityReport report = ReportRunner.run(cases.load(), drivers,
                    adapters.adapter == null ? null : List.of(adapters.adapter));
            if (formats.contains(Formats.Format.console)) {
                ConsoleRenderer.render(report, out);
            } else {
                out.println(report.splitLines());
                out.println(report.summaryLine());
            }
            Path target = dir != null ? dir : defaultReportDir();
            try {
                if (formats.contains(Formats.Format.html)) {
                    Files.createDirectories(target);
                    Files.writeString(target.resolve("report.html"), HtmlRenderer.render(report));
                    out.println("wrote " + target.resolve("report.html"));
                }
                if (formats.contains(Formats.Format.json)) {
                    Files.createDirectories(target);
                    JsonRenderer.write(report, target.resolve("report.json"));
                    out.println("wrote " + target.resolve("report.json"));
                }
            } catch (IOException e) {
                throw new UsageException("cannot write the report to " + target + ": " + e.getMessage());
            }
            return report.count(CaseResult.Status.FAILED) > 0 ? 1 : 0;
        });
    }

    /** {@code parity-report/} beside parity.jar, or under {@code target/} when run from classes. */
    static Path defaultReportDir() {
        return Formats.besideTheJar("parity-report");
    }
}
