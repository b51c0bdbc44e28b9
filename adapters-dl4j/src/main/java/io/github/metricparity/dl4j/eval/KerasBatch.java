package io.github.metricparity.dl4j.eval;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch as the Keras metrics take it: {@code y_true}, {@code y_pred} and the {@code sample_weight} (or null).
 */
record KerasBatch(INDArray yTrue, INDArray yPred, INDArray sampleWeight) {
}
