package io.github.metricparity.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Usage warnings of metrics (see {@link Diagnostic}), sent to every {@link DiagnosticSink} and listener.
 *
 * <p>In strict mode (system property {@code metricparity.strict=true}, or {@link #setStrict}) a warning becomes an
 * error: the update that triggered it is refused with {@link InvalidInputException} and leaves the state
 * unchanged. Thread-safe.
 */
public final class Diagnostics {
    private static volatile boolean strict = Boolean.getBoolean("metricparity.strict");
    private static volatile boolean logging = true;
    private static final List<Consumer<Diagnostic>> LISTENERS = new CopyOnWriteArrayList<>();
    private static final List<DiagnosticSink> SINKS = loadSinks();
    private static final System.Logger FALLBACK = System.getLogger("io.github.metricparity");

    private Diagnostics() {
    }

    /** The active sinks on the class path, the first of each id. */
    private static List<DiagnosticSink> loadSinks() {
        Map<String, DiagnosticSink> byId = new LinkedHashMap<>();
        for (DiagnosticSink s : ServiceLoader.load(DiagnosticSink.class)) {
            if (s.active()) {
                byId.putIfAbsent(s.id(), s);
            }
        }
        return List.copyOf(byId.values());
    }

    public static boolean isStrict() {
        return strict;
    }

    /** Turns warnings into errors (true) or back into warnings. */
    public static void setStrict(boolean value) {
        strict = value;
    }

    /**
     * Turns logging of warnings (sinks and the System.Logger fallback) off or on; listeners always see them. Tools
     * that present warnings themselves, like the parity report, turn logging off.
     */
    public static void setLogging(boolean value) {
        logging = value;
    }

    /** Adds a listener that sees every warning (the parity report collects them this way). */
    public static void addListener(Consumer<Diagnostic> listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Consumer<Diagnostic> listener) {
        LISTENERS.remove(listener);
    }

    /**
     * Issues a warning, or, in strict mode, throws it as an {@link InvalidInputException}.
     */
    public static void warn(Diagnostic d) {
        if (strict) {
            throw new InvalidInputException(d.message() + " (strict mode)");
        }
        if (logging) {
            if (SINKS.isEmpty()) {
                FALLBACK.log(System.Logger.Level.WARNING, d.message());
            }
            for (DiagnosticSink s : SINKS) {
                s.warn(d);
            }
        }
        for (Consumer<Diagnostic> l : LISTENERS) {
            l.accept(d);
        }
    }
}
