package io.github.metricparity.dl4j.modelimport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One loss or metric as a Keras model's compile() config records it: a string identifier ({@code "accuracy"},
 * {@code "mae"}) or a serialised Keras object (class name and config, e.g. {@code AUC(num_thresholds=50)} or
 * tf.keras 2's already resolved {@code MeanMetricWrapper(fn="categorical_accuracy", name="accuracy")}).
 * Immutable.
 */
public final class CompileEntry {
    private final String identifier;
    private final String className;
    private final Map<String, Object> config;

    private CompileEntry(String identifier, String className, Map<String, Object> config) {
        this.identifier = identifier;
        this.className = className;
        this.config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** A string identifier, as given to compile(). */
    public static CompileEntry identifier(String identifier) {
        return new CompileEntry(Objects.requireNonNull(identifier, "identifier"), null, null);
    }

    /** A serialised Keras object. */
    public static CompileEntry object(String className, Map<String, Object> config) {
        return new CompileEntry(null, Objects.requireNonNull(className, "className"),
                config == null ? Map.of() : config);
    }

    /** True for a string identifier, false for a serialised object. */
    public boolean isIdentifier() {
        return identifier != null;
    }

    /** The string identifier, or null for an object. */
    public String identifier() {
        return identifier;
    }

    /** The object's Keras class name, or null for an identifier. */
    public String className() {
        return className;
    }

    /** The object's Keras config (already normalised: a dtype policy is its name), or null for an identifier. */
    public Map<String, Object> config() {
        return config;
    }

    /** The string Keras's rule sets compare the loss with: the identifier, or the class name. */
    String lossName() {
        return identifier != null ? identifier : className;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CompileEntry)) {
            return false;
        }
        CompileEntry e = (CompileEntry) o;
        return Objects.equals(identifier, e.identifier) && Objects.equals(className, e.className)
                && Objects.equals(config, e.config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, className, config);
    }

    @Override
    public String toString() {
        return identifier != null ? '"' + identifier + '"' : className + config;
    }
}
