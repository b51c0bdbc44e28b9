/**
 * Keras metrics on ND4J arrays: the {@code dl4j} {@link io.github.metricparity.spi.MetricProvider}
 * ({@link io.github.metricparity.dl4j.Dl4jMetricProvider}), whose {@link io.github.metricparity.dl4j.Nd4jMetric}s take
 * {@code INDArray}s (ND4J ops for large batches of the accuracy family), and the conversions between
 * ND4J arrays and the contract's tensors ({@link io.github.metricparity.dl4j.Nd4jTensors}). The framework wiring
 * lives in the sub-packages: {@code eval} (an {@code IEvaluation}), {@code listener} (Keras-style epoch lines and
 * history), {@code modelimport} (the compile() metrics of an imported Keras model) and {@code compare} (where
 * DL4J's own evaluations differ from Keras). The golden driver, the example models and the Iris example are part of
 * the parity tool ({@code metricparity-parity}), not of this jar.
 */
package io.github.metricparity.dl4j;
