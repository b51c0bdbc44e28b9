package io.github.metricparity.conformance.report;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.Diagnostics;
import io.github.metricparity.comparison.FrameworkComparison;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds a {@link ParityReport}: golden cases through the given adapters, then every {@link FrameworkComparison}
 * found with ServiceLoader (optionally only those of one framework), collecting usage warnings along the way.
 */
public final class ReportRunner {
    private ReportRunner() {
    }

    /**
     * @param cases      golden cases
     * @param drivers    adapters to run them through
     * @param frameworks framework ids whose comparisons to run (null = all found)
     */
    public static ParityReport run(List<GoldenCase> cases, List<ConformanceDriver> drivers, List<String> frameworks) {
        List<Diagnostic> diagnostics = new CopyOnWriteArrayList<>();
        Consumer<Diagnostic> collect = diagnostics::add;
        Diagnostics.addListener(collect);
        try {
            RunSummary summary = Conformance.run(cases, drivers);
            List<ComparisonRow> rows = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (FrameworkComparison fc : ServiceLoader.load(FrameworkComparison.class)) {
                if (frameworks != null && !frameworks.contains(fc.framework())) {
                    continue;
                }
                try {
                    rows.addAll(fc.compare());
                } catch (RuntimeException | LinkageError e) {
                    errors.add(fc.framework() + ": " + e);
                }
            }
            String env = "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores";
            return new ParityReport(Instant.now(), env,
                    drivers.stream().map(ConformanceDriver::adapterId).collect(Collectors.toList()),
                    summary.results(), rows, errors, diagnostics);
        } finally {
            Diagnostics.removeListener(collect);
        }
    }
}
