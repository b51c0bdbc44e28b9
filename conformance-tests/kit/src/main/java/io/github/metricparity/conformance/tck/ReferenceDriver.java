package io.github.metricparity.conformance.tck;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.Map;

/**
 * Conformance driver of the reference provider (the spi's own metrics, found with {@link java.util.ServiceLoader}):
 * golden inputs go straight into the reference metrics. The kit's own tests run it through the suite.
 */
public final class ReferenceDriver implements ConformanceDriver {
    private final MetricRegistry registry = MetricRegistry.load();

    @Override
    public String adapterId() {
        return registry.provider().id();
    }

    @Override
    public Metric open(String metric, Map<String, ?> config) {
        return registry.create(metric, config);
    }
}
