/**
 * Keras 3 {@code metrics/correlation_metrics.py}: PearsonCorrelation, ConcordanceCorrelation. Definitions in
 * {@link io.github.metricparity.keras.correlation.CorrelationMetrics}.
 */
package io.github.metricparity.keras.correlation;
