package io.github.metricparity.conformance.external;

/**
 * An external adapter process failed as a process: it could not be started, exited, stopped answering within the
 * timeout, or broke the protocol. The message says which adapter, which case and what happened (with the end of
 * its standard error where there is one); a conformance run counts the case as failed.
 */
public final class ExternalAdapterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExternalAdapterException(String message) {
        super(message);
    }

    public ExternalAdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
