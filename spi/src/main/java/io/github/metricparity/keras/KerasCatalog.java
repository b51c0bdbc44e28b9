package io.github.metricparity.keras;

import io.github.metricparity.keras.accuracy.AccuracyMetrics;
import io.github.metricparity.keras.confusion.ConfusionMetrics;
import io.github.metricparity.keras.correlation.CorrelationMetrics;
import io.github.metricparity.keras.fscore.FScoreMetrics;
import io.github.metricparity.keras.hinge.HingeMetrics;
import io.github.metricparity.keras.iou.IouMetrics;
import io.github.metricparity.keras.probabilistic.ProbabilisticMetrics;
import io.github.metricparity.keras.reduction.ReductionMetrics;
import io.github.metricparity.keras.regression.RegressionMetrics;
import io.github.metricparity.spi.MetricInfo;
import io.github.metricparity.spi.UnknownMetricException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every Keras 3 metric class this project implements, by family (one list per Keras source file). The registry,
 * the reference provider and {@code MeanMetricWrapper(fn=...)} all read this one list.
 */
public final class KerasCatalog {
    private static final List<MetricDefinition> ALL = Stream.of(
                    ReductionMetrics.DEFINITIONS,
                    AccuracyMetrics.DEFINITIONS,
                    ProbabilisticMetrics.DEFINITIONS,
                    ConfusionMetrics.DEFINITIONS,
                    IouMetrics.DEFINITIONS,
                    FScoreMetrics.DEFINITIONS,
                    RegressionMetrics.DEFINITIONS,
                    HingeMetrics.DEFINITIONS,
                    CorrelationMetrics.DEFINITIONS)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableList());

    private static final Map<String, MetricDefinition> BY_CLASS = index(false);
    private static final Map<String, MetricDefinition> BY_FUNCTION = index(true);

    private KerasCatalog() {
    }

    private static Map<String, MetricDefinition> index(boolean byFunction) {
        Map<String, MetricDefinition> m = new LinkedHashMap<>();
        for (MetricDefinition d : ALL) {
            String key = byFunction ? d.functionName() : d.className();
            if (key == null) {
                continue;
            }
            if (m.put(key, d) != null) {
                throw new IllegalStateException("two definitions for " + key);
            }
        }
        return Collections.unmodifiableMap(m);
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
        return BY_FUNCTION.get(functionName);
    }

    /** Class names, in family order. */
    public static List<String> classNames() {
        return new ArrayList<>(BY_CLASS.keySet());
    }
}
