package io.github.metricparity.spi;

import java.util.Map;

/**
 * A stateful metric with the Keras 3 life cycle: {@link #update} accumulates, {@link #result} reads, {@link #reset}
 * clears. Its meaning is that of the Keras 3 class named by {@link #className()} with the config {@link #config()}.
 *
 * <h2>State, snapshots and merging</h2>
 * Every metric's state is a set of named variables (Keras's variable names, e.g. {@code total}, {@code count},
 * {@code true_positives}) whose values are <em>additive across shards</em>: evaluating two halves of a dataset in
 * two instances and merging their states gives the same result as one pass (up to floating-point summation order).
 * {@link #snapshot()} copies the state; {@link #restore} replaces it; {@link #merge} adds another instance's state
 * to this one. Merging requires the same class and config, otherwise it is refused.
 *
 * <h2>Precision</h2>
 * Per-sample values are computed with Keras's float32 rounding, so results that depend on it (the crossentropy clip
 * at {@code 1 - 1e-7}, a prediction equal to a threshold) match Keras. Where Keras computes in the dtype of the
 * inputs (the per-sample functions of the mean-wrapper families), that is float32, the dtype of model outputs and
 * of Python lists, whatever the metric's {@link #dtype()}; the metric dtype is what Keras casts the values, the
 * weights and the state to. State is accumulated in double precision: counts stay exact up to 2^53 samples, where
 * Keras's float32 {@code count} stops growing at 2^24.
 *
 * <h2>Bad input</h2>
 * An update with inconsistent shapes, a wrong rank, a non-finite value, or a label out of range throws
 * {@link InvalidInputException} naming the metric, the argument and the shapes, and leaves the state unchanged.
 *
 * <h2>Threads</h2>
 * Instances are not thread-safe: confine each to one thread, or share it through
 * {@link ConcurrentMetrics#sharded} (one instance per thread, merged when read) or
 * {@link ConcurrentMetrics#synchronizedMetric}, or give each worker its own instance and {@link #merge} the states
 * at the end.
 *
 * <h2>Checkpoints</h2>
 * {@link Checkpoint} writes {@link #snapshot()} and the config as a JSON document and resumes an identical metric
 * from it.
 */
public interface Metric {

    /** The Keras 3 class name, e.g. {@code "SparseCategoricalAccuracy"}. */
    String className();

    /** The metric's name (Keras {@code name}), e.g. {@code "accuracy"} when resolved from that compile string. */
    String name();

    /** The dtype per-sample values are computed in. */
    DType dtype();

    /**
     * Accumulates one batch, as Keras {@code update_state(y_true, y_pred, sample_weight)}.
     *
     * @param yTrue        targets
     * @param yPred        predictions
     * @param sampleWeight optional weights (null = none), broadcast as Keras does
     * @throws InvalidInputException if the batch is refused; the state is then unchanged
     */
    void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

    /** {@link #update(Tensor, Tensor, Tensor)} without weights. */
    default void update(Tensor yTrue, Tensor yPred) {
        update(yTrue, yPred, null);
    }

    /** The current result: a scalar tensor, or a vector for metrics whose Keras result is a tensor. */
    Tensor result();

    /** The current result as a number; fails for metrics whose result is a vector. */
    default double resultValue() {
        return result().item();
    }

    /** Keras {@code reset_state()}: back to the state of a new instance. */
    void reset();

    /**
     * The Keras {@code get_config()} of this metric: Keras key names and JSON-compatible values (String, Number,
     * Boolean, List, Map, null). Creating a metric from this map gives an equivalent metric.
     */
    Map<String, Object> config();

    /** A copy of the current state. */
    MetricState snapshot();

    /**
     * Replaces the state with {@code state}.
     *
     * @throws MetricException if the state belongs to another class or config, or its variables do not fit
     */
    void restore(MetricState state);

    /**
     * Adds {@code other}'s state to this metric's state (sharded evaluation).
     *
     * @throws MetricException if the state belongs to another class or config, or its variables do not fit
     */
    void merge(MetricState other);

    /** Adds another instance's state to this one; see {@link #merge(MetricState)}. */
    default void merge(Metric other) {
        merge(other.snapshot());
    }
}
