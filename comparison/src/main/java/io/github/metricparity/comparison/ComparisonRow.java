package io.github.metricparity.comparison;

import java.util.Objects;

/**
 * One comparison of a framework's OWN metric with the Keras metric of the same intent, computed on the same
 * predictions.
 *
 * @param framework       framework id, e.g. {@code "dl4j"}
 * @param scenario        what was evaluated, e.g. {@code "Iris MLP, 150 test rows"} or
 *                        {@code "4-shard merge vs one pass"}
 * @param frameworkMetric the framework's metric, e.g. {@code "Evaluation.f1()"}
 * @param frameworkValue  its value
 * @param kerasMetric     the Keras metric and config, e.g. {@code "F1Score(average=macro)"}
 * @param kerasValue      its value
 * @param cause           short name of the rule that makes them differ (threshold, averaging, epsilon,
 *                        tie-breaking, exact vs bucketed AUC, merge, ...), or empty when they are the same rule
 * @param explanation     the rule in a sentence or two
 */
public record ComparisonRow(String framework, String scenario, String frameworkMetric, double frameworkValue,
        String kerasMetric, double kerasValue, String cause, String explanation) {

    /** Values closer than this (absolute + relative) count as agreeing. */
    public static final double TOLERANCE = 1e-6;

    public ComparisonRow {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(frameworkMetric, "frameworkMetric");
        Objects.requireNonNull(kerasMetric, "kerasMetric");
        cause = cause == null ? "" : cause;
        explanation = explanation == null ? "" : explanation;
    }

    /** {@code |frameworkValue - kerasValue|}; NaN when either is NaN. */
    public double absDifference() {
        return Math.abs(frameworkValue - kerasValue);
    }

    /** True when the two values agree within {@link #TOLERANCE}. */
    public boolean agrees() {
        if (Double.isNaN(frameworkValue) || Double.isNaN(kerasValue)) {
            return Double.isNaN(frameworkValue) && Double.isNaN(kerasValue);
        }
        return absDifference() <= TOLERANCE + TOLERANCE * Math.abs(kerasValue);
    }
}
