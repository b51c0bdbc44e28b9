package io.github.metricparity.conformance.tck;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenSets;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.GoldenRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reusable conformance suite (TCK): extend it with your adapter's {@link ConformanceDriver} and every golden
 * case runs through your adapter as one JUnit test, named after the case. A failure reads as the rule the adapter
 * broke (the case id, the step, expected and actual); a case your adapter cannot express is reported as skipped
 * (throw {@link io.github.metricparity.conformance.tck.NotExpressibleException} from your driver).
 *
 * <pre>{@code
 * class MyAdapterConformanceTest extends AdapterConformanceSuite {
 *     protected ConformanceDriver driver() { return new MyDriver(); }
 * }
 * }</pre>
 * Override {@link #cases()} to add your own golden files to the project's, and {@link #expectedSkips()} to hold your
 * adapter to a committed skip budget.
 */
public abstract class AdapterConformanceSuite {

    /** The driver of the adapter under test. */
    protected abstract ConformanceDriver driver();

    /** The cases to run: the project's golden files by default. */
    protected List<GoldenCase> cases() {
        return GoldenSets.bundled();
    }

    /**
     * The cases your adapter is known to skip, with their reasons ({@link ExpectedSkips}): a skip not listed, or
     * listed and no longer happening, then fails. Null (the default) lets any case be skipped.
     */
    protected ExpectedSkips expectedSkips() {
        return null;
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        ConformanceDriver driver = driver();
        ExpectedSkips budget = expectedSkips();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id(),
                () -> judge(GoldenRunner.run(c, driver), budget)));
    }

    /** Runs one case and turns its outcome into a JUnit outcome (any skip allowed). */
    public static void check(GoldenCase c, ConformanceDriver driver) {
        judge(GoldenRunner.run(c, driver), null);
    }

    /**
     * Turns a case's outcome into a JUnit outcome: a failure fails; a skip is a skipped test when {@code budget}
     * (null: any skip allowed) lists it with that reason, else a failure; a listed case that no longer skips fails.
     */
    public static void judge(CaseResult r, ExpectedSkips budget) {
        GoldenCase c = r.goldenCase();
        String broken = budget == null ? null : budget.violation(r);
        if (broken != null && r.status() != CaseResult.Status.FAILED) {
            Assertions.fail(broken);
        }
        Assumptions.assumeTrue(r.status() != CaseResult.Status.SKIPPED, () -> "skipped: " + r.message());
        if (r.status() == CaseResult.Status.FAILED) {
            Assertions.fail(r.describe() + " [" + c.file() + (c.source() != null ? "; source: " + c.source() : "")
                    + "]");
        }
    }
}
