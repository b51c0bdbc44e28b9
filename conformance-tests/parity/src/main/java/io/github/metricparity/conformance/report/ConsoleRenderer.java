package io.github.metricparity.conformance.report;

import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.spi.Diagnostic;
import java.io.PrintStream;
import java.util.Locale;

/** The report in the terminal: the metric x adapter matrix, failing cases, disagreements, warnings. */
public final class ConsoleRenderer {
    private ConsoleRenderer() {
    }

    public static void render(ParityReport report, PrintStream out) {
        Matrix m = report.matrix();
        int width = Math.max(6, m.metrics().stream().mapToInt(String::length).max().orElse(6));
        out.println("Golden cases: metric x adapter (pass/FAIL/skip, cases, max abs error)");
        StringBuilder header = new StringBuilder(pad("metric", width));
        for (String a : m.adapters()) {
            header.append(" | ").append(pad(a, 24));
        }
        out.println(header);
        out.println("-".repeat(header.length()));
        for (String metric : m.metrics()) {
            StringBuilder line = new StringBuilder(pad(metric, width));
            for (String a : m.adapters()) {
                Matrix.Cell c = m.cell(metric, a);
                String text = c.verdict().equals("-") ? "-"
                        : String.format(Locale.ROOT, "%-4s %3d/%-3d %.1e", c.verdict(), c.passed(),
                                c.passed() + c.failed() + c.skipped(), c.maxAbsError());
                line.append(" | ").append(pad(text, 24));
            }
            out.println(line);
        }
        for (CaseResult r : report.results()) {
            if (r.status() == CaseResult.Status.FAILED) {
                out.println(r.describe());
            }
        }
        if (!report.comparisons().isEmpty() || !report.comparisonErrors().isEmpty()) {
            out.println();
            out.println("Frameworks' own metrics vs Keras, same predictions");
            for (ComparisonRow row : report.comparisons()) {
                out.println(String.format(Locale.ROOT, "%-7s %-9s %-40s %12.6f vs %-40s %12.6f  %s",
                        row.framework(), row.agrees() ? "same" : "DIFFERS", row.frameworkMetric(), row.frameworkValue(),
                        row.kerasMetric(), row.kerasValue(),
                        row.agrees() ? "" : "[" + row.cause() + "] " + row.scenario()));
            }
            for (String e : report.comparisonErrors()) {
                out.println("comparison not run: " + e);
            }
        }
        if (!report.diagnostics().isEmpty()) {
            out.println();
            out.println("Warnings (" + report.diagnostics().size() + ")");
            for (Diagnostic d : report.diagnostics()) {
                out.println("  " + d.message());
            }
        }
        out.println();
        out.println(report.splitLines());
        out.println(report.summaryLine());
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
