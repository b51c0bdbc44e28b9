package io.github.metricparity.keras.internal;

import io.github.metricparity.keras.accuracy.AccuracyMetrics;
import io.github.metricparity.keras.confusion.ConfusionMetrics;
import io.github.metricparity.keras.correlation.CorrelationMetrics;
import io.github.metricparity.keras.fscore.FScoreMetrics;
import io.github.metricparity.keras.hinge.HingeMetrics;
import io.github.metricparity.keras.iou.IouMetrics;
import io.github.metricparity.keras.probabilistic.ProbabilisticMetrics;
import io.github.metricparity.keras.reduction.ReductionMetrics;
import io.github.metricparity.keras.regression.RegressionMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every Keras 3 metric class this project implements, by family (one list per Keras source file). The public
 * {@link io.github.metricparity.keras.KerasCatalog} and {@code MeanMetricWrapper(fn=...)} read this one list.
 */
public final class Catalog {
    private static final List<MetricSpec> ALL = Stream.of(
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

    private static final Map<String, MetricSpec> BY_CLASS = index(MetricSpec::className);
    private static final Map<String, MetricSpec> BY_FUNCTION = index(MetricSpec::functionName);

    private Catalog() {
    }

    private static Map<String, MetricSpec> index(Function<MetricSpec, String> key) {
        Map<String, MetricSpec> m = new LinkedHashMap<>();
        for (MetricSpec d : ALL) {
            String k = key.apply(d);
            if (k != null && m.put(k, d) != null) {
                throw new IllegalStateException("two definitions for " + k);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** All specs, in family order. */
    public static List<MetricSpec> all() {
        return ALL;
    }

    /** The spec of a Keras class name, or null. */
    public static MetricSpec byClassName(String className) {
        return BY_CLASS.get(className);
    }

    /** The spec of the class wrapping a Keras metric function ({@code "binary_accuracy"}), or null. */
    public static MetricSpec byFunctionName(String functionName) {
        return BY_FUNCTION.get(functionName);
    }
}
