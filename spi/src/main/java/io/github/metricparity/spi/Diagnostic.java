package io.github.metricparity.spi;

/**
 * A warning about how a metric is being used, with the fix: e.g. logits given to a metric that expects
 * probabilities. Issued at most once per metric instance.
 *
 * @param metricClass Keras class name
 * @param metricName  the metric's name, or null when it is the class's default name
 * @param argument    the argument at fault, e.g. {@code "y_pred"}
 * @param problem     what was seen
 * @param fix         what to change
 */
public record Diagnostic(String metricClass, String metricName, String argument, String problem, String fix) {

    /** One line: {@code BinaryCrossentropy 'loss': y_pred ...; fix: ...}. */
    public String message() {
        String who = metricName == null || metricName.isEmpty() ? metricClass : metricClass + " '" + metricName + "'";
        return who + ": " + argument + " " + problem + "; fix: " + fix;
    }
}
