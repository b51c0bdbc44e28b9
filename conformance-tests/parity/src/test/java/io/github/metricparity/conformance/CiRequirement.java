package io.github.metricparity.conformance;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs something outside the JVM (a browser, node): skipped where it is missing, except under
 * {@code CI=true}, where CI installs it, so that missing means broken and the test fails.
 */
public final class CiRequirement {
    private CiRequirement() {
    }

    /** True when the environment variable {@code CI} is {@code true} (as CI sets it). */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the test (fails it under CI) when {@code available} is false; {@code missing} says what is absent. */
    public static void require(boolean available, String missing) {
        if (available) {
            return;
        }
        if (onCi()) {
            Assertions.fail("CI=true, and this test cannot run: " + missing);
        }
        Assumptions.abort(missing);
    }
}
