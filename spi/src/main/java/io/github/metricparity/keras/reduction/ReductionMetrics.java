package io.github.metricparity.keras.reduction;

import io.github.metricparity.keras.MetricDefinition;
import java.util.List;

/** The classes of Keras {@code metrics/reduction_metrics.py}. */
public final class ReductionMetrics {
    public static final List<MetricDefinition> DEFINITIONS = List.of(
            Sum.DEFINITION, Mean.DEFINITION, MeanMetricWrapper.DEFINITION);

    private ReductionMetrics() {
    }
}
