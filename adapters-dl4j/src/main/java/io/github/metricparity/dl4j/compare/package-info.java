/**
 * Where DL4J's own {@code Evaluation}, {@code EvaluationBinary}, {@code ROC}, {@code ROCMultiClass} and losses
 * differ from Keras 3's metrics, case by case ({@link io.github.metricparity.dl4j.compare.Dl4jDifferences}), each
 * as a {@link io.github.metricparity.comparison.ComparisonRow}. The parity tool puts them in its report, beside the
 * same comparisons on trained example models.
 */
package io.github.metricparity.dl4j.compare;
