/**
 * Keras 3 {@code metrics/f_score_metrics.py}: FBetaScore and F1Score. Definitions in
 * {@link io.github.metricparity.keras.fscore.FScoreMetrics}.
 */
package io.github.metricparity.keras.fscore;
