package io.github.metricparity.conformance.report;

import io.github.metricparity.conformance.run.CaseResult;
import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report in the terminal, one screen besides the matrix: the metric x adapter matrix, failing cases, the framework
 * comparisons counted by cause (rows without a known cause in full), and each distinct warning once with its count.
 */
public final class ConsoleRenderer {
    private static final int WIDTH = 110;

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
        comparisons(report, out);
        warnings(report, out);
        out.println();
        out.println(report.splitLines());
        out.println(report.summaryLine());
    }

    /**
     * One line per framework: how many rows agree, how many differ by which cause; rows that differ without a known
     * cause are printed in full. Every row with its explanation is in the HTML and JSON.
     */
    private static void comparisons(ParityReport report, PrintStream out) {
        if (report.comparisons().isEmpty() && report.comparisonErrors().isEmpty()) {
            return;
        }
        out.println();
        out.println("Frameworks' own metrics vs Keras, same predictions (each row explained in report.html/json)");
        Map<String, List<ComparisonRow>> byFramework = new LinkedHashMap<>();
        report.comparisons().forEach(r -> byFramework.computeIfAbsent(r.framework(), k -> new ArrayList<>()).add(r));
        byFramework.forEach((framework, rows) -> {
            long same = rows.stream().filter(ComparisonRow::agrees).count();
            Map<String, Long> causes = rows.stream().filter(r -> !r.agrees())
                    .collect(Collectors.groupingBy(ComparisonRow::cause, TreeMap::new, Collectors.counting()));
            out.println(String.format(Locale.ROOT, "  %-7s %3d rows: %3d same, %3d differ%s", framework, rows.size(),
                    same, rows.size() - same, causes.isEmpty() ? "" : ", by cause:"));
            wrapped(causes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.toList()),
                    "          ", out);
        });
        for (ComparisonRow row : report.comparisons()) {
            if (!row.agrees() && row.cause().equals(ComparisonRule.UNEXPLAINED)) {
                out.println(String.format(Locale.ROOT, "  UNEXPLAINED %s %s = %.6f vs %s = %.6f (%s)", row.framework(),
                        row.frameworkMetric(), row.frameworkValue(), row.kerasMetric(), row.kerasValue(),
                        row.scenario()));
            }
        }
        for (String e : report.comparisonErrors()) {
            out.println("  comparison not run: " + e);
        }
    }

    /** One line per distinct warning with its count; the sources of each are in the HTML and JSON. */
    private static void warnings(ParityReport report, PrintStream out) {
        List<WarningGroup> groups = report.warningGroups();
        if (groups.isEmpty()) {
            return;
        }
        out.println();
        out.println("Warnings: " + groups.size() + " distinct, " + report.warnings().size()
                + " in all (sources in report.html/json)");
        for (WarningGroup g : groups) {
            out.println(String.format(Locale.ROOT, "  %3dx %s", g.count(), g.diagnostic().message()));
        }
    }

    /** The items joined by ", " on lines of at most {@value #WIDTH} characters, each line indented. */
    private static void wrapped(List<String> items, String indent, PrintStream out) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? "," : "");
            if (line.length() > indent.length() && line.length() + 1 + item.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(item);
        }
        if (line.length() > indent.length()) {
            out.println(line);
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
