package io.github.metricparity.spi;

/**
 * Where {@link Diagnostics} sends warnings, discovered with {@link java.util.ServiceLoader} (an SLF4J sink ships
 * with the adapters and the conformance tools). Without any sink on the class path, warnings go to
 * {@link System.Logger} {@code io.github.metricparity}.
 */
public interface DiagnosticSink {
    void warn(Diagnostic diagnostic);
}
