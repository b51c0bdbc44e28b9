package io.github.metricparity.conformance.golden;

/**
 * How close a result must be: {@code |actual - expected| <= atol + rtol * |expected|}, element-wise; NaN matches
 * only NaN, and an infinity only the same infinity.
 */
public record Tolerance(double atol, double rtol) {
    /** The format's default, {@code {"atol": 1e-6, "rtol": 1e-6}}. */
    public static final Tolerance DEFAULT = new Tolerance(1e-6, 1e-6);

    /** True when {@code actual} is close enough to {@code expected}. */
    public boolean accepts(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }
}
