package io.github.metricparity.conformance.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Results of a conformance run, and the summary line {@code N passed, N failed[, N skipped]}. */
public final class RunSummary {
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
        long skipped = count(CaseResult.Status.SKIPPED);
        return count(CaseResult.Status.PASSED) + " passed, " + count(CaseResult.Status.FAILED) + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
