package io.github.metricparity.comparison;

import java.util.List;
import java.util.Locale;

/** Plain-text tables of parity rows, for assertion messages and consoles. */
public final class ParityTable {
    private ParityTable() {
    }

    /** One line per recorded value: name, JVM value, Keras's value, verdict. */
    public static String recorded(List<RecordedRow> rows) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-28s %-36s %14s %14s  %s%n", "metric",
                "Keras metric (JVM)", "JVM", "Keras recorded", "verdict"));
        for (RecordedRow r : rows) {
            s.append(String.format(Locale.ROOT, "%-28s %-36s %14s %14s  %s%n", r.name(), r.kerasMetric(),
                    number(r.jvmValue()), r.recordedValue() == null ? "-" : number(r.recordedValue()), r.verdict()));
        }
        return s.toString();
    }

    /** One line per comparison row, and each disagreement's cause and explanation under it. */
    public static String comparisons(List<ComparisonRow> rows) {
        StringBuilder s = new StringBuilder();
        for (ComparisonRow r : rows) {
            s.append(String.format(Locale.ROOT, "%-8s %-44s %12s  %-44s %12s%n", r.agrees() ? "same" : "DIFFERS",
                    r.frameworkMetric(), number(r.frameworkValue()), r.kerasMetric(), number(r.kerasValue())));
            if (!r.agrees()) {
                s.append("         [").append(r.cause()).append("] ").append(r.explanation()).append('\n');
            }
        }
        return s.toString();
    }

    static String number(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
    }
}
