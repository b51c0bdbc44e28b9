package io.github.metricparity.conformance.compare;

import java.nio.file.Path;

/**
 * An input of {@code parity compare} that cannot be used: a malformed, truncated or inconsistent file (the message
 * names the file and, where it has them, the line and column or the byte offset), or options that do not fit the
 * data.
 */
public final class CompareException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompareException(String message) {
        super(message);
    }

    public CompareException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code FILE:LINE:COLUMN: message}, the form editors and CI logs link to. */
    static CompareException at(Path file, long line, long column, String message) {
        return new CompareException(file + ":" + line + ":" + column + ": " + message);
    }

    /** {@code FILE: message}. */
    static CompareException in(Path file, String message) {
        return new CompareException(file + ": " + message);
    }
}
