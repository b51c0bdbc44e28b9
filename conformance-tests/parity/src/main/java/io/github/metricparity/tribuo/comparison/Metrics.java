package io.github.metricparity.tribuo.comparison;

import io.github.metricparity.tribuo.KerasTribuoEvaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Keras side of one evaluation: results by the metrics' unique names, and how the report writes each metric. */
final class Metrics {
    private final Map<String, KerasMetric> byName = new LinkedHashMap<>();
    private final KerasTribuoEvaluation<?> evaluation;

    /**
     * @param metrics    the metrics the evaluation ran
     * @param evaluation their evaluation
     */
    Metrics(List<KerasMetric> metrics, KerasTribuoEvaluation<?> evaluation) {
        for (KerasMetric m : metrics) {
            byName.put(m.name(), m);
        }
        this.evaluation = evaluation;
    }

    /** The report's form of a metric, e.g. {@code F1Score(average=macro)}. */
    String display(String name) {
        KerasMetric m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no Keras metric named " + name);
        }
        return m.display();
    }

    /** A scalar result. */
    double value(String name) {
        return evaluation.get(name);
    }

    /** Element {@code k} of a vector result (e.g. a per-class F1Score). */
    double element(String name, int k) {
        return evaluation.result(name).get(k);
    }

    /** The uniform mean of the scalar results {@code prefix + 0} to {@code prefix + (n - 1)}. */
    double mean(String prefix, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += value(prefix + k);
        }
        return sum / n;
    }
}
