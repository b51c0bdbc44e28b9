package io.github.metricparity.tribuo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Keras metric to evaluate: an identifier as {@code keras.metrics.get} accepts it (a class name such as
 * {@code "SparseCategoricalAccuracy"}, a snake_case name, or an alias such as {@code "mse"}) and the Keras constructor
 * keywords, with Keras names and JSON values ({@code {"from_logits": true}}). Absent keywords take Keras defaults.
 *
 * <p>Immutable and thread-safe; the config map is copied.
 */
public final class KerasMetricSpec {
    private final String identifier;
    private final Map<String, Object> config;

    private KerasMetricSpec(String identifier, Map<String, ?> config) {
        this.identifier = Objects.requireNonNull(identifier, "identifier");
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
    }

    /** A metric with its Keras defaults, e.g. {@code of("mse")}. */
    public static KerasMetricSpec of(String identifier) {
        return new KerasMetricSpec(identifier, Map.of());
    }

    /** A metric with Keras constructor keywords, e.g. {@code of("AUC", Map.of("num_thresholds", 500))}. */
    public static KerasMetricSpec of(String identifier, Map<String, ?> config) {
        return new KerasMetricSpec(identifier, config);
    }

    /** The identifier as given. */
    public String getIdentifier() {
        return identifier;
    }

    /** The Keras keywords as given (not including defaults). */
    public Map<String, Object> getConfig() {
        return config;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KerasMetricSpec)) {
            return false;
        }
        KerasMetricSpec that = (KerasMetricSpec) o;
        return identifier.equals(that.identifier) && config.equals(that.config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, config);
    }

    @Override
    public String toString() {
        return config.isEmpty() ? identifier : identifier + config;
    }
}
