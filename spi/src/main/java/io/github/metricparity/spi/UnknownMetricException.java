package io.github.metricparity.spi;

/** A metric identifier that no provider offers (Keras: "Could not interpret metric identifier"). */
public class UnknownMetricException extends MetricException {
    private static final long serialVersionUID = 1L;

    public UnknownMetricException(String message) {
        super(message);
    }
}
