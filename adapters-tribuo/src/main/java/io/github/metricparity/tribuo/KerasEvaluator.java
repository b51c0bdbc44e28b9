package io.github.metricparity.tribuo;

import java.util.List;
import org.tribuo.Output;
import org.tribuo.evaluation.Evaluator;

/**
 * A Tribuo {@link Evaluator} that reports Keras 3 metrics. Use it wherever Tribuo takes an evaluator:
 * {@code evaluate(model, dataset)}, {@code evaluate(model, predictions, dataProvenance)},
 * {@link org.tribuo.evaluation.CrossValidation}, {@link org.tribuo.evaluation.OnlineEvaluator}.
 *
 * <p>Each evaluate call turns the predictions into one {@code (y_true, y_pred, sample_weight)} batch through the
 * model's output-id mapping, feeds it to fresh instances of the configured metrics, and returns an immutable
 * {@link KerasTribuoEvaluation}. Evaluations of shards of a test set can be {@link KerasTribuoEvaluation#merge merged},
 * which
 * gives the same results as evaluating all predictions at once.
 *
 * <p>As Tribuo's evaluators do, the evaluate methods throw {@link IllegalArgumentException} when a ground truth is
 * unknown or outside the model's domain, and also when a Keras metric refuses the batch (the cause is then the
 * metric's {@link io.github.metricparity.spi.InvalidInputException}).
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <T> the output type
 */
public interface KerasEvaluator<T extends Output<T>> extends Evaluator<T, KerasTribuoEvaluation<T>> {

    /** The metrics as configured, in order. */
    List<KerasMetricSpec> getMetricSpecs();

    /** The metrics as they run: names, classes, full configs and tensor encodings, in order. */
    List<MetricBinding> getBindings();

    /** True when example weights are passed to the metrics as {@code sample_weight}. */
    boolean usesExampleWeights();

    /** The id of the {@link io.github.metricparity.spi.MetricProvider} the metrics come from. */
    String getProviderId();
}
