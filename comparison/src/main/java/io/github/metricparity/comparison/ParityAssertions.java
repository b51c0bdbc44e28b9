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
     * @throws ParityAssertionError when a value is not reproduced, none is compared, or a JVM metric's name differs
     *                              from a recorded one in case only (it would be silently left out)
     */
    public static List<RecordedRow> assertReproduces(Map<String, Double> recorded, Map<String, Double> jvm,
            Map<String, String> displays, double tolerance) {
        List<RecordedRow> rows = new ArrayList<>();
        jvm.forEach((name, value) -> rows.add(new RecordedRow(name, displays.getOrDefault(name, name), value,
                recorded.get(name), tolerance)));
        refuseNamesDifferingInCase(recorded, jvm, rows);
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

    /**
     * A JVM metric Keras recorded under another case ("auc" from {@code keras.metrics.get("AUC")}, "AUC" in the dict
     * of {@code compile(metrics=["AUC"])}, which names a string metric after the string) would be silently left out
     * of the comparison; that is a naming mistake, not a metric Keras did not record.
     */
    private static void refuseNamesDifferingInCase(Map<String, Double> recorded, Map<String, Double> jvm,
            List<RecordedRow> rows) {
        for (String name : jvm.keySet()) {
            if (recorded.containsKey(name)) {
                continue;
            }
            for (String key : recorded.keySet()) {
                if (key.equalsIgnoreCase(name)) {
                    throw new ParityAssertionError("Keras recorded '" + key + "' but the JVM's metric is named '"
                            + name + "', so they would not be compared; name the JVM metric as Keras did (config "
                            + "name=\"" + key + "\"): compile() names a string metric after the string, "
                            + "keras.metrics.get(...) after the class\n" + ParityTable.recorded(rows), rows, List.of());
                }
            }
        }
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
