package io.github.metricparity.conformance.run;

import io.github.metricparity.conformance.golden.GoldenCase;

/**
 * The outcome of one golden case through one adapter.
 *
 * @param adapter     adapter id
 * @param goldenCase  the case
 * @param status      passed, failed or skipped
 * @param step        index of the failing step, or -1
 * @param expected    what the failing step expected (text), or null
 * @param actual      what the adapter gave (text), or null
 * @param maxAbsError the largest |actual - expected| over the case's result steps (0 when none compared)
 * @param message     why it failed or was skipped, or null
 */
public record CaseResult(String adapter, GoldenCase goldenCase, Status status, int step, String expected,
        String actual, double maxAbsError, String message) {

    /** Outcome of a case. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    /** One line as the format asks for: id, adapter, step index, expected, actual. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(status).append(' ').append(goldenCase.id()).append(" [").append(adapter).append(']');
        if (step >= 0) {
            sb.append(" step ").append(step);
        }
        if (expected != null || actual != null) {
            sb.append(": expected ").append(expected).append(", actual ").append(actual);
        }
        if (message != null) {
            sb.append(step >= 0 || expected != null ? " (" + message + ")" : ": " + message);
        }
        return sb.toString();
    }
}
