/**
 * Keras 3 metrics as Tribuo evaluators.
 *
 * <p>{@link io.github.metricparity.tribuo.KerasLabelEvaluator}, {@link
 * io.github.metricparity.tribuo.KerasMultiLabelEvaluator}
 * and {@link io.github.metricparity.tribuo.KerasRegressionEvaluator} are Tribuo
 * {@link org.tribuo.evaluation.Evaluator}s: they turn a model's {@link org.tribuo.Prediction}s into Keras
 * {@code y_true}/{@code y_pred}/{@code sample_weight} tensors through the model's output-id mapping, feed the
 * reference Keras metrics of {@code metricparity-spi}, and return an immutable, mergeable
 * {@link io.github.metricparity.tribuo.KerasTribuoEvaluation} with Tribuo provenance. The adapter never redefines a
 * metric:
 * {@link io.github.metricparity.tribuo.TribuoMetricProvider} (id {@code tribuo}) hands out the reference metrics.
 *
 * <pre>{@code
 * KerasLabelEvaluator evaluator = new KerasLabelEvaluator("sparse_categorical_accuracy",
 *         "sparse_categorical_crossentropy");
 * KerasTribuoEvaluation<Label> eval = evaluator.evaluate(model, testData);
 * double acc = eval.get("sparse_categorical_accuracy");
 * }</pre>
 */
package io.github.metricparity.tribuo;
