package io.github.metricparity.spi;

/**
 * A metric whose Keras signature is {@code update_state(values, sample_weight)} ({@code Mean}, {@code Sum}) rather
 * than {@code (y_true, y_pred, sample_weight)}.
 */
public interface ValuesMetric extends Metric {

    /**
     * Accumulates {@code values}, weighted and broadcast as Keras {@code reduce_to_samplewise_values} does.
     *
     * @throws InvalidInputException if refused; the state is then unchanged
     */
    void updateValues(Tensor values, Tensor sampleWeight);

    /** {@link #updateValues(Tensor, Tensor)} without weights. */
    default void updateValues(Tensor values) {
        updateValues(values, null);
    }
}
