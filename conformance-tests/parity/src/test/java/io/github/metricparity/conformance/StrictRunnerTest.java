package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.golden.GoldenSets;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.GoldenRunner;
import io.github.metricparity.conformance.tck.AdapterConformanceSuite;
import io.github.metricparity.conformance.tck.ConformanceDriver;
import io.github.metricparity.conformance.tck.ExpectedSkips;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.conformance.tck.ReferenceDriver;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.UnknownMetricException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The build's judge is strict: a planted wrong expectation, a planted extra skip and a config case about an unknown
 * metric each fail through {@link AdapterConformanceSuite#judge}, the call {@code GoldenConformanceTest} makes for
 * every case, and the error kinds of {@code expect_error} are checked exactly.
 */
class StrictRunnerTest {
    private static final ConformanceDriver REFERENCE = new ReferenceDriver();

    private static GoldenCase one(String caseJson) {
        List<GoldenCase> cases = GoldenReader.read(new ByteArrayInputStream(
                ("{\"format\": 1, \"source\": \"planted\", \"cases\": [" + caseJson
                        + "]}").getBytes(StandardCharsets.UTF_8)), "planted.json");
        assertEquals(1, cases.size());
        return cases.get(0);
    }

    private static CaseResult run(String caseJson, ConformanceDriver driver) {
        return GoldenRunner.run(one(caseJson), driver);
    }

    /** The reference driver, except that opening a metric goes through {@code open} first. */
    private static ConformanceDriver driver(Function<String, Metric> open) {
        return new ConformanceDriver() {
            @Override
            public String adapterId() {
                return "planted";
            }

            @Override
            public Metric open(String metric, Map<String, ?> config) {
                Metric m = open.apply(metric);
                return m != null ? m : REFERENCE.open(metric, config);
            }
        };
    }

    @Test
    void aPlantedWrongExpectationFailsTheBuild() {
        CaseResult r = run("{\"id\": \"planted.wrong\", \"metric\": \"BinaryAccuracy\", \"steps\": ["
                + "{\"op\": \"update\", \"y_true\": [[1], [0]], \"y_pred\": [[0.9], [0.2]]},"
                + "{\"op\": \"result\", \"expected\": 0.75}]}", REFERENCE);
        assertEquals(CaseResult.Status.FAILED, r.status());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> AdapterConformanceSuite.judge(r,
                ExpectedSkips.none("planted")));
        assertTrue(e.getMessage().contains("planted.wrong [reference] step 1: expected 0.75, actual 1.0"),
                e.getMessage());
    }

    @Test
    void aPlantedExtraSkipInTheCommittedListFailsTheBuild() throws Exception {
        // the dl4j adapter's committed list without its first entry: that case's skip is now a new one
        List<String> lines = Files.readAllLines(GoldenConformanceTest.SKIP_LISTS.resolve("dl4j.tsv"));
        List<String> entries = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .collect(Collectors.toList());
        String dropped = entries.get(0).split("\t")[0];
        ExpectedSkips shorter = ExpectedSkips.read(new ByteArrayInputStream(String.join("\n",
                entries.subList(1, entries.size())).getBytes(StandardCharsets.UTF_8)), "dl4j.tsv (planted)");
        ExpectedSkips committed = ExpectedSkips.read(GoldenConformanceTest.SKIP_LISTS.resolve("dl4j.tsv"));
        GoldenCase c = GoldenSets.bundled().stream().filter(g -> g.id().equals(dropped)).findFirst().orElseThrow();
        CaseResult r = GoldenRunner.run(c, Conformance.drivers("dl4j").get(0));

        assertThrows(TestAbortedException.class, () -> AdapterConformanceSuite.judge(r, committed));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> AdapterConformanceSuite.judge(r, shorter));
        assertTrue(e.getMessage().startsWith("a new skip: " + dropped), e.getMessage());
    }

    @Test
    void aVanishedSkipOrAnotherReasonFails() {
        String json = "{\"id\": \"planted.mean\", \"metric\": \"Mean\", \"steps\": ["
                + "{\"op\": \"update\", \"values\": [1, 3]}, {\"op\": \"result\", \"expected\": 2.0}]}";
        ExpectedSkips listed = ExpectedSkips.read(new ByteArrayInputStream(
                "planted.mean\tno values entry point".getBytes(StandardCharsets.UTF_8)), "planted.tsv");
        CaseResult passes = run(json, REFERENCE);
        AssertionFailedError vanished = assertThrows(AssertionFailedError.class,
                () -> AdapterConformanceSuite.judge(passes, listed));
        assertTrue(vanished.getMessage().startsWith("a vanished skip: planted.mean"), vanished.getMessage());

        CaseResult skipped = run(json, driver(m -> {
            throw new NotExpressibleException("another reason");
        }));
        AssertionFailedError other = assertThrows(AssertionFailedError.class,
                () -> AdapterConformanceSuite.judge(skipped, listed));
        assertTrue(other.getMessage().startsWith("a skip for another reason"), other.getMessage());
        CaseResult sameReason = run(json, driver(m -> {
            throw new NotExpressibleException("no  values\nentry point");
        }));
        assertThrows(TestAbortedException.class, () -> AdapterConformanceSuite.judge(sameReason, listed));
    }

    @Test
    void aConfigCaseAboutAnUnknownMetricFailsTheBuild() {
        // a typo in a case meant to test a refused config: Keras refuses it too, but for the name, not the config
        CaseResult typo = run("{\"id\": \"planted.typo\", \"metric\": \"AUCC\", \"config\": {\"num_thresholds\": 1},"
                + " \"expect_error\": \"config\"}", REFERENCE);
        assertEquals(CaseResult.Status.FAILED, typo.status(), typo.describe());
        assertTrue(typo.message().contains("AUCC is not a Keras 3 identifier"), typo.describe());
        assertThrows(AssertionFailedError.class, () -> AdapterConformanceSuite.judge(typo, null));

        // an adapter that does not know a Keras metric does not pass that metric's config cases
        CaseResult unknownToAdapter = run("{\"id\": \"planted.auc\", \"metric\": \"AUC\","
                + " \"config\": {\"num_thresholds\": 1}, \"expect_error\": \"config\"}", driver(m -> {
                    throw new UnknownMetricException("Could not interpret metric identifier: " + m);
                }));
        assertEquals(CaseResult.Status.FAILED, unknownToAdapter.status(), unknownToAdapter.describe());
        assertTrue(unknownToAdapter.message().contains("does not know the Keras metric AUC"),
                unknownToAdapter.describe());
    }

    @Test
    void aCaseAboutTheIdentifierItselfExpectsUnknownMetric() {
        // the spec's way to expect an unknown identifier: a config case, no config, a name Keras cannot interpret
        CaseResult r = run("{\"id\": \"planted.logcosh\", \"metric\": \"logcosh\", \"config\": {},"
                + " \"expect_error\": \"config\"}", REFERENCE);
        assertEquals(CaseResult.Status.PASSED, r.status(), r.describe());
        CaseResult notExpected = run("{\"id\": \"planted.logcosh.steps\", \"metric\": \"logcosh\", \"steps\": ["
                + "{\"op\": \"update\", \"y_true\": [1], \"y_pred\": [1]}]}", REFERENCE);
        assertEquals(CaseResult.Status.FAILED, notExpected.status(), notExpected.describe());
    }

    @Test
    void aConfigCasePassesOnlyOnInvalidConfigException() {
        String json = "{\"id\": \"planted.cfg\", \"metric\": \"AUC\", \"config\": {\"num_thresholds\": 1},"
                + " \"expect_error\": \"config\"}";
        assertEquals(CaseResult.Status.PASSED, run(json, REFERENCE).status());
        CaseResult wrongKind = run(json, driver(m -> {
            throw new InvalidInputException("AUC: not a config error");
        }));
        assertEquals(CaseResult.Status.FAILED, wrongKind.status(), wrongKind.describe());
        assertTrue(wrongKind.describe().contains("InvalidInputException"), wrongKind.describe());
        CaseResult crash = run(json, driver(m -> {
            throw new IllegalArgumentException("bad");
        }));
        assertEquals(CaseResult.Status.FAILED, crash.status(), crash.describe());
    }

    @Test
    void aRefusedUpdatePassesOnlyOnInvalidInputException() {
        String json = "{\"id\": \"planted.refused\", \"metric\": \"BinaryAccuracy\", \"steps\": ["
                + "{\"op\": \"update\", \"y_true\": [[1]], \"y_pred\": [[0.9]]},"
                + "{\"op\": \"update\", \"y_true\": [[1]], \"y_pred\": [[\"NaN\"]], \"expect_error\": true},"
                + "{\"op\": \"result\", \"expected\": 1.0}]}";
        assertEquals(CaseResult.Status.PASSED, run(json, REFERENCE).status());
        for (RuntimeException thrown : List.of(new MetricException("BinaryAccuracy: refused"),
                new IllegalStateException("refused"))) {
            CaseResult r = run(json, driver(m -> new RefusingWith(REFERENCE.open(m, Map.of()), thrown)));
            assertEquals(CaseResult.Status.FAILED, r.status(), r.describe());
            assertEquals(1, r.step(), r.describe());
            assertTrue(r.describe().contains("an InvalidInputException"), r.describe());
        }
    }

    /** A metric that refuses its second update with a given exception. */
    private static final class RefusingWith implements Metric {
        private final Metric inner;
        private final RuntimeException refusal;
        private int updates;

        RefusingWith(Metric inner, RuntimeException refusal) {
            this.inner = inner;
            this.refusal = refusal;
        }

        @Override
        public void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
            if (++updates == 2) {
                throw refusal;
            }
            inner.update(yTrue, yPred, sampleWeight);
        }

        @Override
        public Tensor result() {
            return inner.result();
        }

        @Override
        public void reset() {
            inner.reset();
        }

        @Override
        public String className() {
            return inner.className();
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public io.github.metricparity.spi.DType dtype() {
            return inner.dtype();
        }

        @Override
        public Map<String, Object> config() {
            return inner.config();
        }

        @Override
        public io.github.metricparity.spi.MetricState snapshot() {
            return inner.snapshot();
        }

        @Override
        public void restore(io.github.metricparity.spi.MetricState state) {
            inner.restore(state);
        }

        @Override
        public void merge(io.github.metricparity.spi.MetricState other) {
            inner.merge(other);
        }
    }
}
