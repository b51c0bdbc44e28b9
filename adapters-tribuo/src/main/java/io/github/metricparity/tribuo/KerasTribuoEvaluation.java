package io.github.metricparity.tribuo;

import io.github.metricparity.spi.MetricState;
import io.github.metricparity.spi.Tensor;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.evaluation.Evaluation;

/**
 * The results of Keras metrics on a model's predictions, with Tribuo provenance.
 *
 * <h2>Results</h2>
 * {@link #result(String)} is the metric's Keras {@code result()} under its Keras name. {@link #asMap()} offers the
 * same numbers the Tribuo way: a scalar result under {@code MetricID(MetricTarget.microAverageTarget(), name)}
 * (Tribuo has no "whole output" target; a Keras metric pools every example, as a micro average does; how classes
 * are combined inside it is the metric's own config, e.g. {@code F1Score(average=...)}); a per-output vector (for
 * metrics configured with {@code average: null} or {@code class_aggregation: null}) under one
 * {@code MetricTarget(output)} per output; any other vector under {@code name[i]}. A result Keras refuses to give
 * (e.g. {@code R2Score} before any example) is NaN in {@link #asMap()} and an exception from {@link #result}.
 *
 * <h2>Provenance</h2>
 * {@link #getProvenance()} is Tribuo's {@link org.tribuo.provenance.EvaluationProvenance} (model and test data);
 * {@link #getMetricsProvenance()} adds the metric names, classes, configs, encodings and the prediction kind.
 *
 * <h2>Merging</h2>
 * {@link #merge} adds another evaluation's metric states to this one's (Keras states are additive), for a test set
 * evaluated in shards, in parallel, or batch by batch. Both must come from equivalent evaluators (same metrics and
 * provider), the same model, and the same output-id mapping; the merged dataset provenance lists the shards. The
 * result equals one evaluation over the concatenated predictions (up to float summation order).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the output type
 */
public interface KerasTribuoEvaluation<T extends Output<T>> extends Evaluation<T> {

    /** The metric names, in the evaluator's order. */
    List<String> getMetricNames();

    /** How each metric ran (class, full config, tensor encodings), in order. */
    List<MetricBinding> getBindings();

    /**
     * The Keras {@code result()} of a metric.
     *
     * @throws IllegalArgumentException if no metric has this name
     * @throws io.github.metricparity.spi.MetricException if Keras gives no result here (e.g. before any update)
     */
    Tensor result(String metricName);

    /** The scalar result of a metric; see {@link #result(String)}. Fails for vector results. */
    double get(String metricName);

    /** A copy of a metric's state, e.g. to checkpoint it or to merge it into a plain {@code Metric}. */
    MetricState getState(String metricName);

    /** What {@code y_pred} was made of. */
    PredictionKind getPredictionKind();

    /** True when example weights were passed as {@code sample_weight} (in any shard). */
    boolean usedExampleWeights();

    /** The number of predictions evaluated. */
    int getNumExamples();

    /** The model's output-id mapping that placed outputs on the class axis. */
    ImmutableOutputInfo<T> getOutputIDInfo();

    /** Tribuo's evaluation provenance plus the metrics. */
    KerasMetricsProvenance getMetricsProvenance();

    /**
     * This evaluation and {@code other} as one: metric states added, predictions concatenated.
     *
     * @throws IllegalArgumentException if the evaluations are not mergeable (see the class documentation)
     */
    KerasTribuoEvaluation<T> merge(KerasTribuoEvaluation<T> other);

    /** The results as {@code name: value} pairs, in order, for printing. */
    Map<String, Tensor> results();
}
