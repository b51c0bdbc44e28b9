package io.github.metricparity.spark.examples;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares a distributed evaluation with one local pass over the same rows, metric by metric and state variable by
 * state variable. The rule: a variable that holds integers in the local pass (a count: correct predictions,
 * confusion-matrix cells, AUC buckets) must be identical; any other value (a sum of losses) may differ by
 * floating-point summation order only, a relative {@value #SUM_TOLERANCE}. Immutable.
 */
public final class OnePassComparison {
    /** Largest relative difference accepted for sums of real values. */
    public static final double SUM_TOLERANCE = 1e-12;

    /** One metric: its results, whether its state is identical, and the largest relative difference. */
    public record Row(String name, String className, Tensor onePass, Tensor distributed, boolean identical,
            double maxRelativeDifference, boolean agrees) {
    }

    private final List<Row> rows;

    private OnePassComparison(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Compares every metric of two evaluations of the same metrics. */
    public static OnePassComparison of(KerasEvaluation onePass, KerasEvaluation distributed) {
        if (!onePass.names().equals(distributed.names())) {
            throw new IllegalArgumentException("different metrics: " + onePass.names() + " and "
                    + distributed.names());
        }
        List<Row> rows = new ArrayList<>();
        for (String name : onePass.names()) {
            rows.add(compare(name, onePass.metric(name), distributed.metric(name)));
        }
        return new OnePassComparison(rows);
    }

    /** Compares two states of one metric. */
    public static Row compare(String name, Metric onePass, Metric distributed) {
        MetricState a = onePass.snapshot();
        MetricState b = distributed.snapshot();
        boolean identical = a.equals(b);
        boolean agrees = a.className().equals(b.className()) && a.config().equals(b.config())
                && a.variables().keySet().equals(b.variables().keySet());
        double maxRelative = 0;
        if (agrees) {
            for (Map.Entry<String, Tensor> e : a.variables().entrySet()) {
                Tensor x = e.getValue();
                Tensor y = b.variable(e.getKey());
                if (!Arrays.equals(x.shape(), y.shape())) {
                    agrees = false;
                    continue;
                }
                boolean counts = true;
                for (int i = 0; i < x.size(); i++) {
                    counts &= x.get(i) == Math.rint(x.get(i));
                }
                for (int i = 0; i < x.size(); i++) {
                    double relative = Math.abs(x.get(i) - y.get(i)) / Math.max(1.0, Math.abs(x.get(i)));
                    maxRelative = Math.max(maxRelative, relative);
                    agrees &= counts ? x.get(i) == y.get(i) : relative <= SUM_TOLERANCE;
                }
            }
        }
        return new Row(name, a.className(), onePass.result(), distributed.result(), identical, maxRelative, agrees);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Whether every metric follows the rule. */
    public boolean agrees() {
        return rows.stream().allMatch(Row::agrees);
    }

    /** The largest relative difference of any state variable. */
    public double maxRelativeDifference() {
        return rows.stream().mapToDouble(Row::maxRelativeDifference).max().orElse(0);
    }
}
