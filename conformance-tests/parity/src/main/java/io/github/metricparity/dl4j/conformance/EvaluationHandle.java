package io.github.metricparity.dl4j.conformance;

import io.github.metricparity.dl4j.Nd4jTensors;
import io.github.metricparity.dl4j.eval.KerasEvaluation;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Metric} handle whose calls go through a {@link KerasEvaluation}'s DL4J entry points, for the golden
 * runner. Not thread-safe.
 */
final class EvaluationHandle implements Metric {
    private final KerasEvaluation evaluation;
    private final String name;

    EvaluationHandle(KerasEvaluation evaluation, String name) {
        this.evaluation = evaluation;
        this.name = name;
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        INDArray labels = Nd4jTensors.toINDArray(yTrue);
        INDArray predictions = Nd4jTensors.toINDArray(yPred);
        if (sampleWeight == null) {
            evaluation.eval(labels, predictions);
        } else {
            evaluation.eval(labels, predictions, Nd4jTensors.toINDArray(sampleWeight));
        }
    }

    @Override
    public Tensor result() {
        return evaluation.result(name);
    }

    @Override
    public void reset() {
        evaluation.reset();
    }

    /** Replaces the state: a reset, then a merge of an evaluation holding {@code state}. */
    @Override
    public void restore(MetricState state) {
        KerasEvaluation holder = holding(state);
        evaluation.reset();
        evaluation.merge(holder);
    }

    @Override
    public void merge(MetricState other) {
        evaluation.merge(holding(other));
    }

    private KerasEvaluation holding(MetricState state) {
        KerasEvaluation holder = evaluation.newInstance();
        holder.metric(name).restore(state);
        return holder;
    }

    @Override
    public MetricState snapshot() {
        return live().snapshot();
    }

    @Override
    public String className() {
        return live().className();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DType dtype() {
        return live().dtype();
    }

    @Override
    public Map<String, Object> config() {
        return live().config();
    }

    private Metric live() {
        return evaluation.metric(name);
    }

    @Override
    public String toString() {
        return "dl4j IEvaluation of " + live();
    }
}
