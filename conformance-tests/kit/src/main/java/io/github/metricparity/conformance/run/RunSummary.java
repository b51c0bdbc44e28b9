package io.github.metricparity.conformance.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Results of a conformance run, and the summary line {@code N passed, N failed[, N skipped]}. Cases of origin
 * {@code policy} (the project's rules where Keras computes NaN or accepts what the project refuses) are counted in
 * that line and also tallied apart, so that Keras conformance is never claimed on them.
 */
public final class RunSummary {
    /** The origin of the cases that encode project policy rather than Keras behaviour. */
    public static final String POLICY = "policy";

    private final List<CaseResult> results = new ArrayList<>();

    public void add(CaseResult r) {
        results.add(r);
    }

    public List<CaseResult> results() {
        return Collections.unmodifiableList(results);
    }

    public long count(CaseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public boolean anyFailed() {
        return count(CaseResult.Status.FAILED) > 0;
    }

    /** The format's summary line. */
    public String summaryLine() {
        return line(results);
    }

    /** Two lines: Keras conformance, and project policy apart from it. */
    public String splitLines() {
        return splitLines(results);
    }

    /** {@code N passed, N failed[, N skipped]} over {@code results}. */
    public static String line(Collection<CaseResult> results) {
        long skipped = count(results, CaseResult.Status.SKIPPED);
        return count(results, CaseResult.Status.PASSED) + " passed, " + count(results, CaseResult.Status.FAILED)
                + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    /** The Keras conformance cases' line and the policy cases' line. */
    public static String splitLines(Collection<CaseResult> results) {
        List<CaseResult> keras = new ArrayList<>();
        List<CaseResult> policy = new ArrayList<>();
        for (CaseResult r : results) {
            (isPolicy(r) ? policy : keras).add(r);
        }
        return "Keras conformance: " + line(keras) + "\n"
                + "project policy (refusals beyond Keras, not Keras conformance): " + line(policy);
    }

    /** True for a case whose origin is {@code policy}. */
    public static boolean isPolicy(CaseResult r) {
        return POLICY.equals(r.goldenCase().origin());
    }

    private static long count(Collection<CaseResult> results, CaseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
