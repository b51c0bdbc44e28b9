package io.github.metricparity.conformance.report;

import io.github.metricparity.spi.Diagnostic;
import java.util.Objects;

/**
 * A usage warning issued during a report run, with where it came from.
 *
 * @param source     the adapter whose golden cases issued it (its id), or {@code "comparison <framework>"}
 * @param diagnostic the warning
 */
public record SeenWarning(String source, Diagnostic diagnostic) {
    public SeenWarning {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }
}
