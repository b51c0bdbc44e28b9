package io.github.metricparity.spi;

import java.util.List;
import java.util.Map;

/**
 * A source of metrics, discovered with {@link java.util.ServiceLoader} (declare it in
 * {@code META-INF/services/io.github.metricparity.spi.MetricProvider} and with {@code provides} in
 * {@code module-info.java}). The reference provider (id {@code reference}) implements Keras 3 semantics on plain
 * arrays; adapter providers ({@code dl4j}, {@code tribuo}) offer the same metrics on their frameworks' types.
 */
public interface MetricProvider {

    /** A short id, e.g. {@code "reference"}, {@code "dl4j"}, {@code "tribuo"}. */
    String id();

    /** The metrics this provider offers. */
    List<MetricInfo> metrics();

    /**
     * Creates a metric from its Keras class name and config (Keras constructor keywords; absent keys take Keras
     * defaults).
     *
     * @throws UnknownMetricException if this provider does not offer the class
     * @throws InvalidConfigException if the config is refused
     */
    Metric create(String className, Map<String, ?> config);

    /**
     * Creates a metric that follows the semantics of a Keras 3 release. A provider that follows only
     * {@link KerasVersion#LATEST} (the default) refuses any other.
     *
     * @throws InvalidConfigException if this provider does not offer that release's semantics
     */
    default Metric create(String className, Map<String, ?> config, KerasVersion version) {
        if (!KerasVersion.LATEST.equals(version)) {
            throw new InvalidConfigException(className + ": the " + id() + " provider follows Keras "
                    + KerasVersion.LATEST + " only, not " + version);
        }
        return create(className, config);
    }
}
