package io.github.metricparity.conformance.report;

import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.comparison.ComparisonRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as ONE self-contained HTML page: inline CSS and inline SVG, no script and no network access needed.
 * Sections (with stable ids for tests): {@code #summary}, {@code #matrix}, {@code #disagreement-chart},
 * {@code #comparisons}, {@code #diagnostics}, {@code #cases}.
 */
public final class HtmlRenderer {
    private static final String[] PALETTE = {"#d1495b", "#edae49", "#00798c", "#30638e", "#6a4c93", "#8d6a9f",
        "#2e933c", "#e07a5f"};

    private HtmlRenderer() {
    }

    public static String render(ParityReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>metricparity report</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>metricparity: Keras 3 metric parity report</h1>\n");
        h.append("<p id=\"summary\" class=\"summary\">").append(esc(report.summaryLine()))
                .append(" &middot; adapters: ").append(esc(String.join(", ", report.adapters())))
                .append(" &middot; ").append(esc(report.environment()))
                .append(" &middot; ").append(esc(report.generatedAt().toString())).append("</p>\n");
        h.append("<p id=\"summary-split\" class=\"summary\">")
                .append(esc(report.splitLines()).replace("\n", "<br>")).append("</p>\n");
        matrix(h, report);
        chart(h, report);
        comparisons(h, report);
        diagnostics(h, report);
        cases(h, report);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void matrix(StringBuilder h, ParityReport report) {
        Matrix m = report.matrix();
        h.append("<h2>Golden cases, metric &times; adapter</h2>\n<table id=\"matrix\"><thead><tr><th>metric</th>");
        for (String a : m.adapters()) {
            h.append("<th>").append(esc(a)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (String metric : m.metrics()) {
            h.append("<tr><th class=\"metric\">").append(esc(metric)).append("</th>");
            for (String a : m.adapters()) {
                Matrix.Cell c = m.cell(metric, a);
                String v = c.verdict();
                h.append("<td class=\"").append(v.equals("-")
                        ? "none" : v.toLowerCase(Locale.ROOT)).append("\" title=\"")
                        .append(c.passed()).append(" passed, ").append(c.failed()).append(" failed, ")
                        .append(c.skipped()).append(" skipped\">");
                if (!v.equals("-")) {
                    h.append(esc(v)).append(" <span class=\"n\">").append(c.passed()).append('/')
                            .append(c.passed() + c.failed() + c.skipped()).append("</span> <span class=\"err\">")
                            .append(String.format(Locale.ROOT, "%.1e", c.maxAbsError())).append("</span>");
                } else {
                    h.append("&ndash;");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"legend\">cell: verdict, cases passed / cases run, largest |actual "
                + "&minus; "
                + "expected| over the cell's result steps.</p>\n");
    }

    /** Bars of |framework - Keras| on a log scale, coloured by cause; golden failures too. */
    private static void chart(StringBuilder h, ParityReport report) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        for (ComparisonRow r : report.comparisons()) {
            if (!r.agrees()) {
                labels.add(r.framework() + ": " + r.frameworkMetric() + " vs " + r.kerasMetric());
                values.add(r.absDifference());
                causes.add(r.cause().isEmpty() ? "other" : r.cause());
            }
        }
        for (CaseResult r : report.results()) {
            if (r.status() == CaseResult.Status.FAILED) {
                labels.add(r.adapter() + ": golden " + r.goldenCase().id());
                values.add(r.maxAbsError() > 0 ? r.maxAbsError() : Double.NaN);
                causes.add("golden failure");
            }
        }
        Map<String, String> colours = new LinkedHashMap<>();
        for (String c : causes) {
            colours.computeIfAbsent(c, k -> PALETTE[colours.size() % PALETTE.length]);
        }
        int barHeight = 18;
        int labelWidth = 460;
        int plotWidth = 420;
        int top = 30;
        int height = top + Math.max(1, labels.size()) * (barHeight + 6) + 40 + 20 * colours.size();
        h.append("<h2>Disagreements</h2>\n<svg id=\"disagreement-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(labelWidth + plotWidth + 120).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"absolute differences from Keras, log scale\">");
        h.append("<text x=\"").append(labelWidth).append("\" y=\"18\" class=\"axis\">|value &minus; Keras| "
                + "(log scale, 1e-8 to 1e2)</text>");
        if (labels.isEmpty()) {
            h.append("<text x=\"10\" y=\"").append(top + 14).append("\" class=\"ok\">No disagreement: every "
                    + "framework metric compared equals its Keras counterpart, and every golden case passes.</text>");
        }
        for (int i = 0; i < labels.size(); i++) {
            int y = top + i * (barHeight + 6);
            double v = values.get(i);
            double frac = Double.isNaN(v) ? 1.0 : Math.max(0.02, Math.min(1.0, (Math.log10(Math.max(v,
                    1e-8)) + 8) / 10));
            h.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\" class=\"label\">").append(esc(shorten(labels.get(i), 70)))
                    .append("</text><rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y)
                    .append("\" width=\"").append((int) (frac * plotWidth)).append("\" height=\"").append(barHeight)
                    .append("\" fill=\"").append(colours.get(causes.get(i))).append("\"><title>")
                    .append(esc(labels.get(i) + ": " + (Double.isNaN(v) ? "not comparable" : fmt(v))))
                    .append("</title></rect><text x=\"").append(labelWidth + (int) (frac * plotWidth) + 4)
                    .append("\" y=\"").append(y + 13).append("\" class=\"value\">")
                    .append(Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2e", v)).append("</text>");
        }
        int ly = top + Math.max(1, labels.size()) * (barHeight + 6) + 20;
        for (Map.Entry<String, String> e : colours.entrySet()) {
            h.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(ly - 10)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(e.getValue()).append("\"/><text x=\"")
                    .append(labelWidth + 18).append("\" y=\"").append(ly).append("\" class=\"label\">")
                    .append(esc(e.getKey())).append("</text>");
            ly += 20;
        }
        h.append("</svg>\n");
    }

    private static void comparisons(StringBuilder h, ParityReport report) {
        h.append("<h2>Frameworks' own metrics vs Keras, same predictions</h2>\n");
        if (report.comparisons().isEmpty() && report.comparisonErrors().isEmpty()) {
            h.append("<p id=\"comparisons\">No framework comparison on the class path.</p>\n");
            return;
        }
        h.append("<table id=\"comparisons\"><thead><tr><th>framework</th><th>scenario</th><th>framework metric</th>"
                + "<th>value</th><th>Keras metric</th><th>value</th><th>|diff|</th><th>cause</th><th>why</th>"
                + "</tr></thead><tbody>\n");
        for (ComparisonRow r : report.comparisons()) {
            h.append("<tr class=\"").append(r.agrees()
                    ? "same" : "differs").append("\"><td>").append(esc(r.framework()))
                    .append("</td><td>").append(esc(r.scenario())).append("</td><td>").append(esc(r.frameworkMetric()))
                    .append("</td><td class=\"num\">").append(fmt(r.frameworkValue())).append("</td><td>")
                    .append(esc(r.kerasMetric())).append("</td><td class=\"num\">").append(fmt(r.kerasValue()))
                    .append("</td><td class=\"num\">").append(fmt(r.absDifference())).append("</td><td>")
                    .append(esc(r.agrees() ? "same" : r.cause())).append("</td><td>").append(esc(r.explanation()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        for (String e : report.comparisonErrors()) {
            h.append("<p class=\"error\">comparison not run: ").append(esc(e)).append("</p>\n");
        }
    }

    private static void diagnostics(StringBuilder h, ParityReport report) {
        h.append("<h2>Warnings</h2>\n<ul id=\"diagnostics\">");
        List<WarningGroup> groups = report.warningGroups();
        if (groups.isEmpty()) {
            h.append("<li>none</li>");
        }
        for (WarningGroup g : groups) {
            h.append("<li>").append(g.count()).append("&times; ").append(esc(g.diagnostic().message()))
                    .append(" <span class=\"n\">(");
            StringBuilder sources = new StringBuilder();
            g.bySource().forEach((source, n) -> sources.append(sources.length() == 0 ? "" : ", ").append(source)
                    .append(' ').append(n).append('x'));
            h.append(esc(sources.toString())).append(")</span></li>");
        }
        h.append("</ul>\n");
    }

    private static void cases(StringBuilder h, ParityReport report) {
        h.append("<h2>Cases</h2>\n<div id=\"cases\">\n");
        Map<String, List<CaseResult>> byMetric = new java.util.TreeMap<>();
        for (CaseResult r : report.results()) {
            byMetric.computeIfAbsent(Matrix.metricOf(r), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<CaseResult>> e : byMetric.entrySet()) {
            long failed = e.getValue().stream().filter(r -> r.status() == CaseResult.Status.FAILED).count();
            h.append("<details").append(failed > 0 ? " open" : "").append("><summary>").append(esc(e.getKey()))
                    .append(" &middot; ").append(e.getValue().size()).append(" runs")
                    .append(failed > 0 ? ", <b class=\"fail\">" + failed + " failed</b>" : "")
                    .append("</summary><table><thead><tr><th>case</th><th>adapter</th><th>status</th><th>step</th>"
                            + "<th>expected</th><th>actual</th><th>max |err|</th><th>note</th><th>source</th>"
                            + "</tr></thead><tbody>");
            for (CaseResult r : e.getValue()) {
                h.append("<tr class=\"").append(r.status().name().toLowerCase(Locale.ROOT)).append("\"><td>")
                        .append(esc(r.goldenCase().id())).append("</td><td>").append(esc(r.adapter())).append(
                        "</td><td>")
                        .append(r.status().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                        .append(r.step() >= 0 ? r.step() : "").append("</td><td>").append(esc(nz(r.expected())))
                        .append("</td><td>").append(esc(nz(r.actual()))).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1e", r.maxAbsError())).append("</td><td>")
                        .append(esc(nz(r.message()))).append("</td><td>").append(esc(nz(r.goldenCase().source())))
                        .append("</td></tr>");
            }
            h.append("</tbody></table></details>\n");
        }
        h.append("</div>\n");
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** HTML-escapes text for element content and attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}"
            + "h1{font-size:20px}h2{font-size:16px;margin-top:28px}"
            + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;"
            + "vertical-align:top}th{background:#f3f3f3}th.metric{font-weight:normal;background:#fafafa}"
            + "td.pass{background:#dcf5dc}td.fail{background:#f8d0d0;font-weight:bold}"
            + "td.skip{background:#eee;color:#777}"
            + "td.none{color:#bbb}.n{color:#555;font-size:12px}.err{color:#777;font-size:11px}"
            + "tr.differs td{background:#fff4e0}tr.failed td{background:#fde8e8}tr.skipped td{color:#888}"
            + ".num{text-align:right;font-variant-numeric:tabular-nums}.summary{color:#444}"
            + "svg text{font:12px system-ui,sans-serif}svg .axis{fill:#555}svg .ok{fill:#2e7d32}"
            + ".legend{color:#666;font-size:12px}details{margin:4px 0}summary{cursor:pointer}.fail{color:#b00020}"
            + ".error{color:#b00020}";
}
