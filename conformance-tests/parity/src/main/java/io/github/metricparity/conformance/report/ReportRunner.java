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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds a {@link ParityReport}: golden cases through the given adapters, then every {@link FrameworkComparison}
 * found with ServiceLoader (optionally only those of one framework), collecting usage warnings along the way with
 * the adapter or comparison that issued each.
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
        List<SeenWarning> warnings = new CopyOnWriteArrayList<>();
        AtomicReference<String> source = new AtomicReference<>("");
        Consumer<Diagnostic> collect = d -> warnings.add(new SeenWarning(source.get(), d));
        Diagnostics.addListener(collect);
        try {
            RunSummary summary = new RunSummary();
            for (ConformanceDriver d : drivers) {
                source.set(d.adapterId());
                Conformance.run(cases, List.of(d)).results().forEach(summary::add);
            }
            List<ComparisonRow> rows = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (FrameworkComparison fc : ServiceLoader.load(FrameworkComparison.class)) {
                if (frameworks != null && !frameworks.contains(fc.framework())) {
                    continue;
                }
                source.set("comparison " + fc.framework());
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
                    summary.results(), rows, errors, warnings);
        } finally {
            Diagnostics.removeListener(collect);
        }
    }
}
