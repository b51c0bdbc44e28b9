package io.github.metricparity.dl4j;

import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.lang.ref.Reference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Keras metric that takes ND4J arrays directly: the {@code dl4j} provider's metric.
 *
 * <p>Its meaning, config, state and result are those of the reference metric it wraps: every method of
 * {@link Metric} is the reference's. {@link #update(INDArray, INDArray, INDArray)} hands the batch to the reference
 * metric as {@link Tensor}s (one bulk copy per array, see {@link Nd4jTensors}, into arrays the instance keeps
 * for the next batch and drops on {@link #reset}), which accepts or refuses it with
 * Keras's rules. When the system property {@code metricparity.dl4j.fastPathMinElements} is set, batches of
 * {@code CategoricalAccuracy} and {@code SparseCategoricalAccuracy} with at least that many prediction elements
 * (rank-2 float or double) are computed with ND4J ops instead, without copying, and the result added to the
 * reference's state; by default they are not, the reference path being faster (see {@code FastPaths} for the
 * measurements). A refused update leaves the state unchanged either way.
 *
 * <p>Not thread-safe: confine an instance to one thread, or give each thread its own and {@link #merge} them.
 */
public class Nd4jMetric implements Metric {
    private final Metric reference;
    private final FastPath fastPath;
    private final long fastPathMinElements;
    private final Map<String, Object> config;
    private long fastBatches;
    // the batch's arrays cross to the reference metric through these (one copy each, no allocation per batch)
    private final CopyBuffer yTrueCopy = new CopyBuffer();
    private final CopyBuffer yPredCopy = new CopyBuffer();
    private final CopyBuffer weightCopy = new CopyBuffer();

    Nd4jMetric(Metric reference) {
        this(reference, FastPaths.minElements());
    }

    /** @param fastPathMinElements the smallest prediction size that takes the fast path (0: every batch) */
    Nd4jMetric(Metric reference, long fastPathMinElements) {
        this.reference = reference;
        this.fastPath = FastPaths.forMetric(reference);
        this.fastPathMinElements = fastPathMinElements;
        this.config = reference.config();
    }

    /**
     * Accumulates one batch of ND4J arrays, as Keras {@code update_state(y_true, y_pred, sample_weight)}.
     *
     * @param sampleWeight Keras sample weight of any shape that broadcasts, or null
     * @throws io.github.metricparity.spi.InvalidInputException if refused; the state is then unchanged
     */
    public void update(INDArray yTrue, INDArray yPred, INDArray sampleWeight) {
        if (fastPath != null && yTrue != null && yPred != null && yPred.length() >= fastPathMinElements) {
            FastPath.Contribution c = fastPath.contribution(yTrue, yPred, sampleWeight);
            if (c != null) {
                Map<String, Tensor> delta = new LinkedHashMap<>();
                delta.put("total", Tensor.scalar(c.total()));
                delta.put("count", Tensor.scalar(c.count()));
                reference.merge(new MetricState(reference.className(), config, delta));
                fastBatches++;
                return;
            }
        }
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

    /** True when batches of this metric can take an ND4J fast path. */
    public boolean hasFastPath() {
        return fastPath != null;
    }

    /** How many batches took the fast path (for tests and benchmarks). */
    final long fastBatches() {
        return fastBatches;
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
