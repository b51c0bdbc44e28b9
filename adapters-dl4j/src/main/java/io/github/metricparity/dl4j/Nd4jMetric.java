package io.github.metricparity.dl4j;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.lang.ref.Reference;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Keras metric that takes ND4J arrays directly: the {@code dl4j} provider's metric.
 *
 * <p>Its meaning, config, state and result are those of the reference metric it wraps: every method of
 * {@link Metric} is the reference's. {@link #update(INDArray, INDArray, INDArray)} hands the batch to the reference
 * metric as {@link Tensor}s, which accepts or refuses it with Keras's rules (a refused update leaves the state
 * unchanged): a dense row-major {@code FLOAT} or {@code DOUBLE} array as a view of ND4J's memory, read in place;
 * any other array in one bulk copy into arrays the instance keeps for the next batch and drops on {@link #reset}
 * (see {@link Nd4jTensors}). (ND4J ops computing the accuracies in place were measured too, and were 5 to 24
 * times slower at 1,000,000 x 10 than reading the arrays in place: {@code benchmarks/README.md}.)
 *
 * <p>Not thread-safe: confine an instance to one thread, or give each thread its own and {@link #merge} them.
 */
public class Nd4jMetric implements Metric {
    private final Metric reference;
    // arrays that are not dense cross to the reference metric through these (one copy each, no allocation per batch)
    private final CopyBuffer yTrueCopy = new CopyBuffer();
    private final CopyBuffer yPredCopy = new CopyBuffer();
    private final CopyBuffer weightCopy = new CopyBuffer();

    Nd4jMetric(Metric reference) {
        this.reference = reference;
    }

    /**
     * Accumulates one batch of ND4J arrays, as Keras {@code update_state(y_true, y_pred, sample_weight)}.
     *
     * @param sampleWeight Keras sample weight of any shape that broadcasts, or null
     * @throws io.github.metricparity.spi.InvalidInputException if refused; the state is then unchanged
     */
    public void update(INDArray yTrue, INDArray yPred, INDArray sampleWeight) {
        try {
            // dense float arrays are read where ND4J keeps them (no copy); others cross in one copy
            reference.update(Nd4jTensors.view(yTrue, yTrueCopy), Nd4jTensors.view(yPred, yPredCopy),
                    Nd4jTensors.view(sampleWeight, weightCopy));
        } finally {
            // the views read the arrays' memory: the arrays (and so their memory) must outlive the update
            Reference.reachabilityFence(yTrue);
            Reference.reachabilityFence(yPred);
            Reference.reachabilityFence(sampleWeight);
        }
    }

    /** {@link #update(INDArray, INDArray, INDArray)} without weights. */
    public void update(INDArray yTrue, INDArray yPred) {
        update(yTrue, yPred, null);
    }

    /** The reference metric this one computes. */
    final Metric reference() {
        return reference;
    }

    @Override
    public String className() {
        return reference.className();
    }

    @Override
    public String name() {
        return reference.name();
    }

    @Override
    public DType dtype() {
        return reference.dtype();
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        reference.update(yTrue, yPred, sampleWeight);
    }

    @Override
    public Tensor result() {
        return reference.result();
    }

    @Override
    public void reset() {
        reference.reset();
        yTrueCopy.release();
        yPredCopy.release();
        weightCopy.release();
    }

    @Override
    public Map<String, Object> config() {
        return reference.config();
    }

    @Override
    public MetricState snapshot() {
        return reference.snapshot();
    }

    @Override
    public void restore(MetricState state) {
        reference.restore(state);
    }

    @Override
    public void merge(MetricState other) {
        reference.merge(other);
    }

    @Override
    public String toString() {
        return reference.toString();
    }
}
