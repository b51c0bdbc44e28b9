package io.github.metricparity.conformance.cli;

import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parity check}: golden cases through every adapter; one line per failing case and a summary line. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs golden cases (the project's own, or FILE in the golden format) through every adapter "
                + "found; prints failing cases and 'N passed, N failed[, N skipped]'.",
            "Exit code 1 when a case failed, 2 for a malformed file."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    ParityCli parent;

    @Mixin
    CaseFiles cases;

    @Mixin
    AdapterOptions adapters;

    @Option(names = {"--verbose", "-v"}, description = "also print skipped cases and every usage warning")
    boolean verbose;

    @Override
    public Integer call() {
        PrintStream out = parent.out();
        return adapters.withDrivers(drivers -> {
            List<Diagnostic> warnings = new CopyOnWriteArrayList<>();
            Consumer<Diagnostic> collect = warnings::add;
            Diagnostics.addListener(collect);
            RunSummary summary;
            try {
                summary = Conformance.run(cases.load(), drivers);
            } finally {
                Diagnostics.removeListener(collect);
            }
            if (verbose) {
                warnings.forEach(w -> out.println("warning: " + w.message()));
            }
            for (CaseResult r : summary.results()) {
                if (r.status() == CaseResult.Status.FAILED || (verbose && r.status() == CaseResult.Status.SKIPPED)) {
                    out.println(r.describe());
                }
            }
            out.println(summary.splitLines());
            out.println(summary.summaryLine());
            return summary.anyFailed() ? 1 : 0;
        });
    }
}
