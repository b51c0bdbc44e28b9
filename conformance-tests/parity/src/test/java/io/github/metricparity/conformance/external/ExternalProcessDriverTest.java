package io.github.metricparity.conformance.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.conformance.tck.NotExpressibleException;
import io.github.metricparity.spi.Tensor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol against {@link FakeExternalAdapter}: every status, refused steps, crashes, hangs, bad replies. */
class ExternalProcessDriverTest {
    private ExternalProcessDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    static String fakeCommand(String... args) {
        return FakeExternalAdapter.command(args);
    }

    static List<GoldenCase> cases(String json) {
        String file = "{\"format\": 1, \"cases\": [" + json + "]}";
        return GoldenReader.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "fake.json");
    }

    /** A FakeSum case with the given id, config and steps. */
    static String sumCase(String id, String config, String steps) {
        return sumCase(id, config, steps, "");
    }

    /** {@link #sumCase(String, String, String)} with more fields ({@code , "key": value...}). */
    static String sumCase(String id, String config, String steps, String fields) {
        return "{\"id\": \"" + id + "\", \"metric\": \"FakeSum\", \"config\": " + config + ", \"steps\": [" + steps
                + "]" + fields + "}";
    }

    static final String UPDATE_1_2 = "{\"op\": \"update\", \"y_true\": [0, 0], \"y_pred\": [1, 2]}";

    private RunSummary run(String json) {
        return Conformance.run(cases(json), List.of(driver));
    }

    private static CaseResult byId(RunSummary s, String id) {
        return s.results().stream().filter(r -> r.goldenCase().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void handshakeNamesTheAdapterAndItsMetrics() {
        driver = ExternalProcessDriver.start(fakeCommand("--adapter", "my-fake"));
        assertEquals("my-fake", driver.adapterId());
        assertEquals(java.util.Set.of("FakeSum"), driver.metrics());
        assertEquals("fake 1.0", driver.about());
    }

    @Test
    void resultsAreComparedByTheRunnerWithItsOwnRules() {
        driver = ExternalProcessDriver.start(fakeCommand());
        RunSummary s = run(String.join(",",
                sumCase("sum.ok", "{\"scale\": 2}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 6},"
                        + UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 12}, {\"op\": \"reset\"},"
                        + " {\"op\": \"result\", \"expected\": 0}"),
                sumCase("sum.values", "{}", "{\"op\": \"update\", \"values\": [[1.5], [2]]},"
                        + " {\"op\": \"result\", \"expected\": 3.5}"),
                sumCase("sum.wrong", "{}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 4}"),
                sumCase("sum.refused", "{}", UPDATE_1_2 + ", {\"op\": \"update\", \"y_true\": [0], \"y_pred\": [-1],"
                        + " \"expect_error\": true}, {\"op\": \"result\", \"expected\": 3}"),
                sumCase("sum.not_refused", "{}", "{\"op\": \"update\", \"y_true\": [0], \"y_pred\": [1],"
                        + " \"expect_error\": true}"),
                sumCase("sum.refused_unexpectedly", "{}", "{\"op\": \"update\", \"y_true\": [0], \"y_pred\": [-1]}"),
                sumCase("sum.tolerance", "{}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 3.05}",
                        ", \"tolerance\": {\"atol\": 0.1, \"rtol\": 0}")));
        assertEquals(CaseResult.Status.PASSED, byId(s, "sum.ok").status(), () -> byId(s, "sum.ok").describe());
        assertEquals(CaseResult.Status.PASSED, byId(s, "sum.values").status());
        assertEquals(CaseResult.Status.PASSED, byId(s, "sum.refused").status());
        assertEquals(CaseResult.Status.PASSED, byId(s, "sum.tolerance").status());
        assertEquals("FAILED sum.wrong [fake] step 1: expected 4.0, actual 3.0", byId(s, "sum.wrong").describe());
        assertTrue(byId(s, "sum.not_refused").describe().contains("expected the update to be refused, actual "
                + "accepted"), byId(s, "sum.not_refused")::describe);
        assertTrue(byId(s, "sum.refused_unexpectedly").describe().contains("refused (fake refuses negative numbers)"),
                byId(s, "sum.refused_unexpectedly")::describe);
    }

    @Test
    void theRequestCarriesInputsOnly() {
        GoldenCase c = cases(sumCase("c", "{\"scale\": null}", UPDATE_1_2 + ", {\"op\": \"update\", \"y_true\": [1],"
                + " \"y_pred\": [\"NaN\"], \"sample_weight\": [2], \"expect_error\": true},"
                + " {\"op\": \"result\", \"expected\": 3}, {\"op\": \"reset\"}",
                ", \"tolerance\": {\"atol\": 1}")).get(0);
        String request = ExternalProtocol.request(c.id(), "FakeSum", c.config(), c.steps());
        assertEquals("{\"case\":{\"id\":\"c\",\"metric\":\"FakeSum\",\"config\":{\"scale\":null},\"steps\":["
                + "{\"op\":\"update\",\"y_true\":[0.0,0.0],\"y_pred\":[1.0,2.0],\"sample_weight\":null},"
                + "{\"op\":\"update\",\"y_true\":[1.0],\"y_pred\":[\"NaN\"],\"sample_weight\":[2.0]},"
                + "{\"op\":\"result\"},{\"op\":\"reset\"}]}}", request);
    }

    @Test
    void unsupportedAndUnannouncedMetricsAreSkippedWithTheReason() {
        driver = ExternalProcessDriver.start(fakeCommand());
        RunSummary s = run(sumCase("unsupported.one", "{}", UPDATE_1_2) + ","
                + "{\"id\": \"other\", \"metric\": \"AUC\", \"steps\": []}");
        assertEquals("SKIPPED unsupported.one [fake]: fake cannot do this one", byId(s, "unsupported.one").describe());
        assertEquals("SKIPPED other [fake]: AUC is not among the metrics external adapter 'fake' "
                + "announces", byId(s, "other").describe());
    }

    @Test
    void configRefusalsFollowTheCase() {
        driver = ExternalProcessDriver.start(fakeCommand());
        RunSummary s = run(String.join(",",
                "{\"id\": \"badconfig.expected\", \"metric\": \"FakeSum\", \"expect_error\": \"config\"}",
                "{\"id\": \"scale.refused\", \"metric\": \"FakeSum\", \"config\": {\"scale\": \"big\"},"
                        + " \"expect_error\": \"config\"}",
                "{\"id\": \"accepted.config\", \"metric\": \"FakeSum\", \"config\": {\"scale\": 3},"
                        + " \"expect_error\": \"config\"}",
                sumCase("badconfig.unexpected", "{}", UPDATE_1_2)));
        assertEquals(CaseResult.Status.PASSED, byId(s, "badconfig.expected").status());
        assertEquals(CaseResult.Status.PASSED, byId(s, "scale.refused").status());
        assertEquals("FAILED accepted.config [fake]: expected the config to be refused, actual a metric was created",
                byId(s, "accepted.config").describe());
        assertTrue(byId(s, "badconfig.unexpected").describe().contains("failed: FakeSum {}: scale must be a number"),
                byId(s, "badconfig.unexpected")::describe);
    }

    @Test
    void anErrorReplyFailsTheCaseAndTheProcessGoesOn() {
        driver = ExternalProcessDriver.start(fakeCommand());
        RunSummary s = run(sumCase("error.inside", "{}", UPDATE_1_2) + ","
                + sumCase("after", "{}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 3}"));
        assertEquals("FAILED error.inside [fake]: external adapter 'fake' reported an error on case 'error.inside': "
                + "fake failed inside", byId(s, "error.inside").describe());
        assertEquals(CaseResult.Status.PASSED, byId(s, "after").status());
    }

    @Test
    void aCrashFailsTheCaseWithExitCodeAndStandardErrorThenTheProcessRestarts() {
        driver = ExternalProcessDriver.start(fakeCommand());
        RunSummary s = run(sumCase("crash.now", "{}", UPDATE_1_2) + ","
                + sumCase("after", "{}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 3}"));
        String crash = byId(s, "crash.now").describe();
        assertTrue(crash.startsWith("FAILED crash.now [fake]: "), crash);
        assertTrue(crash.contains("exited with code 3"), crash);
        assertTrue(crash.contains("fake: crashing on purpose"), crash);
        assertEquals(CaseResult.Status.PASSED, byId(s, "after").status(), byId(s, "after")::describe);
    }

    @Test
    void aHungProcessTimesOutIsStoppedAndRestarted() {
        driver = ExternalProcessDriver.start(fakeCommand(), Duration.ofMillis(1500));
        long start = System.nanoTime();
        RunSummary s = run(sumCase("hang.forever", "{}", UPDATE_1_2) + ","
                + sumCase("after", "{}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 3}"));
        assertEquals("FAILED hang.forever [fake]: external adapter 'fake' did not answer case 'hang.forever' within "
                + "1500 ms; the process was stopped", byId(s, "hang.forever").describe());
        assertEquals(CaseResult.Status.PASSED, byId(s, "after").status(), byId(s, "after")::describe);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
    }

    @Test
    void protocolViolationsFailTheCaseAndQuoteTheLine() {
        driver = ExternalProcessDriver.start(fakeCommand());
        RunSummary s = run(sumCase("garbage.out", "{}", UPDATE_1_2) + "," + sumCase("wrongid.x", "{}", UPDATE_1_2)
                + "," + sumCase("after", "{}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 3}"));
        assertEquals("FAILED garbage.out [fake]: external adapter 'fake', case 'garbage.out': protocol violation: its "
                + "reply to case 'garbage.out' must be one JSON object on one line; got: this is not a protocol "
                + "message", byId(s, "garbage.out").describe());
        assertTrue(byId(s, "wrongid.x").message().contains("must carry \"id\": \"wrongid.x\""),
                byId(s, "wrongid.x")::describe);
        assertEquals(CaseResult.Status.PASSED, byId(s, "after").status(), byId(s, "after")::describe);
    }

    @Test
    void afterThreeFailuresInARowTheAdapterIsGivenUp() {
        driver = ExternalProcessDriver.start(fakeCommand());
        RunSummary s = run(String.join(",", sumCase("crash.1", "{}", UPDATE_1_2), sumCase("crash.2", "{}", UPDATE_1_2),
                sumCase("garbage.3", "{}", UPDATE_1_2),
                sumCase("after", "{}", UPDATE_1_2 + ", {\"op\": \"result\", \"expected\": 3}")));
        assertEquals(4, s.count(CaseResult.Status.FAILED));
        assertTrue(byId(s, "after").message().startsWith("external adapter 'fake' was given up after 3 failures in a "
                + "row; the last: "), byId(s, "after")::describe);
    }

    @Test
    void startupFailuresAreClear() {
        ExternalAdapterException noHello = assertThrows(ExternalAdapterException.class,
                () -> ExternalProcessDriver.start(fakeCommand("--no-hello")));
        assertTrue(noHello.getMessage().contains("closed its output; it exited with code 7; its standard error ends "
                + "with: fake: no hello today"), noHello::getMessage);
        ExternalAdapterException badHello = assertThrows(ExternalAdapterException.class,
                () -> ExternalProcessDriver.start(fakeCommand("--bad-hello")));
        assertTrue(badHello.getMessage().contains("protocol violation: its first line must be a hello"),
                badHello::getMessage);
        ExternalAdapterException missing = assertThrows(ExternalAdapterException.class,
                () -> ExternalProcessDriver.start("/no/such/program --flag"));
        assertTrue(missing.getMessage().startsWith("cannot start external adapter '/no/such/program --flag'"),
                missing::getMessage);
    }

    @Test
    void openGivesAStepByStepHandle() {
        driver = ExternalProcessDriver.start(fakeCommand());
        Metric m = driver.open("FakeSum", Map.of("scale", 10));
        m.update(Tensor.vector(0, 0), Tensor.vector(1, 2));
        assertEquals(30.0, m.resultValue());
        assertThrows(InvalidInputException.class, () -> m.update(Tensor.vector(0), Tensor.vector(-1)));
        assertEquals(30.0, m.resultValue());
        m.reset();
        assertEquals(0.0, m.resultValue());
        assertThrows(InvalidConfigException.class, () -> driver.open("FakeSum", Map.of("scale", "big")));
        assertThrows(NotExpressibleException.class, () -> driver.open("AUC", Map.of()));
    }
}
