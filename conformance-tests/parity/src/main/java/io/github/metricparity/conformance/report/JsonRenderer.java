package io.github.metricparity.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.conformance.run.RunSummary;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.spi.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as machine-readable JSON (layout version {@value #FORMAT}). */
public final class JsonRenderer {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {
    }

    public static void write(ParityReport report, Path file) {
        try {
            JSON.writeValue(file.toFile(), toMap(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(ParityReport report) {
        try {
            return JSON.writeValueAsString(toMap(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> tally(java.util.stream.Stream<CaseResult> results) {
        Map<String, Object> t = new LinkedHashMap<>();
        for (CaseResult.Status s : CaseResult.Status.values()) {
            t.put(s.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
        results.forEach(r -> t.merge(r.status().name().toLowerCase(java.util.Locale.ROOT), 1L,
                (a, b) -> (Long) a + (Long) b));
        return t;
    }

    static Map<String, Object> toMap(ParityReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("generated_at", report.generatedAt().toString());
        out.put("environment", report.environment());
        out.put("adapters", report.adapters());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("passed", report.count(CaseResult.Status.PASSED));
        summary.put("failed", report.count(CaseResult.Status.FAILED));
        summary.put("skipped", report.count(CaseResult.Status.SKIPPED));
        summary.put("keras_conformance", tally(report.results().stream().filter(r -> !RunSummary.isPolicy(r))));
        summary.put("policy", tally(report.results().stream().filter(RunSummary::isPolicy)));
        out.put("summary", summary);
        Matrix m = report.matrix();
        List<Object> matrix = new ArrayList<>();
        for (String metric : m.metrics()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", metric);
            Map<String, Object> cells = new LinkedHashMap<>();
            for (String a : m.adapters()) {
                Matrix.Cell c = m.cell(metric, a);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("verdict", c.verdict());
                cell.put("passed", c.passed());
                cell.put("failed", c.failed());
                cell.put("skipped", c.skipped());
                cell.put("max_abs_error", finite(c.maxAbsError()));
                cells.put(a, cell);
            }
            row.put("adapters", cells);
            matrix.add(row);
        }
        out.put("matrix", matrix);
        List<Object> cases = new ArrayList<>();
        for (CaseResult r : report.results()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.goldenCase().id());
            c.put("metric", r.goldenCase().metric());
            c.put("adapter", r.adapter());
            c.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            c.put("step", r.step() >= 0 ? r.step() : null);
            c.put("expected", r.expected());
            c.put("actual", r.actual());
            c.put("max_abs_error", finite(r.maxAbsError()));
            c.put("message", r.message());
            c.put("origin", r.goldenCase().origin());
            c.put("source", r.goldenCase().source());
            c.put("file", r.goldenCase().file());
            cases.add(c);
        }
        out.put("cases", cases);
        List<Object> comparisons = new ArrayList<>();
        for (ComparisonRow row : report.comparisons()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("framework", row.framework());
            c.put("scenario", row.scenario());
            c.put("framework_metric", row.frameworkMetric());
            c.put("framework_value", finite(row.frameworkValue()));
            c.put("keras_metric", row.kerasMetric());
            c.put("keras_value", finite(row.kerasValue()));
            c.put("agrees", row.agrees());
            c.put("abs_difference", finite(row.absDifference()));
            c.put("cause", row.cause());
            c.put("explanation", row.explanation());
            comparisons.add(c);
        }
        out.put("comparisons", comparisons);
        out.put("comparison_errors", report.comparisonErrors());
        List<Object> diagnostics = new ArrayList<>();
        for (WarningGroup g : report.warningGroups()) {
            Diagnostic d = g.diagnostic();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("metric", d.metricClass());
            c.put("name", d.metricName());
            c.put("argument", d.argument());
            c.put("problem", d.problem());
            c.put("fix", d.fix());
            c.put("count", g.count());
            c.put("sources", g.bySource());
            diagnostics.add(c);
        }
        out.put("diagnostics", diagnostics);
        return out;
    }

    /** JSON has no NaN or infinities: they are written as strings. */
    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
