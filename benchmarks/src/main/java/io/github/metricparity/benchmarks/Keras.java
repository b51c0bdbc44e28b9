package io.github.metricparity.benchmarks;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.Map;

/** The reference provider's metrics, created as a user would. */
final class Keras {
    private static final MetricRegistry REFERENCE = MetricRegistry.load("reference");

    private Keras() {
    }

    static Metric create(String className, Map<String, ?> config) {
        return REFERENCE.create(className, config);
    }

    static Metric create(String className) {
        return create(className, Map.of());
    }
}
