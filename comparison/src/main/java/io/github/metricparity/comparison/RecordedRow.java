package io.github.metricparity.comparison;

import java.util.Objects;

/**
 * A value Keras recorded ({@code evaluate()}, {@code History}, {@code CSVLogger}) against the same Keras metric
 * computed on the JVM from the same targets and predictions.
 *
 * @param name          the metric's name, as Keras's logs key it (e.g. {@code accuracy}, {@code loss})
 * @param kerasMetric   the metric computed, e.g. {@code CategoricalAccuracy} or {@code AUC(num_thresholds=200)}
 * @param jvmValue      the JVM's value
 * @param recordedValue Keras's recorded value, or null when Keras recorded none under that name
 * @param tolerance     the absolute and relative tolerance of the comparison
 */
public record RecordedRow(String name, String kerasMetric, double jvmValue, Double recordedValue, double tolerance) {
    /** Keras computes in float32 and accumulates per batch: values agree to about 1e-6 relative. */
    public static final double DEFAULT_TOLERANCE = 1e-5;

    public RecordedRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kerasMetric, "kerasMetric");
    }

    /** True when Keras recorded a value and the JVM's agrees with it within the tolerance. */
    public boolean reproduced() {
        if (recordedValue == null) {
            return false;
        }
        if (Double.isNaN(jvmValue) || Double.isNaN(recordedValue)) {
            return Double.isNaN(jvmValue) && Double.isNaN(recordedValue);
        }
        return Math.abs(jvmValue - recordedValue) <= tolerance + tolerance * Math.abs(recordedValue);
    }

    /** {@code reproduced}, {@code DIFFERS} or {@code not recorded}. */
    public String verdict() {
        return recordedValue == null ? "not recorded" : reproduced() ? "reproduced" : "DIFFERS";
    }
}
