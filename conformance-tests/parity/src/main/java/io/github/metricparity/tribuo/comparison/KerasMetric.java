package io.github.metricparity.tribuo.comparison;

import io.github.metricparity.tribuo.KerasMetricSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Keras metric of a comparison: a unique Keras {@code name} (so one evaluator can hold several configs of a class),
 * the spec an evaluator runs, and how the report writes it, e.g. {@code Precision(thresholds=0.5, class_id=2)}.
 *
 * @param name    the Keras {@code name}, unique within one evaluator
 * @param spec    the spec, with {@code name} in its config
 * @param display the class and its given keywords in Python notation, without {@code name}
 */
record KerasMetric(String name, KerasMetricSpec spec, String display) {

    /**
     * A metric from its class name and keywords given as alternating keys and values (null is Keras None).
     *
     * @throws IllegalArgumentException if the keywords do not come in pairs
     */
    static KerasMetric of(String name, String className, Object... keywords) {
        if (keywords.length % 2 != 0) {
            throw new IllegalArgumentException("keywords come in key, value pairs: " + List.of(keywords));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < keywords.length; i += 2) {
            config.put((String) keywords[i], keywords[i + 1]);
        }
        String display = className + config.entrySet().stream()
                .map(e -> e.getKey() + "=" + python(e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
        config.put("name", name);
        return new KerasMetric(name, KerasMetricSpec.of(className, Collections.unmodifiableMap(config)), display);
    }

    /** The specs of the metrics, in order, for an evaluator. */
    static List<KerasMetricSpec> specs(List<KerasMetric> metrics) {
        List<KerasMetricSpec> out = new ArrayList<>(metrics.size());
        for (KerasMetric m : metrics) {
            out.add(m.spec());
        }
        return out;
    }

    /** A value in Python notation: None, True/False, lists in brackets, strings bare as in the report's examples. */
    private static String python(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof List) {
            return ((List<?>) v).stream().map(KerasMetric::python).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d)
                    : String.format(Locale.ROOT, "%.6g", d).replaceAll("\\.?0+$", "");
        }
        return String.valueOf(v);
    }
}
