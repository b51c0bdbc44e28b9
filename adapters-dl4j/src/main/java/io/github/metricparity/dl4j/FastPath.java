package io.github.metricparity.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The same per-sample function as a reference metric, computed with ND4J ops on the arrays as they are, for the
 * batches it recognises. A fast path never changes state: it returns what the batch adds to the metric's
 * {@code total} and {@code count}, which {@link Nd4jMetric} merges into the reference metric (the merge rule every
 * Keras state follows, a batch being one more shard). Any batch it does not recognise (another rank or weight
 * shape, a non-finite value, a label out of range) goes through the reference metric, which accepts or refuses it
 * with Keras's rules.
 *
 * <p>Instances belong to one metric and share its thread confinement.
 */
interface FastPath {

    /** What one batch adds to a Mean-based metric's state. */
    record Contribution(double total, double count) {
    }

    /**
     * The batch's contribution, or null when this batch must go through the reference metric.
     *
     * @param sampleWeight Keras sample weight, or null
     */
    Contribution contribution(INDArray yTrue, INDArray yPred, INDArray sampleWeight);
}
