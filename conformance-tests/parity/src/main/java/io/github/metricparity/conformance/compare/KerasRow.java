package io.github.metricparity.conformance.compare;

import io.github.metricparity.comparison.RecordedRow;

/**
 * One Keras metric of a {@code parity compare} run: the JVM's value, Keras's recorded value, the verdict and why.
 *
 * @param recorded    the JVM value against the recorded one (the recorded value is null when Keras recorded none)
 * @param cause       empty when reproduced or not recorded; else the cause found, or {@code unexplained}
 * @param explanation the verdict in a sentence
 */
public record KerasRow(RecordedRow recorded, String cause, String explanation) {
    /** {@code reproduced}, {@code not recorded}, {@code explained} or {@code DIFFERS}. */
    public String verdict() {
        if (recorded.recordedValue() == null || recorded.reproduced()) {
            return recorded.verdict();
        }
        return unexplained() ? "DIFFERS" : "explained";
    }

    /** A recorded value the JVM does not reproduce, with no cause found: what fails a CI gate. */
    public boolean unexplained() {
        return recorded.recordedValue() != null && !recorded.reproduced()
                && cause.equals(io.github.metricparity.comparison.ComparisonRule.UNEXPLAINED);
    }
}
