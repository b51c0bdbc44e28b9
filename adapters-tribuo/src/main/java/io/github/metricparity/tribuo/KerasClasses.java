package io.github.metricparity.tribuo;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.keras.MetricDefinition;
import io.github.metricparity.spi.Metric;
import java.util.Map;

/** What a metric computes, for choosing its tensor encodings: MeanMetricWrapper counts as the class it wraps. */
final class KerasClasses {
    private KerasClasses() {
    }

    /** The class whose semantics the metric has: the wrapped function's class for a {@code MeanMetricWrapper}. */
    static String semanticClass(Metric metric) {
        return semanticClass(metric.className(), metric.config());
    }

    static String semanticClass(String className, Map<String, ?> config) {
        if (!"MeanMetricWrapper".equals(className)) {
            return className;
        }
        Object fn = config.get("fn");
        if (fn instanceof Map) {
            fn = ((Map<?, ?>) fn).get("config");
        }
        MetricDefinition d = fn instanceof String ? KerasCatalog.byFunctionName((String) fn) : null;
        return d == null ? className : d.className();
    }

    /** The Keras family (source file) of a class, or "" when the catalog does not know it. */
    static String family(String className) {
        MetricDefinition d = KerasCatalog.byClassName(className);
        return d == null ? "" : d.family();
    }
}
