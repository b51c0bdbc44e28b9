package io.github.metricparity.comparison;

import java.util.Objects;

/**
 * Why a framework's own metric and its Keras counterpart can differ, or the rule they share: what a
 * {@link FrameworkComparison} states for each of its {@link ComparisonRow}s.
 *
 * <p>A rule either names a difference ({@link #differs}: a short cause and the rule in a sentence or two) or states a
 * shared rule ({@link #same}). Which text a row shows depends on its values ({@link ComparisonRows}): a disagreeing
 * row shows the cause and its explanation; an agreeing row shows the shared rule, or says that the values coincide
 * on these predictions although the rules differ.
 *
 * @param cause       the short rule name (threshold, averaging, merge, ...), empty for a shared rule
 * @param explanation the rule that makes the two differ, or the rule both follow
 * @param whenEqual   what an agreeing row says
 */
public record ComparisonRule(String cause, String explanation, String whenEqual) {
    /** The cause of a row that should agree but does not: no known rule explains it (tests should refuse it). */
    public static final String UNEXPLAINED = "unexplained";

    public ComparisonRule {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(whenEqual, "whenEqual");
    }

    /** Both sides follow the same rule, described by {@code explanation}. */
    public static ComparisonRule same(String explanation) {
        return new ComparisonRule("", explanation, explanation);
    }

    /** The two follow different rules; on data where that makes no difference the row says so. */
    public static ComparisonRule differs(String cause, String explanation) {
        return new ComparisonRule(cause, explanation,
                "Equal on these predictions, though the rules differ: " + explanation);
    }

    /** As {@link #differs(String, String)}, with a specific text for when the values coincide. */
    public static ComparisonRule differs(String cause, String explanation, String whenEqual) {
        return new ComparisonRule(cause, explanation, whenEqual);
    }

    /** This rule with {@code more} appended to both texts, e.g. the values of a one-pass evaluation. */
    public ComparisonRule withMore(String more) {
        return new ComparisonRule(cause, explanation + more, whenEqual + more);
    }

    /** True when the rule names a difference. */
    public boolean namesDifference() {
        return !cause.isEmpty();
    }
}
