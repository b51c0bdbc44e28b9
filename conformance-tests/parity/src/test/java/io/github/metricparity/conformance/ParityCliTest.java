package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.cli.ParityCli;
import io.github.metricparity.conformance.external.FakeExternalAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParityCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ParityCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private Path write(String json) throws IOException {
        Path f = dir.resolve("cases.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void externalFileRunsAndFailuresAreReportedWithStepExpectedAndActual() throws IOException {
        Path f = write(GoldenText.file(
                "{\"id\": \"sca.ok\", \"metric\": \"sparse_categorical_accuracy\", \"steps\": ["
                        + "{\"op\": \"update\", \"y_true\": [[2], [1]], \"y_pred\": [[0.1, 0.6, 0.3], [0.05, 0.95, 0]],"
                        + " \"sample_weight\": [0.7, 0.3]}, {\"op\": \"result\", \"expected\": 0.3},"
                        + " {\"op\": \"reset\"}, {\"op\": \"result\", \"expected\": 0.0}]},"
                        + "{\"id\": \"sca.wrong\", \"metric\": \"SparseCategoricalAccuracy\", \"steps\": ["
                        + "{\"op\": \"update\", \"y_true\": [1], \"y_pred\": [[0.1, 0.9]]}, {\"op\": \"result\", "
                        + "\"expected\": 0.5}]},"
                        + "{\"id\": \"acc.compile\", \"metric\": \"acc\", \"steps\": ["
                        + "{\"op\": \"update\", \"y_true\": [[1], [0]], \"y_pred\": [[0.6], [0.6]]}, {\"op\": "
                        + "\"result\", \"expected\": 0.5}]},"
                        + "{\"id\": \"bad.config\", \"metric\": \"BinaryAccuracy\", \"config\": {\"threshold\": "
                        + "\"high\"},"
                        + " \"expect_error\": \"config\"},"
                        + "{\"id\": \"refused.update\", \"metric\": \"BinaryAccuracy\", \"steps\": ["
                        + "{\"op\": \"update\", \"y_true\": [[1]], \"y_pred\": [[0.9]]},"
                        + "{\"op\": \"update\", \"y_true\": [[1]], \"y_pred\": [[\"NaN\"]], \"expect_error\": true},"
                        + "{\"op\": \"result\", \"expected\": 1.0}]}"));
        int code = run("check", "--cases", f.toString(), "--adapter", "reference");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed);
        assertTrue(printed.contains("FAILED sca.wrong [reference] step 1: expected 0.5, actual 1.0"), printed);
        assertTrue(printed.trim().endsWith("4 passed, 1 failed"), printed);
    }

    @Test
    void malformedFileExitsWithTwoAndNamesTheCase() throws IOException {
        Path f = write(GoldenText.file(
                "{\"id\": \"broken\", \"metric\": \"Mean\", \"steps\": [{\"op\": \"update\"}]}"));
        assertEquals(2, run("check", "--cases", f.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("case 'broken': steps[0]: field 'y_true' is missing"));
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("check", "--adapter"));
        assertEquals(2, run("check", "--adapter", "nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no adapter with id 'nope'"));
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void policyCasesAreTalliedApartFromKerasConformance() throws IOException {
        Path f = write(GoldenText.file(
                "{\"id\": \"keras\", \"metric\": \"Mean\", \"origin\": \"keras_run\", \"steps\": ["
                        + "{\"op\": \"update\", \"values\": [1, 3]}, {\"op\": \"result\", \"expected\": 2}]},"
                        + "{\"id\": \"refuses.nan\", \"metric\": \"Mean\", \"origin\": \"policy\", \"steps\": ["
                        + "{\"op\": \"update\", \"values\": [1, 3]},"
                        + "{\"op\": \"update\", \"values\": [\"NaN\", 3], \"expect_error\": true, \"keras_accepts\": "
                        + "true},"
                        + "{\"op\": \"result\", \"expected\": 2, \"keras_value\": \"NaN\"}]},"
                        + "{\"id\": \"policy.wrong\", \"metric\": \"Mean\", \"origin\": \"policy\", \"steps\": ["
                        + "{\"op\": \"update\", \"values\": [1, 3]}, {\"op\": \"result\", \"expected\": 5}]}"));
        int code = run("check", "--cases", f.toString(), "--adapter", "reference");
        String printed = out.toString(StandardCharsets.UTF_8).replace("\r", "");
        assertEquals(1, code, printed);
        assertTrue(printed.contains("Keras conformance: 1 passed, 0 failed\n"
                + "project policy (refusals beyond Keras, not Keras conformance): 1 passed, 1 failed\n"
                + "2 passed, 1 failed\n"), printed);
    }

    @Test
    void externalProgramsAreOneMoreAdapterEach() throws IOException {
        Path f = write(GoldenText.file(
                "{\"id\": \"sum.ok\", \"metric\": \"FakeSum\", \"steps\": [{\"op\": \"update\", \"y_true\": [0],"
                        + " \"y_pred\": [2]}, {\"op\": \"result\", \"expected\": 2}]},"
                        + "{\"id\": \"sum.wrong\", \"metric\": \"FakeSum\", \"steps\": [{\"op\": \"update\", "
                        + "\"y_true\": [0],"
                        + " \"y_pred\": [2]}, {\"op\": \"result\", \"expected\": 5}]}"));
        int code = run("check", "--cases", f.toString(), "--external", FakeExternalAdapter.command(),
                "--external", FakeExternalAdapter.command("--adapter", "fake2"), "--external-timeout", "20",
                "--adapter", "fake2");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed);
        assertEquals("FAILED sum.wrong [fake2] step 1: expected 5.0, actual 2.0\n"
                + "Keras conformance: 1 passed, 1 failed\n"
                + "project policy (refusals beyond Keras, not Keras conformance): 0 passed, 0 failed\n"
                + "1 passed, 1 failed\n", printed.replace("\r", ""));

        out.reset();
        assertEquals(0, run("adapters", "--external", FakeExternalAdapter.command()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("fake  external: "), out::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("(fake 1.0); metrics: FakeSum"), out::toString);
    }

    @Test
    void externalProgramsThatCannotStartOrClashAreUsageErrors() {
        assertEquals(2, run("check", "--external", FakeExternalAdapter.command("--no-hello")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exited with code 7"), err::toString);
        assertEquals(2, run("check", "--external", FakeExternalAdapter.command("--adapter", "reference")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("two adapters have the id 'reference'"),
                err::toString);
        assertEquals(2, run("check", "--external", "node 'unterminated"));
        assertEquals(2, run("check", "--external-timeout", "soon"));
    }
}
