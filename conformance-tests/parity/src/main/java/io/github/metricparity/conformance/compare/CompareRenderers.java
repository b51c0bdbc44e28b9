package io.github.metricparity.conformance.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.metricparity.comparison.ComparisonRow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code parity compare}'s output: the console table, one self-contained HTML page, JSON (layout version 1). */
public final class CompareRenderers {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareRenderers() {
    }

    /** One line per Keras metric and per framework metric, the explanations of what differs, the verdict. */
    public static void console(CompareResult r, PrintStream out) {
        out.println(r.examples() + " examples from " + String.join(", ", r.data()) + "; metrics from "
                + r.metricsSource() + (r.recordedSource() == null ? "" : "; Keras recorded " + r.recordedSource()));
        out.println();
        out.println(String.format(Locale.ROOT, "%-24s %14s %14s  %-12s %s", "Keras metric", "JVM", "Keras recorded",
                "verdict", "Keras class"));
        for (KerasRow k : r.keras()) {
            var row = k.recorded();
            out.println(String.format(Locale.ROOT, "%-24s %14s %14s  %-12s %s", row.name(), num(row.jvmValue()),
                    row.recordedValue() == null ? "-" : num(row.recordedValue()), k.verdict(), row.kerasMetric()));
            if (!k.cause().isEmpty()) {
                out.println("    [" + k.cause() + "] " + k.explanation());
            }
        }
        if (!r.framework().isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "%-48s %12s  %-44s %12s  %s", "framework metric", "value",
                    "Keras counterpart (JVM)", "value", "verdict"));
            for (ComparisonRow c : r.framework()) {
                out.println(String.format(Locale.ROOT, "%-48s %12s  %-44s %12s  %s", c.frameworkMetric(),
                        num(c.frameworkValue()), c.kerasMetric(), num(c.kerasValue()),
                        c.agrees() ? "same" : "differs: " + c.cause()));
            }
        }
        for (String n : r.notCompared()) {
            out.println("not compared: " + n);
        }
        out.println();
        long reproduced = r.keras().stream().filter(k -> k.recorded().reproduced()).count();
        long recorded = r.keras().stream().filter(k -> k.recorded().recordedValue() != null).count();
        long differs = r.framework().stream().filter(c -> !c.agrees()).count();
        out.println(String.format(Locale.ROOT, "%d of %d recorded Keras values reproduced; %d framework metrics, %d "
                + "differ from Keras (each explained in the HTML and JSON)%s", reproduced, recorded,
                r.framework().size(), differs, r.anyUnexplained() ? "; UNEXPLAINED disagreements: exit code 1" : ""));
    }

    public static String json(CompareResult r) {
        try {
            return JSON.writeValueAsString(toMap(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> toMap(CompareResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("data", r.data());
        out.put("examples", r.examples());
        out.put("metrics_from", r.metricsSource());
        out.put("recorded_from", r.recordedSource());
        List<Object> keras = new ArrayList<>();
        for (KerasRow k : r.keras()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.recorded().name());
            m.put("keras_metric", k.recorded().kerasMetric());
            m.put("jvm_value", finite(k.recorded().jvmValue()));
            m.put("recorded_value", k.recorded().recordedValue() == null ? null : finite(k.recorded().recordedValue()));
            m.put("framework_values", frameworkValuesOf(r, k.recorded().kerasMetric()));
            m.put("verdict", k.verdict());
            m.put("cause", k.cause());
            m.put("explanation", k.explanation());
            keras.add(m);
        }
        out.put("keras", keras);
        List<Object> framework = new ArrayList<>();
        for (ComparisonRow c : r.framework()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("framework", c.framework());
            m.put("scenario", c.scenario());
            m.put("framework_metric", c.frameworkMetric());
            m.put("framework_value", finite(c.frameworkValue()));
            m.put("keras_metric", c.kerasMetric());
            m.put("keras_value", finite(c.kerasValue()));
            m.put("agrees", c.agrees());
            m.put("cause", c.cause());
            m.put("explanation", c.explanation());
            framework.add(m);
        }
        out.put("framework", framework);
        out.put("not_compared", r.notCompared());
        out.put("unexplained", r.anyUnexplained());
        return out;
    }

    /** The framework metrics whose Keras counterpart is this Keras metric, with their values. */
    private static Map<String, Object> frameworkValuesOf(CompareResult r, String kerasMetric) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ComparisonRow c : r.framework()) {
            if (c.kerasMetric().equals(kerasMetric)) {
                out.put(c.frameworkMetric(), finite(c.frameworkValue()));
            }
        }
        return out;
    }

    /** One self-contained page: no script, no external resource. */
    public static String html(CompareResult r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>metricparity compare</title><style>body{font:14px sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}"
                + ".num{text-align:right;font-family:monospace}.bad{background:#fdd}.ok{background:#dfd}"
                + ".explained{background:#ffd}</style></head><body>\n<h1>metricparity: your predictions against "
                + "Keras</h1>\n<p id=\"summary\">").append(esc(r.examples() + " examples from "
                + String.join(", ", r.data()) + "; metrics from " + r.metricsSource()
                + (r.recordedSource() == null ? "" : "; Keras recorded " + r.recordedSource()))).append("</p>\n");
        h.append("<h2>Keras metrics</h2>\n<table id=\"keras\"><tr><th>metric</th><th>Keras class</th><th>JVM</th>"
                + "<th>Keras recorded</th><th>framework</th><th>verdict</th><th>why</th></tr>\n");
        for (KerasRow k : r.keras()) {
            var row = k.recorded();
            String cls = k.unexplained() ? "bad" : k.verdict().equals("explained") ? "explained"
                    : row.reproduced() ? "ok" : "";
            StringBuilder fw = new StringBuilder();
            frameworkValuesOf(r, row.kerasMetric()).forEach((n, v) -> fw.append(esc(n)).append(" = ")
                    .append(v).append("<br>"));
            h.append("<tr class=\"").append(cls).append("\"><td>").append(esc(row.name())).append("</td><td>")
                    .append(esc(row.kerasMetric())).append("</td><td class=\"num\">").append(num(row.jvmValue()))
                    .append("</td><td class=\"num\">").append(row.recordedValue() == null ? "-"
                            : num(row.recordedValue())).append("</td><td>").append(fw).append("</td><td>")
                    .append(esc(k.verdict())).append("</td><td>").append(esc(k.explanation())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.framework().isEmpty()) {
            h.append("<h2>The framework's own metrics against Keras</h2>\n<table id=\"framework\"><tr>"
                    + "<th>framework metric</th><th>value</th><th>Keras counterpart</th><th>value</th><th>cause</th>"
                    + "<th>explanation</th></tr>\n");
            for (ComparisonRow c : r.framework()) {
                h.append("<tr class=\"").append(c.agrees() ? "ok" : c.cause().equals("unexplained") ? "bad"
                        : "explained").append("\"><td>").append(esc(c.frameworkMetric()))
                        .append("</td><td class=\"num\">").append(num(c.frameworkValue())).append("</td><td>")
                        .append(esc(c.kerasMetric())).append("</td><td class=\"num\">").append(num(c.kerasValue()))
                        .append("</td><td>").append(esc(c.agrees() ? "same" : c.cause())).append("</td><td>")
                        .append(esc(c.explanation())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!r.notCompared().isEmpty()) {
            h.append("<h2>Not compared</h2>\n<ul id=\"not-compared\">");
            r.notCompared().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
