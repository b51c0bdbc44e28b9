package io.github.metricparity.dl4j.parity;

import io.github.metricparity.dl4j.Dl4jMetricProvider;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.FrameworkValues;
import io.github.metricparity.comparison.ParityAssertions;
import io.github.metricparity.comparison.ParityTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Dl4jParity#compare} found: one row per DL4J metric with its Keras counterpart, agreement, cause and
 * explanation, and the DL4J values it read.
 *
 * @param rows            the rows, in the order of the evaluations and their metrics
 * @param frameworkValues the DL4J values by catalog name
 */
public record Dl4jParityResult(List<ComparisonRow> rows, Map<String, Double> frameworkValues) {

    public Dl4jParityResult {
        rows = List.copyOf(rows);
        frameworkValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(frameworkValues));
    }

    /** The rows as a plain-text table, each disagreement with its cause and explanation. */
    public String table() {
        return ParityTable.comparisons(rows);
    }

    /**
     * Asserts that every DL4J metric agrees with Keras or differs for a known cause.
     *
     * @throws io.github.metricparity.comparison.ParityAssertionError with the table otherwise
     */
    public Dl4jParityResult assertExplained() {
        ParityAssertions.assertExplained(rows);
        return this;
    }

    /** The file {@code parity compare --framework-values} reads: {@code {"framework": "dl4j", "values": {...}}}. */
    public String frameworkValuesJson() {
        return new FrameworkValues(Dl4jMetricProvider.ID, frameworkValues).toJson();
    }
}
