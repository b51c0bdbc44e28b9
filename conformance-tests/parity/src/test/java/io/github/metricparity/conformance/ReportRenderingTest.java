package io.github.metricparity.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metricparity.conformance.golden.GoldenCase;
import io.github.metricparity.conformance.report.ConsoleRenderer;
import io.github.metricparity.conformance.report.HtmlRenderer;
import io.github.metricparity.conformance.report.JsonRenderer;
import io.github.metricparity.conformance.report.ParityReport;
import io.github.metricparity.conformance.report.SeenWarning;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.Conformance;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRule;
import io.github.metricparity.spi.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final Diagnostic LOGITS = new Diagnostic("BinaryCrossentropy", "bce", "y_pred", "holds logits",
            "from_logits=true");

    static ParityReport sampleReport() {
        List<GoldenCase> cases = GoldenText.read(GoldenText.file(
                "{\"id\": \"ok\", \"metric\": \"BinaryAccuracy\", \"steps\": [{\"op\": \"update\", \"y_true\": [[1], "
                        + "[0]],"
                        + " \"y_pred\": [[0.9], [0.2]]}, {\"op\": \"result\", \"expected\": 1.0}]},"
                        + "{\"id\": \"bad <script>\", \"metric\": \"Mean\", \"steps\": [{\"op\": \"update\", "
                        + "\"values\": [1, 3]},"
                        + " {\"op\": \"result\", \"expected\": 2.5}]}"));
        RunSummary summary = Conformance.run(cases, Conformance.drivers("reference"));
        List<ComparisonRow> rows = List.of(
                new ComparisonRow("dl4j", "Iris MLP", "Evaluation.accuracy()", 0.96, "CategoricalAccuracy", 0.96, "",
                        ""),
                new ComparisonRow("dl4j", "binary logits", "EvaluationBinary.accuracy(0)", 0.70, "BinaryAccuracy", 0.75,
                        "threshold", "DL4J predicts positive at p >= 0.5, Keras at p > 0.5"),
                new ComparisonRow("tribuo", "blobs", "LabelEvaluation.accuracy()", 0.5, "CategoricalAccuracy", 0.6,
                        ComparisonRule.UNEXPLAINED, "no known rule"));
        return new ParityReport(Instant.parse("2026-11-23T10:00:00Z"), "Java 17", List.of("reference"),
                summary.results(), rows, List.of(),
                List.of(new SeenWarning("reference", LOGITS), new SeenWarning("dl4j", LOGITS),
                        new SeenWarning("dl4j", LOGITS)));
    }

    @Test
    void consoleShowsTheMatrixFailuresDisagreementsAndSummary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleRenderer.render(sampleReport(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("BinaryAccuracy | pass   1/1"), text);
        assertTrue(text.contains("Mean           | FAIL   0/1"), text);
        assertTrue(text.contains("FAILED bad <script> [reference] step 1: expected 2.5, actual 2.0"), text);
        assertTrue(text.contains("dl4j      2 rows:   1 same,   1 differ, by cause:\n          threshold 1\n"), text);
        assertTrue(text.contains("UNEXPLAINED tribuo LabelEvaluation.accuracy() = 0.500000 vs CategoricalAccuracy"
                + " = 0.600000 (blobs)"), text);
        assertTrue(text.contains("Warnings: 1 distinct, 3 in all"), text);
        assertEquals(1, text.lines().filter(l -> l.contains("from_logits=true")).count(), "one line per warning");
        assertTrue(text.contains("  3x BinaryCrossentropy 'bce': y_pred holds logits; fix: from_logits=true"), text);
        assertTrue(text.trim().endsWith("1 passed, 1 failed"), text);
    }

    @Test
    void htmlIsSelfContainedAndEscaped() {
        String html = HtmlRenderer.render(sampleReport());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("id=\"matrix\"") && html.contains("id=\"disagreement-chart\""));
        assertTrue(html.contains("bad &lt;script&gt;"), "case ids are escaped");
        assertFalse(html.contains("<script"), "no script at all");
        assertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "no external resource");
        assertTrue(html.contains("class=\"bar\""), "the disagreement is drawn");
    }

    @Test
    void jsonHoldsEveryResult() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonRenderer.toJson(sampleReport()));
        assertEquals(1, json.get("format").asInt());
        assertEquals(1, json.get("summary").get("failed").asInt());
        assertEquals(2, json.get("cases").size());
        assertEquals("FAIL", json.get("matrix").get(1).get("adapters").get("reference").get("verdict").asText());
        assertEquals("threshold", json.get("comparisons").get(1).get("cause").asText());
        assertFalse(json.get("comparisons").get(1).get("agrees").asBoolean());
        assertEquals("y_pred", json.get("diagnostics").get(0).get("argument").asText());
        assertEquals(3, json.get("diagnostics").get(0).get("count").asInt());
        assertEquals(2, json.get("diagnostics").get(0).get("sources").get("dl4j").asInt());
        assertEquals(CaseResult.Status.FAILED.name().toLowerCase(), json.get("cases").get(1).get("status").asText());
    }
}
