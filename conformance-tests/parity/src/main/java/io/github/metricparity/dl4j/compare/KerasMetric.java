package io.github.metricparity.dl4j.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Keras metric of a comparison: a unique Keras {@code name} (one evaluation can hold several configs of a class),
 * its class and config, the output column it reads (all columns when null) and how the report writes it, e.g.
 * {@code Precision(top_k=1, class_id=2)} or {@code MeanSquaredError() on column 1}.
 *
 * @param name      the Keras {@code name}, unique within one {@link KerasSide}
 * @param className the Keras class
 * @param config    the Keras config, with {@code name}
 * @param column    the output column given to the metric as {@code y[:, k:k+1]}, or null for every column
 * @param display   the class and its given keywords in Python notation (without {@code name}), and the column
 */
record KerasMetric(String name, String className, Map<String, Object> config, Integer column, String display) {

    /**
     * A metric on every output column, from its class name and keywords given as alternating keys and values
     * (null is Keras None).
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
        return new KerasMetric(name, className, Collections.unmodifiableMap(config), null, display);
    }

    /** The same metric given only output column {@code k}, under the name {@code name}. */
    KerasMetric onColumn(int k, String newName) {
        Map<String, Object> c = new LinkedHashMap<>(config);
        c.put("name", newName);
        return new KerasMetric(newName, className, Collections.unmodifiableMap(c), k,
                display + " on column " + k);
    }

    /** A value in Python notation: None, True/False, lists in brackets, strings bare. */
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
