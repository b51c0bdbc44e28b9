package io.github.metricparity.spi;

/**
 * Where {@link Diagnostics} sends warnings, discovered with {@link java.util.ServiceLoader}: the adapters bring an
 * SLF4J sink (artifact {@code metricparity-diagnostics-slf4j}). Without an active sink on the class path, warnings
 * go to {@link System.Logger} {@code io.github.metricparity}.
 */
public interface DiagnosticSink {
    void warn(Diagnostic diagnostic);

    /** Sinks of one id write to one destination: {@link Diagnostics} uses the first found. */
    default String id() {
        return getClass().getName();
    }

    /** False when the destination is missing (no SLF4J binding, say): {@link Diagnostics} then ignores the sink. */
    default boolean active() {
        return true;
    }
}
