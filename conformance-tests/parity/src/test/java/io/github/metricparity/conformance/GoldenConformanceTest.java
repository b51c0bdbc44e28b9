package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenSets;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.GoldenRunner;
import io.github.metricparity.conformance.tck.AdapterConformanceSuite;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.conformance.tck.ExpectedSkips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden case through every adapter found with ServiceLoader: what {@code mvn verify} checks. Each adapter
 * is held to its committed skip budget, {@code src/test/resources/expected-skips/ADAPTER.tsv}: a new skip, a skip
 * for another reason or a vanished one fails. Run with {@code -Dmetricparity.writeExpectedSkips=true} to rewrite
 * the lists from this run ({@link #REGENERATE}).
 */
class GoldenConformanceTest {
    static final Path SKIP_LISTS = Paths.get("src", "test", "resources", "expected-skips");
    static final String WRITE = "metricparity.writeExpectedSkips";
    static final String REGENERATE = "mvn -B -o -pl conformance-tests/parity -am verify -Dtest=GoldenConformanceTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";

    @TestFactory
    Stream<DynamicContainer> everyAdapterPassesEveryGoldenCase() {
        List<GoldenCase> cases = GoldenSets.bundled();
        boolean write = Boolean.getBoolean(WRITE);
        return Conformance.drivers(null).stream().map(d -> adapter(d, cases, write));
    }

    private static DynamicContainer adapter(ConformanceDriver d, List<GoldenCase> cases, boolean write) {
        Path list = SKIP_LISTS.resolve(d.adapterId() + ".tsv");
        ExpectedSkips budget = write ? null : ExpectedSkips.read(list);
        List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
        List<DynamicNode> tests = new ArrayList<>();
        for (GoldenCase c : cases) {
            tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                CaseResult r = GoldenRunner.run(c, d);
                results.add(r);
                try {
                    AdapterConformanceSuite.judge(r, budget);
                } catch (AssertionError e) {
                    if (budget != null && budget.violation(r) != null && r.status() != CaseResult.Status.FAILED) {
                        throw new AssertionError(e.getMessage() + ". If that is intended, regenerate the lists: "
                                + REGENERATE, e);
                    }
                    throw e;
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("expected skips of " + d.adapterId(), () -> {
            if (write) {
                Files.createDirectories(SKIP_LISTS);
                Files.writeString(list, ExpectedSkips.render(results, "Golden cases the " + d.adapterId()
                        + " adapter cannot express, with the reason it gives (case id, TAB, reason).\n"
                        + "Checked by GoldenConformanceTest; regenerate with:\n" + REGENERATE), StandardCharsets.UTF_8);
                return;
            }
            Set<String> ids = cases.stream().map(GoldenCase::id).collect(Collectors.toSet());
            Set<String> stale = new TreeSet<>(budget.caseIds());
            stale.removeAll(ids);
            assertEquals(Set.of(), stale, list + " lists cases that no golden file has; regenerate: " + REGENERATE);
        }));
        return DynamicContainer.dynamicContainer(d.adapterId(), tests);
    }
}
