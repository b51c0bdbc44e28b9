package io.github.metricparity.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assertions for users' test suites: Keras's recorded values reproduced by the JVM, and framework metrics that agree
 * with Keras or differ for a known cause. A failure is a {@link ParityAssertionError} whose message is the table with
 * the explanations. The adapters offer overloads taking their evaluations.
 */
public final class ParityAssertions {
    private ParityAssertions() {
    }

    /**
     * Asserts that every value Keras recorded under a name the JVM computed agrees within {@code tolerance}, and that
     * at least one does.
     *
     * @param recorded  Keras's values by name (an {@code evaluate(return_dict=True)} dict, or one epoch of
     *                  {@code History.history})
     * @param jvm       the JVM's Keras metrics by name
     * @param displays  how to write each JVM metric (class and config), by name; may be empty
     * @param tolerance absolute and relative tolerance
     * @return the rows, for further checks
     */
    public static List<RecordedRow> assertReproduces(Map<String, Double> recorded, Map<String, Double> jvm,
            Map<String, String> displays, double tolerance) {
        List<RecordedRow> rows = new ArrayList<>();
        jvm.forEach((name, value) -> rows.add(new RecordedRow(name, displays.getOrDefault(name, name), value,
                recorded.get(name), tolerance)));
        boolean anyCompared = rows.stream().anyMatch(r -> r.recordedValue() != null);
        boolean allReproduced = rows.stream().allMatch(r -> r.recordedValue() == null || r.reproduced());
        if (!anyCompared || !allReproduced) {
            String why = !anyCompared ? "none of the JVM's metrics " + jvm.keySet() + " was recorded by Keras "
                    + "(recorded: " + recorded.keySet() + ")" : "Keras's recorded values are not all reproduced "
                    + "(tolerance " + tolerance + ")";
            throw new ParityAssertionError(why + "\n" + ParityTable.recorded(rows), rows, List.of());
        }
        return rows;
    }

    /** Asserts that no row differs without a known cause ({@link ComparisonRule#UNEXPLAINED}). */
    public static void assertExplained(List<ComparisonRow> rows) {
        List<ComparisonRow> unexplained = rows.stream()
                .filter(r -> r.cause().equals(ComparisonRule.UNEXPLAINED)).toList();
        if (!unexplained.isEmpty()) {
            throw new ParityAssertionError(unexplained.size() + " framework metric(s) differ from Keras without a "
                    + "known cause\n" + ParityTable.comparisons(rows), List.of(), rows);
        }
    }
}
