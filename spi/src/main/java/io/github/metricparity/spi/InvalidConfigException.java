package io.github.metricparity.spi;

/**
 * A metric could not be created from its config: an unknown key, a value of the wrong type, a value Keras refuses
 * (e.g. {@code num_thresholds=1} for AUC). The message names the metric and the key.
 */
public class InvalidConfigException extends MetricException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }
}
