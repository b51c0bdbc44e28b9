package io.github.metricparity.dl4j.compare;

import io.github.metricparity.spi.ComparisonRow;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Adds the rows of one scenario: each row takes its cause and explanation from its {@link Rule} according to whether
 * the two values agree ({@link ComparisonRow#agrees()}).
 *
 * <p>A row whose rule says the two are the same but whose values differ is not given a made-up cause: it gets the
 * cause {@value Rule#UNEXPLAINED}, which the tests refuse.
 */
final class Rows {
    private final String scenario;
    private final List<ComparisonRow> sink;

    /**
     * @param scenario what was evaluated
     * @param sink     the list the rows are added to
     */
    Rows(String scenario, List<ComparisonRow> sink) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Adds one comparison of a DL4J metric with the Keras metric of the same intent. */
    void add(String dl4jMetric, double dl4jValue, String kerasMetric, double kerasValue, Rule rule) {
        ComparisonRow row = new ComparisonRow(Dl4jDifferences.FRAMEWORK, scenario, dl4jMetric, dl4jValue,
                kerasMetric, kerasValue, "", "");
        if (row.agrees()) {
            sink.add(withCause(row, "", rule.whenEqual()));
        } else if (rule.namesDifference()) {
            sink.add(withCause(row, rule.cause(), rule.explanation()));
        } else {
            sink.add(withCause(row, Rule.UNEXPLAINED, "Expected equal (" + rule.explanation()
                    + "), but the values differ and no known rule explains it."));
        }
    }

    /** True when two values agree as {@link ComparisonRow#agrees()} decides (NaN agrees with NaN only). */
    static boolean agree(double a, double b) {
        return new ComparisonRow(Dl4jDifferences.FRAMEWORK, "", "", a, "", b, "", "").agrees();
    }

    /** A value as the explanations quote it. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static ComparisonRow withCause(ComparisonRow r, String cause, String explanation) {
        return new ComparisonRow(r.framework(), r.scenario(), r.frameworkMetric(), r.frameworkValue(),
                r.kerasMetric(), r.kerasValue(), cause, explanation);
    }
}
