/**
 * Keras 3 {@code metrics/regression_metrics.py}: MeanSquaredError, MeanAbsoluteError, MeanAbsolutePercentageError,
 * MeanSquaredLogarithmicError, RootMeanSquaredError, CosineSimilarity, LogCoshError and R2Score. Definitions in
 * {@link io.github.metricparity.keras.regression.RegressionMetrics}.
 */
package io.github.metricparity.keras.regression;
