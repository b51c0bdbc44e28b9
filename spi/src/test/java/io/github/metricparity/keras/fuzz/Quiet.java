package io.github.metricparity.keras.fuzz;

import java.lang.reflect.Method;

/**
 * Silences the fallback logger of {@link io.github.metricparity.spi.Diagnostics} while fuzzing: every iteration
 * creates a new metric, which may warn once (logits given to a probability metric), and a log line per execution
 * would slow the fuzzer down a hundredfold. Reflection, because the spi module (into which the tests are patched)
 * does not read {@code java.logging}; core reflection needs no readability.
 */
final class Quiet {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static Object logger;

    private Quiet() {
    }

    static synchronized void diagnostics() {
        if (logger != null) {
            return;
        }
        try {
            Class<?> loggerClass = Class.forName("java.util.logging.Logger");
            Class<?> levelClass = Class.forName("java.util.logging.Level");
            Object off = levelClass.getField("OFF").get(null);
            Object l = loggerClass.getMethod("getLogger", String.class).invoke(null, "io.github.metricparity");
            Method setLevel = loggerClass.getMethod("setLevel", levelClass);
            setLevel.invoke(l, off);
            logger = l;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot silence java.util.logging", e);
        }
    }
}
