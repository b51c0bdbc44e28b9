package io.github.metricparity.conformance.compare;

import io.github.metricparity.comparison.ComparisonRow;
import io.github.metricparity.comparison.ComparisonRule;
import java.util.List;

/**
 * What {@code parity compare} found.
 *
 * @param data             the data files read
 * @param examples         the number of examples
 * @param metricsSource    where the metrics came from (compile strings, or the model file)
 * @param recordedSource   the recorded-values file and what it was (format, epoch), or null
 * @param keras            one row per Keras metric: JVM value, recorded value, verdict
 * @param framework        the framework's own metrics against their Keras counterparts
 * @param notCompared      recorded keys and framework metrics nothing could be compared with, each with why
 */
public record CompareResult(List<String> data, long examples, String metricsSource, String recordedSource,
        List<KerasRow> keras, List<ComparisonRow> framework, List<String> notCompared) {

    public CompareResult {
        data = List.copyOf(data);
        keras = List.copyOf(keras);
        framework = List.copyOf(framework);
        notCompared = List.copyOf(notCompared);
    }

    /** True when a disagreement beyond tolerance has no known cause: the exit code is then 1. */
    public boolean anyUnexplained() {
        return keras.stream().anyMatch(KerasRow::unexplained)
                || framework.stream().anyMatch(r -> r.cause().equals(ComparisonRule.UNEXPLAINED));
    }
}
