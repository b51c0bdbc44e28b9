package io.github.metricparity.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A framework metric, the Keras metric of the same intent and the rule that relates them: one entry of a
 * framework's parity catalog. The adapters' parity APIs and {@code parity compare} turn pairs into the same
 * {@link ComparisonRow}s with {@link #rows}.
 *
 * @param frameworkMetric the framework metric as users call it, e.g. {@code Evaluation.precision(2)}
 * @param keras           its Keras counterpart
 * @param rule            why they agree or differ
 */
public record MetricPair(String frameworkMetric, KerasCounterpart keras, ComparisonRule rule) {

    public MetricPair {
        Objects.requireNonNull(frameworkMetric, "frameworkMetric");
        Objects.requireNonNull(keras, "keras");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * The scenario of rows computed on users' data, the same from the adapters' parity APIs and from
     * {@code parity compare}: {@code your data: N examples, C output columns}.
     */
    public static String userData(long examples, int columns) {
        return String.format(java.util.Locale.ROOT, "your data: %d examples, %d output column%s", examples, columns,
                columns == 1 ? "" : "s");
    }

    /**
     * The rows of these pairs, in order.
     *
     * @param framework       the framework id
     * @param scenario        what was evaluated
     * @param pairs           the pairs
     * @param frameworkValues the framework's values by framework metric
     * @param partValues      the Keras parts' values
     */
    public static List<ComparisonRow> rows(String framework, String scenario, List<MetricPair> pairs,
            Map<String, Double> frameworkValues, Map<KerasCounterpart.Part, Double> partValues) {
        List<ComparisonRow> out = new ArrayList<>();
        ComparisonRows rows = new ComparisonRows(framework, scenario, out);
        for (MetricPair p : pairs) {
            Double v = frameworkValues.get(p.frameworkMetric());
            if (v == null) {
                throw new IllegalArgumentException("no value for " + p.frameworkMetric());
            }
            rows.add(p.frameworkMetric(), v, p.keras().display(), p.keras().value(partValues), p.rule());
        }
        return out;
    }
}
