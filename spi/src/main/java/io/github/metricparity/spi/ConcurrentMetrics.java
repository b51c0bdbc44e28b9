package io.github.metricparity.spi;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Ways to update one metric from many threads. Metric instances themselves are not thread-safe (see
 * {@link Metric}); pick one of these instead of sharing an instance.
 *
 * <table>
 * <caption>Choosing</caption>
 * <tr><th>need</th><th>use</th></tr>
 * <tr><td>many threads updating at a high rate (a data-parallel evaluation loop)</td>
 *     <td>{@link #sharded}: one instance per thread, merged when read; updates never wait for each other</td></tr>
 * <tr><td>occasional updates from several threads, or a metric shared with code you do not control</td>
 *     <td>{@link #synchronizedMetric}: one lock around every call</td></tr>
 * <tr><td>workers in other processes or machines</td>
 *     <td>one instance per worker; send {@link Metric#snapshot()} (or a {@link Checkpoint} document) to one place
 *         and {@link Metric#merge(MetricState)} them</td></tr>
 * </table>
 * Both wrappers implement {@link ValuesMetric} when the wrapped metric does ({@code Mean}, {@code Sum}).
 */
public final class ConcurrentMetrics {
    private ConcurrentMetrics() {
    }

    /**
     * A thread-safe view of {@code metric}: every call holds one lock. Use the metric only through the returned
     * wrapper from then on.
     */
    public static Metric synchronizedMetric(Metric metric) {
        if (metric instanceof SynchronizedMetric) {
            return metric;
        }
        return metric instanceof ValuesMetric ? new SynchronizedMetric.ValuesVariant((ValuesMetric) metric)
                : new SynchronizedMetric(metric);
    }

    /**
     * A metric sharded by thread: each updating thread gets its own instance from {@code factory}; reads merge them.
     *
     * @param factory makes a new, empty instance of the same metric each time it is called
     */
    public static ShardedMetric sharded(Supplier<? extends Metric> factory) {
        Metric first = factory.get();
        return first instanceof ValuesMetric ? new ShardedMetric.ValuesVariant(factory, first)
                : new ShardedMetric(factory, first);
    }

    /** {@link #sharded(Supplier)} for the metric {@code registry.create(identifier, config)}. */
    public static ShardedMetric sharded(MetricRegistry registry, String identifier, Map<String, ?> config) {
        return sharded(() -> registry.create(identifier, config));
    }
}
