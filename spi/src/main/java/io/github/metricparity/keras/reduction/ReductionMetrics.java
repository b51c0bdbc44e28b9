package io.github.metricparity.keras.reduction;

import io.github.metricparity.keras.internal.MetricSpec;
import java.util.List;

/** The classes of Keras {@code metrics/reduction_metrics.py}. */
public final class ReductionMetrics {
    public static final List<MetricSpec> DEFINITIONS = List.of(
            Sum.DEFINITION, Mean.DEFINITION, MeanMetricWrapper.DEFINITION);

    private ReductionMetrics() {
    }
}
