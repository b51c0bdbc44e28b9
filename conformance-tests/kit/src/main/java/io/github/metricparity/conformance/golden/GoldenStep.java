package io.github.metricparity.conformance.golden;

import io.github.metricparity.spi.Tensor;

/**
 * One step of a golden case, applied to the case's single metric instance.
 *
 * @param op           {@link Op#UPDATE}, {@link Op#RESULT} or {@link Op#RESET}
 * @param yTrue        update: targets (null for a {@code values} update)
 * @param yPred        update: predictions (null for a {@code values} update)
 * @param values       update of Mean/Sum: the values (else null)
 * @param sampleWeight update: weights, or null
 * @param expected     result: the expected value (a scalar tensor or a nested array), or null
 * @param expectError  update (or result): the step must be refused
 */
public record GoldenStep(Op op, Tensor yTrue, Tensor yPred, Tensor values, Tensor sampleWeight, Tensor expected,
        boolean expectError) {

    /** Golden step operations. */
    public enum Op {
        UPDATE, RESULT, RESET
    }

    /** True for an update of a metric whose signature is {@code update_state(values, sample_weight)}. */
    public boolean isValuesUpdate() {
        return op == Op.UPDATE && values != null;
    }
}
