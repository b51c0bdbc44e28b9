package io.github.metricparity.dl4j.compare;

import io.github.metricparity.dl4j.eval.KerasEvaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The Keras side of one DL4J evaluation: {@link KerasEvaluation}s of the compared Keras metrics, fed the same
 * labels and network outputs as the DL4J evaluation, and merged with {@link KerasEvaluation#merge} as DL4J merges
 * its own. Metrics on one output column get an evaluation of their own that is fed that column.
 */
final class KerasSide {
    private static final int ALL_COLUMNS = -1;

    private final Map<String, KerasMetric> metrics = new LinkedHashMap<>();
    private final Map<Integer, KerasEvaluation> evaluations;

    /** An empty evaluation of these metrics (names unique). */
    KerasSide(List<KerasMetric> metrics) {
        Map<Integer, List<KerasMetric>> byColumn = new LinkedHashMap<>();
        for (KerasMetric m : metrics) {
            if (this.metrics.put(m.name(), m) != null) {
                throw new IllegalArgumentException("two Keras metrics named " + m.name());
            }
            byColumn.computeIfAbsent(m.column() == null ? ALL_COLUMNS : m.column(), k -> new ArrayList<>()).add(m);
        }
        this.evaluations = new LinkedHashMap<>();
        byColumn.forEach((column, list) -> {
            KerasEvaluation.Builder b = KerasEvaluation.builder();
            list.forEach(m -> b.metric(m.className(), m.config()));
            evaluations.put(column, b.build());
        });
    }

    private KerasSide(Map<String, KerasMetric> metrics, Map<Integer, KerasEvaluation> evaluations) {
        this.metrics.putAll(metrics);
        this.evaluations = evaluations;
    }

    /** These metrics evaluated on the given arrays in one batch. */
    static KerasSide of(List<KerasMetric> metrics, INDArray labels, INDArray predictions) {
        KerasSide side = new KerasSide(metrics);
        side.eval(labels, predictions);
        return side;
    }

    /** One batch, as {@code IEvaluation.eval(labels, predictions)}. */
    void eval(INDArray labels, INDArray predictions) {
        evaluations.forEach((column, e) -> {
            if (column == ALL_COLUMNS) {
                e.eval(labels, predictions);
            } else {
                e.eval(column(labels, column), column(predictions, column));
            }
        });
    }

    /** Adds another side's states ({@link KerasEvaluation#merge}). */
    void merge(KerasSide other) {
        evaluations.forEach((column, e) -> e.merge(other.evaluations.get(column)));
    }

    /** An empty evaluation of the same metrics ({@link KerasEvaluation#newInstance}). */
    KerasSide newInstance() {
        Map<Integer, KerasEvaluation> fresh = new LinkedHashMap<>();
        evaluations.forEach((column, e) -> fresh.put(column, e.newInstance()));
        return new KerasSide(metrics, fresh);
    }

    /** Every evaluation's state ({@link KerasEvaluation#toJson()}), to tell whether a merge changed it. */
    String toJson() {
        StringBuilder sb = new StringBuilder();
        evaluations.forEach((column, e) -> sb.append(column).append(':').append(e.toJson()).append('\n'));
        return sb.toString();
    }

    /** A scalar result. */
    double value(String name) {
        return evaluation(name).value(name);
    }

    /** Element {@code k} of a vector result (e.g. {@code F1Score(average=None)}). */
    double element(String name, int k) {
        return evaluation(name).result(name).get(k);
    }

    /** The report's form of a metric, e.g. {@code F1Score(average=macro)}. */
    String display(String name) {
        return metric(name).display();
    }

    /** The uniform mean of the scalar results {@code prefix + 0} to {@code prefix + (n - 1)}. */
    double mean(String prefix, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += value(prefix + k);
        }
        return sum / n;
    }

    private KerasMetric metric(String name) {
        KerasMetric m = metrics.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no Keras metric named " + name);
        }
        return m;
    }

    private KerasEvaluation evaluation(String name) {
        Integer column = metric(name).column();
        return evaluations.get(column == null ? ALL_COLUMNS : column);
    }

    private static INDArray column(INDArray a, int k) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(k, k + 1));
    }
}
