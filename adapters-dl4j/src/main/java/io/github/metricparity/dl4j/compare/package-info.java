/**
 * Where DL4J's own {@code Evaluation}, {@code EvaluationBinary}, {@code ROC}, {@code ROCMultiClass} and losses
 * differ from Keras 3's metrics, case by case ({@link io.github.metricparity.dl4j.compare.Dl4jDifferences}), and
 * the {@link io.github.metricparity.spi.FrameworkComparison} that puts them in the parity report.
 */
package io.github.metricparity.dl4j.compare;
