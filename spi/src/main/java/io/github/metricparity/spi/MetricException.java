package io.github.metricparity.spi;

/** Base of every error a metric reports: the message always names the metric. */
public class MetricException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetricException(String message) {
        super(message);
    }

    public MetricException(String message, Throwable cause) {
        super(message, cause);
    }
}
