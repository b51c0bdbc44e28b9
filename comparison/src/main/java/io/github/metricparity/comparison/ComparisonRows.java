package io.github.metricparity.comparison;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Adds the rows of one scenario of a {@link FrameworkComparison}: each row takes its cause and explanation from its
 * {@link ComparisonRule} according to whether the two values agree ({@link ComparisonRow#agrees()}).
 *
 * <p>A row whose rule says the two are the same but whose values differ is not given a made-up cause: it gets the
 * cause {@value ComparisonRule#UNEXPLAINED}, which a comparison's tests should refuse.
 *
 * <p>Not thread-safe (it adds to the caller's list).
 */
public final class ComparisonRows {
    private final String framework;
    private final String scenario;
    private final List<ComparisonRow> sink;

    /**
     * @param framework the framework id, e.g. {@code "dl4j"}
     * @param scenario  what was evaluated
     * @param sink      the list the rows are added to
     */
    public ComparisonRows(String framework, String scenario, List<ComparisonRow> sink) {
        this.framework = Objects.requireNonNull(framework, "framework");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Adds one comparison of a framework metric with the Keras metric of the same intent. */
    public void add(String frameworkMetric, double frameworkValue, String kerasMetric, double kerasValue,
            ComparisonRule rule) {
        ComparisonRow row = new ComparisonRow(framework, scenario, frameworkMetric, frameworkValue, kerasMetric,
                kerasValue, "", "");
        if (row.agrees()) {
            sink.add(withCause(row, "", rule.whenEqual()));
        } else if (rule.namesDifference()) {
            sink.add(withCause(row, rule.cause(), rule.explanation()));
        } else {
            sink.add(withCause(row, ComparisonRule.UNEXPLAINED, "Expected equal (" + rule.explanation()
                    + "), but the values differ and no known rule explains it."));
        }
    }

    /** True when two values agree as {@link ComparisonRow#agrees()} decides (NaN agrees with NaN only). */
    public static boolean agree(double a, double b) {
        return new ComparisonRow("", "", "", a, "", b, "", "").agrees();
    }

    /** A value as explanations quote it: six decimals. */
    public static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static ComparisonRow withCause(ComparisonRow r, String cause, String explanation) {
        return new ComparisonRow(r.framework(), r.scenario(), r.frameworkMetric(), r.frameworkValue(),
                r.kerasMetric(), r.kerasValue(), cause, explanation);
    }
}
