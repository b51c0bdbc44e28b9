package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.golden.GoldenFormatException;
import io.github.metricparity.conformance.golden.GoldenReader;
import io.github.metricparity.conformance.golden.GoldenStep;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenReaderTest {

    static List<GoldenCase> read(String json) {
        return GoldenReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    static String file(String cases) {
        return "{\"format\": 1, \"source\": \"s\", \"cases\": [" + cases + "]}";
    }

    @Test
    void readsEveryDocumentedFieldAndIgnoresUnknownOnes() {
        List<GoldenCase> cases = read(file("{\"id\": \"a\", \"metric\": \"Mean\", \"config\": {\"dtype\": \"float64\"},"
                + " \"note\": \"x\", \"printed\": \"4.0\", \"origin\": \"docstring\","
                + " \"tolerance\": {\"atol\": 0.001, \"rtol\": 0},"
                + " \"steps\": [{\"op\": \"update\", \"values\": [1, 3], \"sample_weight\": null, \"extra\": 1},"
                + " {\"op\": \"result\", \"expected\": 2.0}, {\"op\": \"reset\"},"
                + " {\"op\": \"update\", \"y_true\": [[true], [false]], \"y_pred\": [[0.5], [NaN]], \"expect_error\": "
                + "true},"
                + " {\"op\": \"result\", \"expected\": [\"NaN\", 1]}]}"));
        GoldenCase c = cases.get(0);
        assertEquals("Mean", c.metric());
        assertEquals("float64", c.config().get("dtype"));
        assertEquals(0.001, c.tolerance().atol());
        assertEquals("s", c.source());
        assertEquals(5, c.steps().size());
        assertTrue(c.steps().get(0).isValuesUpdate());
        assertEquals(null, c.steps().get(0).sampleWeight());
        GoldenStep refused = c.steps().get(3);
        assertTrue(refused.expectError());
        assertEquals(1.0, refused.yTrue().get(0));
        assertTrue(Double.isNaN(refused.yPred().get(1)));
        assertTrue(Double.isNaN(c.steps().get(4).expected().get(0)));
        assertEquals(2, refused.yTrue().rank());
    }

    @Test
    void aByteOrderMarkBeforeTheJsonIsSkipped() {
        List<GoldenCase> cases = read("\uFEFF" + file("{\"id\": \"a\", \"metric\": \"Mean\", \"steps\": []}"));
        assertEquals("a", cases.get(0).id());
    }

    @Test
    void configErrorCasesNeedNoSteps() {
        GoldenCase c = read(file("{\"id\": \"auc.bad\", \"metric\": \"AUC\", \"config\": {\"num_thresholds\": 1},"
                + " \"expect_error\": \"config\"}")).get(0);
        assertTrue(c.configError());
        assertTrue(c.steps().isEmpty());
    }

    @Test
    void malformedFilesNameTheCaseAndTheField() {
        assertMessage(file("{\"id\": \"c1\", \"metric\": \"Mean\", \"steps\": [{\"op\": \"jump\"}]}"),
                "case 'c1': steps[0]: field 'op'");
        assertMessage(file(
                "{\"id\": \"c2\", \"metric\": \"Mean\", \"steps\": [{\"op\": \"update\", \"y_true\": [[1], [2, 3]],"
                + " \"y_pred\": [1]}]}"), "case 'c2': steps[0]: field 'y_true' is not a regular nested array");
        assertMessage(file("{\"id\": \"c3\", \"steps\": []}"), "case 'c3': field 'metric'");
        assertMessage(file("{\"id\": \"c4\", \"metric\": \"Mean\", \"steps\": [{\"op\": \"result\"}]}"),
                "case 'c4': steps[0]: field 'expected' is missing");
        assertMessage(file(
                "{\"id\": \"c5\", \"metric\": \"Mean\", \"steps\": [{\"op\": \"update\", \"values\": [\"a\"]}]}"),
                "case 'c5': steps[0]: field 'values' must hold numbers");
        assertMessage(file("{\"id\": \"c6\", \"metric\": \"Mean\", \"steps\": [], \"tolerance\": {\"atol\": -1}}"),
                "case 'c6': field 'tolerance.atol'");
        assertMessage(file("{\"id\": \"d\", \"metric\": \"Mean\", \"steps\": []}, {\"id\": \"d\", \"metric\": \"Sum\", "
                + "\"steps\": []}"),
                "case 'd': duplicate id");
        assertMessage("{\"format\": 2, \"cases\": []}", "field 'format' must be 1");
        assertMessage("{\"format\": 1, \"cases\": [", "not valid JSON");
        assertMessage(file("{\"metric\": \"Mean\", \"steps\": []}"), "cases[0]: field 'id'");
    }

    private static void assertMessage(String json, String fragment) {
        GoldenFormatException e = assertThrows(GoldenFormatException.class, () -> read(json));
        assertTrue(e.getMessage().contains(fragment),
                () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertTrue(e.getMessage().startsWith("t.json"), e::getMessage);
    }
}
