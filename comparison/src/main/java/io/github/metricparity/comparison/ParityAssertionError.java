package io.github.metricparity.comparison;

import java.util.List;

/**
 * A parity assertion that failed: Keras's recorded values not reproduced, or a framework metric that differs from
 * Keras without a known cause. The message holds the whole table with the explanations. An {@link AssertionError},
 * so JUnit 5, JUnit 4, TestNG and plain {@code assert}-style runners all report it as a test failure, without the
 * adapters depending on any of them.
 */
public final class ParityAssertionError extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient List<RecordedRow> recorded;
    private final transient List<ComparisonRow> comparisons;

    public ParityAssertionError(String message, List<RecordedRow> recorded, List<ComparisonRow> comparisons) {
        super(message);
        this.recorded = List.copyOf(recorded);
        this.comparisons = List.copyOf(comparisons);
    }

    /** The recorded-value rows the assertion checked. */
    public List<RecordedRow> recorded() {
        return recorded;
    }

    /** The framework comparison rows the assertion checked. */
    public List<ComparisonRow> comparisons() {
        return comparisons;
    }
}
