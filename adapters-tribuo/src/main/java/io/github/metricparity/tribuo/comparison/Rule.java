package io.github.metricparity.tribuo.comparison;

import java.util.Objects;

/**
 * Why a Tribuo metric and its Keras counterpart can differ, or why they are the same.
 *
 * <p>A rule either names a difference ({@link #differs}: a short cause and the rule in a sentence or two) or states a
 * shared rule ({@link #same}). Which text a row shows depends on the values: a row that disagrees shows the cause
 * and its explanation; a row that agrees shows the shared rule, or says that the values coincide on these
 * predictions although the rules differ.
 *
 * @param cause       the short rule name (threshold, averaging, ...), empty for a shared rule
 * @param explanation the rule that makes the two differ, or the rule both follow
 * @param whenEqual   what an agreeing row says (for a difference rule whose values happen to coincide)
 */
record Rule(String cause, String explanation, String whenEqual) {
    /** The cause shown when a row that should agree does not: no known rule explains it. */
    static final String UNEXPLAINED = "unexplained";

    Rule {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(whenEqual, "whenEqual");
    }

    /** Both sides follow the same rule, described by {@code explanation}. */
    static Rule same(String explanation) {
        return new Rule("", explanation, explanation);
    }

    /** The two follow different rules; on data where the rule makes no difference the row says so. */
    static Rule differs(String cause, String explanation) {
        return new Rule(cause, explanation, "Equal on these predictions, though the rules differ: " + explanation);
    }

    /** As {@link #differs(String, String)}, with a specific text for when the values coincide. */
    static Rule differs(String cause, String explanation, String whenEqual) {
        return new Rule(cause, explanation, whenEqual);
    }

    /** This rule with {@code more} appended to the explanation of a difference, e.g. what one pass gives. */
    Rule withMore(String more) {
        return new Rule(cause, explanation + more, whenEqual);
    }

    /** True when the rule names a difference. */
    boolean namesDifference() {
        return !cause.isEmpty();
    }
}
