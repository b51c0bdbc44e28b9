package io.github.metricparity.comparison;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Keras metric of the same intent as one framework metric, as the parity comparisons compute it: usually one
 * Keras metric ({@link Part}), possibly read on one output column or one element of a vector result; where Keras has
 * no such class (a macro-averaged precision), the uniform mean of several parts.
 *
 * @param display how reports write it, e.g. {@code Precision(top_k=1, class_id=2)}
 * @param parts   the Keras metrics whose results are averaged (one for most)
 */
public record KerasCounterpart(String display, List<Part> parts) {

    public KerasCounterpart {
        Objects.requireNonNull(display, "display");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a Keras counterpart needs at least one metric");
        }
    }

    /**
     * One Keras metric.
     *
     * @param className the Keras class
     * @param config    its constructor keywords (without {@code name})
     * @param column    the output column it is given as {@code y[:, k:k+1]}, or null for every column
     * @param element   the element of a vector result it stands for (e.g. {@code F1Score(average=None)[k]}), or
     *                  null for a scalar result
     */
    public record Part(String className, Map<String, Object> config, Integer column, Integer element) {
        public Part {
            Objects.requireNonNull(className, "className");
            config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        }
    }

    /** One Keras metric on every column, written as {@code display}. */
    public static KerasCounterpart of(String display, String className, Map<String, Object> config) {
        return new KerasCounterpart(display, List.of(new Part(className, config, null, null)));
    }

    /**
     * One Keras metric, on one output column (every column when null), read at one element of a vector result
     * (scalar when null), with its keywords as alternating keys and values (null is Keras None).
     */
    public static KerasCounterpart single(String className, Integer column, Integer element, Object... keywords) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < keywords.length; i += 2) {
            config.put((String) keywords[i], keywords[i + 1]);
        }
        String display = call(className, config) + (element == null ? "" : "[" + element + "]")
                + (column == null ? "" : " on column " + column);
        return new KerasCounterpart(display, List.of(new Part(className, config, column, element)));
    }

    /** The uniform mean over the classes k of {@code className(top_k=1, class_id=k)}: a macro precision or recall. */
    public static KerasCounterpart meanOfTop1(String className, int classes) {
        List<Part> parts = new java.util.ArrayList<>();
        for (int k = 0; k < classes; k++) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("top_k", 1);
            config.put("class_id", k);
            parts.add(new Part(className, config, null, null));
        }
        return new KerasCounterpart("mean over k of " + className + "(top_k=1, class_id=k)", parts);
    }

    /** The label weights that make a multi-label AUC the AUC of column {@code k} alone. */
    public static List<Double> oneHot(int k, int columns) {
        List<Double> w = new java.util.ArrayList<>();
        for (int i = 0; i < columns; i++) {
            w.add(i == k ? 1.0 : 0.0);
        }
        return w;
    }

    /** A metric as Python writes its construction, e.g. {@code AUC(num_thresholds=200, multi_label=True)}. */
    public static String call(String className, Map<String, ?> config) {
        StringBuilder s = new StringBuilder(className).append('(');
        config.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '(' ? "" : ", ").append(k).append('=')
                .append(python(v)));
        return s.append(')').toString();
    }

    /** A value in Python notation: None, True/False, lists in brackets, strings bare. */
    private static String python(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof List<?> list) {
            StringBuilder s = new StringBuilder("[");
            list.forEach(x -> s.append(s.length() > 1 ? ", " : "").append(python(x)));
            return s.append(']').toString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(java.util.Locale.ROOT, "%.1f", d)
                    : String.format(java.util.Locale.ROOT, "%.6g", d).replaceAll("\\.?0+$", "");
        }
        return String.valueOf(v);
    }

    /** The value of this counterpart from its parts' values. */
    public double value(Map<Part, Double> partValues) {
        double sum = 0;
        for (Part p : parts) {
            Double v = partValues.get(p);
            if (v == null) {
                throw new IllegalArgumentException("no value computed for " + p);
            }
            sum += v;
        }
        return sum / parts.size();
    }
}
