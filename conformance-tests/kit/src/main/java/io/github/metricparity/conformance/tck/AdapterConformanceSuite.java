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
 * Override {@link #cases()} to add your own golden files to the project's.
 */
public abstract class AdapterConformanceSuite {

    /** The driver of the adapter under test. */
    protected abstract ConformanceDriver driver();

    /** The cases to run: the project's golden files by default. */
    protected List<GoldenCase> cases() {
        return GoldenSets.bundled();
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        ConformanceDriver driver = driver();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c, driver)));
    }

    /** Runs one case and turns its outcome into a JUnit outcome. */
    public static void check(GoldenCase c, ConformanceDriver driver) {
        CaseResult r = GoldenRunner.run(c, driver);
        Assumptions.assumeTrue(r.status() != CaseResult.Status.SKIPPED, () -> "skipped: " + r.message());
        if (r.status() == CaseResult.Status.FAILED) {
            Assertions.fail(r.describe() + " [" + c.file() + (c.source() != null ? "; source: " + c.source() : "")
                    + "]");
        }
    }
}
