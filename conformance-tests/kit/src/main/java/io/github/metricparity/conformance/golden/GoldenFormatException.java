package io.github.metricparity.conformance.golden;

/** A golden file that does not follow the format; the message names the file, the case id and the field. */
public final class GoldenFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GoldenFormatException(String message) {
        super(message);
    }

    public GoldenFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
