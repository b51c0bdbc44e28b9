package io.github.metricparity.dl4j.compare;

import java.util.Objects;

/**
 * Why a DL4J metric and its Keras counterpart can differ, or the rule they share.
 *
 * <p>A rule either names a difference ({@link #differs}: a short cause and the rule in a sentence or two) or states a
 * shared rule ({@link #same}). Which text a row shows depends on its values ({@link Rows}): a disagreeing row shows
 * the cause and its explanation; an agreeing row shows the shared rule, or says that the values coincide on these
 * predictions although the rules differ.
 *
 * @param cause       the short rule name (threshold, averaging, merge, ...), empty for a shared rule
 * @param explanation the rule that makes the two differ, or the rule both follow
 * @param whenEqual   what an agreeing row says
 */
record Rule(String cause, String explanation, String whenEqual) {
    /** The cause of a row that should agree but does not: no known rule explains it (the tests refuse it). */
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

    /** The two follow different rules; on data where that makes no difference the row says so. */
    static Rule differs(String cause, String explanation) {
        return new Rule(cause, explanation, "Equal on these predictions, though the rules differ: " + explanation);
    }

    /** As {@link #differs(String, String)}, with a specific text for when the values coincide. */
    static Rule differs(String cause, String explanation, String whenEqual) {
        return new Rule(cause, explanation, whenEqual);
    }

    /** This rule with {@code more} appended to both texts, e.g. the values of a one-pass evaluation. */
    Rule withMore(String more) {
        return new Rule(cause, explanation + more, whenEqual + more);
    }

    /** True when the rule names a difference. */
    boolean namesDifference() {
        return !cause.isEmpty();
    }
}
