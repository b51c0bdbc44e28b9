package io.github.metricparity.conformance.tck;

import io.github.metricparity.spi.MetricException;

/**
 * An adapter cannot express this metric, config or input through its framework (e.g. a rank-3 input in a framework
 * whose predictions are one vector per example). Conformance runs count such a case as skipped, with this message
 * as the reason, never as passed or failed.
 */
public class NotExpressibleException extends MetricException {
    private static final long serialVersionUID = 1L;

    public NotExpressibleException(String message) {
        super(message);
    }
}
