package io.github.metricparity.spi;

/**
 * An update was refused: shapes that do not fit, a non-finite value, a label out of range, a wrong rank. The
 * message names the metric, the argument and the shapes. A refused update leaves the metric's state exactly as it
 * was.
 */
public class InvalidInputException extends MetricException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
