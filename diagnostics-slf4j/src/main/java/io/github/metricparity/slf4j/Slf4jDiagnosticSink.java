package io.github.metricparity.slf4j;

import io.github.metricparity.spi.Diagnostic;
import io.github.metricparity.spi.DiagnosticSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each metric usage warning at WARN on SLF4J logger {@value #LOGGER}, so that it reaches the application's
 * logging (Logback, Log4j 2, ...) rather than {@code java.util.logging}. Registered as a {@link DiagnosticSink}
 * service; the adapters bring it.
 */
public final class Slf4jDiagnosticSink implements DiagnosticSink {
    /** The logger name: {@code io.github.metricparity}. */
    public static final String LOGGER = "io.github.metricparity";

    private volatile Logger logger;

    /** The sink ServiceLoader creates; it asks SLF4J for its logger at the first warning only. */
    public Slf4jDiagnosticSink() {
    }

    Slf4jDiagnosticSink(Logger logger) {
        this.logger = logger;
    }

    @Override
    public void warn(Diagnostic diagnostic) {
        Logger l = logger;
        if (l == null) {
            l = LoggerFactory.getLogger(LOGGER);
            logger = l;
        }
        l.warn(diagnostic.message());
    }

    @Override
    public String id() {
        return "slf4j";
    }

    /**
     * True when an SLF4J binding is on the class path (1.7's {@code StaticLoggerBinder} or a 2.x provider): without
     * one SLF4J drops every message, and the warnings had better go to {@code System.Logger}.
     */
    @Override
    public boolean active() {
        ClassLoader loader = Slf4jDiagnosticSink.class.getClassLoader();
        return loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null
                || loader.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null;
    }
}
