package io.github.metricparity.keras.reliability;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;

/**
 * What {@code result()} gives: a tensor, or the class of the exception it throws (R2Score and FBetaScore raise
 * before their first update, as in Keras).
 */
public record Outcome(Tensor value, Class<? extends RuntimeException> error) {

    public static Outcome of(Metric m) {
        try {
            return new Outcome(m.result(), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass());
        }
    }

    /** Same exception class, or values within {@link Scenario#TOLERANCE}. */
    public boolean closeTo(Outcome o) {
        return closeTo(o, Scenario.TOLERANCE);
    }

    /** Same exception class, or values within {@code tolerance}. */
    public boolean closeTo(Outcome o, double tolerance) {
        if (value == null || o.value == null) {
            return value == null && o.value == null && error == o.error;
        }
        return Scenario.close(value, o.value, tolerance);
    }

    /** Same exception class, or bit-for-bit equal values. */
    public boolean identicalTo(Outcome o) {
        if (value == null || o.value == null) {
            return value == null && o.value == null && error == o.error;
        }
        return value.equals(o.value);
    }

    @Override
    public String toString() {
        return value != null ? value.toString() : "throws " + error.getSimpleName();
    }
}
