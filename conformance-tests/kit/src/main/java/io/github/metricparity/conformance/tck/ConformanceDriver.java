package io.github.metricparity.conformance.tck;

import io.github.metricparity.spi.InvalidConfigException;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricProvider;
import java.util.Map;

/**
 * How an adapter proves conformance: the golden runner opens a metric through the adapter's own framework entry
 * point (for DL4J an {@code IEvaluation} fed with INDArrays, for Tribuo an evaluator fed with Predictions) and
 * drives it with golden inputs. Discovered with {@link java.util.ServiceLoader} (service file
 * {@code META-INF/services/io.github.metricparity.conformance.tck.ConformanceDriver}), like {@link MetricProvider}.
 *
 * <p>The returned {@link Metric} is a handle whose {@code update}/{@code result}/{@code reset} go through the
 * framework; its update may throw {@link NotExpressibleException} when the framework cannot carry an input, which
 * the runner counts as a skip with that reason.
 */
public interface ConformanceDriver {

    /** The adapter id reported in conformance results, e.g. {@code "dl4j"}. */
    String adapterId();

    /**
     * Opens a metric through the framework entry point.
     *
     * @param metric a Keras class name or a {@code keras.metrics.get} identifier
     * @param config Keras constructor keywords
     * @throws NotExpressibleException if the framework cannot express this metric or config (a skip)
     * @throws InvalidConfigException  if the config is refused (as Keras would refuse it)
     */
    Metric open(String metric, Map<String, ?> config);
}
