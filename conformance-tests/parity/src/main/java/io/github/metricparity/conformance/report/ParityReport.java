package io.github.metricparity.conformance.report;

import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.comparison.ComparisonRow;
import java.time.Instant;
import java.util.List;

/**
 * Everything the parity report shows: golden results per adapter, the frameworks' own metrics against Keras on the
 * same predictions, and the usage warnings seen while computing them.
 *
 * @param generatedAt       when the report was made
 * @param environment       Java version and OS, one line
 * @param adapters          adapter ids, in run order
 * @param results           every golden case through every adapter
 * @param comparisons       framework metric vs Keras metric rows
 * @param comparisonErrors  frameworks whose comparison could not run, with the reason
 * @param warnings          warnings issued during the run, with their sources
 */
public record ParityReport(Instant generatedAt, String environment, List<String> adapters, List<CaseResult> results,
        List<ComparisonRow> comparisons, List<String> comparisonErrors, List<SeenWarning> warnings) {

    public ParityReport {
        adapters = List.copyOf(adapters);
        results = List.copyOf(results);
        comparisons = List.copyOf(comparisons);
        comparisonErrors = List.copyOf(comparisonErrors);
        warnings = List.copyOf(warnings);
    }

    public long count(CaseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** {@code N passed, N failed[, N skipped]}. */
    public String summaryLine() {
        return RunSummary.line(results);
    }

    /** Keras conformance and project policy, each on its line ({@link RunSummary#splitLines}). */
    public String splitLines() {
        return RunSummary.splitLines(results);
    }

    /** The distinct warnings, each with its count per source. */
    public List<WarningGroup> warningGroups() {
        return WarningGroup.of(warnings);
    }

    /** The metric x adapter matrix of the golden results. */
    public Matrix matrix() {
        return Matrix.of(adapters, results);
    }
}
