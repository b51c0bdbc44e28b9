package io.github.metricparity.keras;

import io.github.metricparity.keras.internal.Catalog;
import io.github.metricparity.keras.internal.MetricSpec;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.MetricInfo;
import io.github.metricparity.spi.UnknownMetricException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every Keras 3 metric class this project implements, by family (one list per Keras source file): the factory of
 * the reference metrics. The registry, the reference provider and the adapters' providers all read this one list.
 */
public final class KerasCatalog {
    /**
     * The dtype every metric reads its inputs in: Keras's per-sample functions compute in the dtype of their inputs,
     * float32 for model outputs and Python lists, whatever the metric's own {@code dtype}.
     */
    public static final DType INPUT_DTYPE = Numerics.INPUT_DTYPE;

    private static final List<MetricDefinition> ALL = Catalog.all().stream()
            .map(MetricDefinition::new)
            .collect(Collectors.toUnmodifiableList());

    private static final Map<String, MetricDefinition> BY_CLASS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(MetricDefinition::className, d -> d));

    private KerasCatalog() {
    }

    /** All definitions, in family order. */
    public static List<MetricDefinition> all() {
        return ALL;
    }

    /** The definition of a Keras class name, or null. */
    public static MetricDefinition byClassName(String className) {
        return BY_CLASS.get(className);
    }

    /**
     * The definition of a Keras class name, for provider {@code providerId}'s {@code create}.
     *
     * @throws UnknownMetricException naming the provider when the catalog has no such class
     */
    public static MetricDefinition require(String providerId, String className) {
        MetricDefinition d = BY_CLASS.get(className);
        if (d == null) {
            throw new UnknownMetricException(providerId + " provider: no Keras metric class named '" + className
                    + "'");
        }
        return d;
    }

    /** What every catalog class offers a provider's {@code metrics()}, in family order. */
    public static List<MetricInfo> infos() {
        return ALL.stream().map(MetricDefinition::info).collect(Collectors.toUnmodifiableList());
    }

    /** The definition of the class wrapping a Keras metric function ({@code "binary_accuracy"}), or null. */
    public static MetricDefinition byFunctionName(String functionName) {
        MetricSpec spec = Catalog.byFunctionName(functionName);
        return spec == null ? null : BY_CLASS.get(spec.className());
    }

    /**
     * The input contract of a metric of this catalog's classes, from any provider: read from its class name and
     * its Keras config.
     *
     * @throws UnknownMetricException when the catalog has no such class
     */
    public static InputContract inputContract(Metric metric) {
        return require("catalog", metric.className()).inputContract(metric.config());
    }

    /** Class names, in family order. */
    public static List<String> classNames() {
        return ALL.stream().map(MetricDefinition::className).collect(Collectors.toList());
    }
}
