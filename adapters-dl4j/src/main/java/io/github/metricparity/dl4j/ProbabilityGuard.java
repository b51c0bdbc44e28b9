package io.github.metricparity.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keeps the reference metrics' probability diagnostics (a warning, or a refusal in strict mode, when logits are
 * given to a metric that expects probabilities) working under a fast path: a batch that would trigger them is
 * declined, so that it goes through the reference metric, until the reference has accepted one such batch (it has
 * then warned, and warns once per instance). The triggers mirror {@code keras.ProbabilityDiagnostics}: predictions
 * outside [0, 1]; for the categorical crossentropies also a row not summing to 1 within {@value #ROW_SUM_TOLERANCE},
 * checked on the first {@value #ROW_SUM_CHECKS} batches.
 */
final class ProbabilityGuard {
    /** The reference's tolerance on a probability row's sum. */
    static final double ROW_SUM_TOLERANCE = 1e-3;
    /** How many batches the reference checks row sums on. */
    static final int ROW_SUM_CHECKS = 16;

    private final boolean distribution;
    private boolean diagnosed;
    private boolean pending;
    private int rowSumChecks;

    private ProbabilityGuard(boolean distribution) {
        this.distribution = distribution;
    }

    /** For metrics that expect probabilities (BinaryCrossentropy, BinaryAccuracy). */
    static ProbabilityGuard probabilities() {
        return new ProbabilityGuard(false);
    }

    /** For metrics that expect one probability distribution per row (the categorical crossentropies). */
    static ProbabilityGuard distributions() {
        return new ProbabilityGuard(true);
    }

    /** Starts a new batch: forgets whether the previous one was declined. */
    void newBatch() {
        pending = false;
    }

    /**
     * True when this batch must go through the reference metric for its diagnostics.
     *
     * @param yPred finite predictions, rank 2
     */
    boolean declines(INDArray yPred) {
        if (diagnosed) {
            return false;
        }
        if (yPred.minNumber().doubleValue() < 0 || yPred.maxNumber().doubleValue() > 1) {
            pending = true;
            return true;
        }
        if (distribution && rowSumChecks < ROW_SUM_CHECKS) {
            rowSumChecks++;
            INDArray deviation = yPred.sum(1).subi(1.0);
            if (deviation.amaxNumber().doubleValue() > ROW_SUM_TOLERANCE) {
                pending = true;
                return true;
            }
        }
        return false;
    }

    /** The reference accepted a batch: if it was one this guard declined, the reference has now warned. */
    void referenceAccepted() {
        if (pending) {
            diagnosed = true;
            pending = false;
        }
    }
}
