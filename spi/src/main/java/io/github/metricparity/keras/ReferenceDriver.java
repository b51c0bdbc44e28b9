package io.github.metricparity.keras;

import io.github.metricparity.spi.ConformanceDriver;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricRegistry;
import java.util.Map;

/** Conformance driver of the reference provider: golden inputs go straight into the reference metrics. */
public final class ReferenceDriver implements ConformanceDriver {
    private final MetricRegistry registry = MetricRegistry.of(new ReferenceProvider());

    @Override
    public String adapterId() {
        return ReferenceProvider.ID;
    }

    @Override
    public Metric open(String metric, Map<String, ?> config) {
        return registry.create(metric, config);
    }
}
