package io.github.metricparity.keras;

import io.github.metricparity.spi.KerasVersion;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricInfo;
import io.github.metricparity.spi.MetricProvider;
import java.util.List;
import java.util.Map;

/**
 * The reference provider (id {@value #ID}): Keras 3 semantics on plain arrays. Adapters are checked against the
 * same golden files, never against this code.
 */
public final class ReferenceProvider implements MetricProvider {
    public static final String ID = "reference";

    /** The provider, as ServiceLoader creates it. */
    public ReferenceProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MetricInfo> metrics() {
        return KerasCatalog.infos();
    }

    @Override
    public Metric create(String className, Map<String, ?> config) {
        return KerasCatalog.require(ID, className).create(config);
    }

    /** Every release of {@link KerasVersion#EARLIEST}..{@link KerasVersion#LATEST} is offered. */
    @Override
    public Metric create(String className, Map<String, ?> config, KerasVersion version) {
        return KerasCatalog.require(ID, className).create(config, version);
    }
}
