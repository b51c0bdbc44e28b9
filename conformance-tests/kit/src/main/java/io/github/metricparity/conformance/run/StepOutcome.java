package io.github.metricparity.conformance.run;

import io.github.metricparity.spi.Tensor;

/**
 * What one step of a golden case gave in an implementation that ran the whole case: accepted (an update or reset),
 * a value (a result) or a refusal with its message.
 *
 * @param value the result's value, or null
 * @param error why the step was refused, or null
 */
public record StepOutcome(Tensor value, String error) {
    private static final StepOutcome ACCEPTED = new StepOutcome(null, null);

    /** An update or reset that was accepted. */
    public static StepOutcome accepted() {
        return ACCEPTED;
    }

    /** A result step's value. */
    public static StepOutcome value(Tensor value) {
        return new StepOutcome(value, null);
    }

    /** A refused step. */
    public static StepOutcome refused(String error) {
        return new StepOutcome(null, error);
    }

    public boolean isRefused() {
        return error != null;
    }
}
