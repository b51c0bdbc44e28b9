package io.github.metricparity.tribuo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Keras metric as an evaluator runs it: its name and class, its full Keras config ({@code get_config()}, defaults
 * included), and how the Tribuo outputs are encoded as its {@code y_true} and {@code y_pred}.
 *
 * <p>Immutable.
 */
public final class MetricBinding {
    private final String name;
    private final String className;
    private final Map<String, Object> config;
    private final TensorEncoding yTrue;
    private final TensorEncoding yPred;

    MetricBinding(String name, String className, Map<String, Object> config, TensorEncoding yTrue,
            TensorEncoding yPred) {
        this.name = name;
        this.className = className;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.yTrue = yTrue;
        this.yPred = yPred;
    }

    /** The metric's Keras name, the key of its result. */
    public String getName() {
        return name;
    }

    /** The Keras class name. */
    public String getClassName() {
        return className;
    }

    /** The Keras {@code get_config()}. */
    public Map<String, Object> getConfig() {
        return config;
    }

    /** How the ground truth is encoded. */
    public TensorEncoding getYTrueEncoding() {
        return yTrue;
    }

    /** How the predictions are encoded. */
    public TensorEncoding getYPredEncoding() {
        return yPred;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MetricBinding)) {
            return false;
        }
        MetricBinding b = (MetricBinding) o;
        return name.equals(b.name) && className.equals(b.className) && config.equals(b.config) && yTrue == b.yTrue
                && yPred == b.yPred;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, className, config, yTrue, yPred);
    }

    @Override
    public String toString() {
        return name + " = " + className + config + " on y_true " + yTrue.description() + ", y_pred "
                + yPred.description();
    }
}
