/**
 * The confusion-matrix family of Keras 3 ({@code keras/src/metrics/confusion_metrics.py} with the shared update of
 * {@code metrics_utils.py}): {@code TruePositives}, {@code FalsePositives}, {@code TrueNegatives},
 * {@code FalseNegatives}, {@code Precision}, {@code Recall}, {@code SensitivityAtSpecificity},
 * {@code SpecificityAtSensitivity}, {@code PrecisionAtRecall}, {@code RecallAtPrecision} and {@code AUC}. The
 * definitions are in {@link io.github.metricparity.keras.confusion.ConfusionMetrics}; the classes are
 * package-private.
 */
package io.github.metricparity.keras.confusion;
