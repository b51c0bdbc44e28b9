package io.github.metricparity.keras.reduction;

import io.github.metricparity.spi.Tensor;

/**
 * A stateless metric function of {@code (y_true, y_pred)} giving per-sample (or per-element) values, as wrapped by
 * Keras {@code MeanMetricWrapper}. The wrapper averages the values over ALL samples seen, which differs from
 * averaging the per-batch means of the function when batches differ in size or weight.
 */
@FunctionalInterface
public interface SampleFunction {
    /** Per-sample values; any shape whose leading axis is the batch. */
    Tensor apply(Tensor yTrue, Tensor yPred);
}
