package io.github.metricparity.dl4j;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricInfo;
import io.github.metricparity.spi.MetricProvider;
import io.github.metricparity.spi.ValuesMetric;
import java.util.List;
import java.util.Map;

/**
 * The Deeplearning4j provider (id {@value #ID}), discovered with {@link java.util.ServiceLoader}: every Keras metric
 * of {@link KerasCatalog}, as {@link Nd4jMetric}s that take ND4J arrays (and {@link Nd4jValuesMetric}s for
 * {@code Mean} and {@code Sum}), with opt-in ND4J fast paths for large batches of the accuracy family. A family added
 * to the catalog is offered here without change.
 *
 * <pre>{@code
 * MetricRegistry keras = MetricRegistry.load("dl4j");
 * Nd4jMetric acc = (Nd4jMetric) keras.compile("accuracy", new int[] {32, 10}, new int[] {32, 10});
 * acc.update(labels, network.output(features));          // INDArrays
 * }</pre>
 * Stateless and thread-safe; the metrics it creates are not.
 */
public final class Dl4jMetricProvider implements MetricProvider {
    public static final String ID = "dl4j";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MetricInfo> metrics() {
        return KerasCatalog.infos();
    }

    /** {@inheritDoc} The metric is an {@link Nd4jMetric}. */
    @Override
    public Nd4jMetric create(String className, Map<String, ?> config) {
        return wrap(KerasCatalog.require(ID, className).create(config == null ? Map.of() : config));
    }

    /** A metric of the reference semantics as an {@link Nd4jMetric} (the same metric when it already is one). */
    static Nd4jMetric wrap(Metric reference) {
        if (reference instanceof Nd4jMetric) {
            return (Nd4jMetric) reference;
        }
        return reference instanceof ValuesMetric ? new Nd4jValuesMetric((ValuesMetric) reference)
                : new Nd4jMetric(reference);
    }
}
