package io.github.metricparity.spi;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable copy of a metric's state: which metric (class and config) and the value of each state variable,
 * in creation order, under its Keras name. A variable that Keras creates lazily on the first update (R2Score,
 * FBetaScore, multi-label AUC) is absent until then.
 *
 * <p>{@link #toMap()} and {@link #fromMap} convert to and from plain JSON-compatible maps (format
 * {@value #FORMAT_VERSION}), so a checkpoint can be written with any JSON library and restored later.
 *
 * <p>Java serialisation (what Spark, Flink and Beam use to ship values between workers) writes a compact form of
 * plain JDK types: the class name, a copy of the config as JDK lists and maps, and each variable's shape and values
 * as arrays; reading it back gives an equal state. {@link StateMerger} merges states without a metric at hand.
 */
public final class MetricState implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Version of the {@link #toMap()} layout. */
    public static final int FORMAT_VERSION = 1;

    private final String className;
    private final Map<String, Object> config;
    private final Map<String, Tensor> variables;

    /**
     * @param className Keras class name of the metric
     * @param config    the metric's Keras config
     * @param variables variable name to value, in creation order; tensors must not be modified afterwards
     */
    public MetricState(String className, Map<String, Object> config, Map<String, Tensor> variables) {
        this.className = Objects.requireNonNull(className, "className");
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public String className() {
        return className;
    }

    public Map<String, Object> config() {
        return config;
    }

    /** Variable name to value, in creation order. */
    public Map<String, Tensor> variables() {
        return variables;
    }

    /** The value of one variable, or null when it is absent (not built yet). */
    public Tensor variable(String name) {
        return variables.get(name);
    }

    /**
     * A JSON-compatible map: {@code {"format": 1, "class_name": ..., "config": {...}, "variables": {name:
     * {"shape": [...], "values": [...]}}}}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : variables.entrySet()) {
            Tensor t = e.getValue();
            List<Integer> shape = new ArrayList<>();
            for (int d : t.shape()) {
                shape.add(d);
            }
            List<Double> values = new ArrayList<>(t.size());
            for (int i = 0; i < t.size(); i++) {
                values.add(t.get(i));
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("shape", shape);
            v.put("values", values);
            vars.put(e.getKey(), v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT_VERSION);
        out.put("class_name", className);
        out.put("config", config);
        out.put("variables", vars);
        return out;
    }

    /**
     * Reads the layout written by {@link #toMap()}.
     *
     * @throws MetricException naming the field when the map is malformed or of an unknown format version
     */
    @SuppressWarnings("unchecked")
    public static MetricState fromMap(Map<String, ?> map) {
        Object format = map.get("format");
        if (!(format instanceof Number) || ((Number) format).doubleValue() != FORMAT_VERSION) {
            throw new MetricException("metric state: field 'format' must be " + FORMAT_VERSION + ", got " + format);
        }
        Object cls = map.get("class_name");
        if (!(cls instanceof String)) {
            throw new MetricException("metric state: field 'class_name' must be a string, got " + cls);
        }
        Object cfg = map.get("config");
        if (!(cfg instanceof Map)) {
            throw new MetricException("metric state of " + cls + ": field 'config' must be an object, got " + cfg);
        }
        Object vars = map.get("variables");
        if (!(vars instanceof Map)) {
            throw new MetricException("metric state of " + cls + ": field 'variables' must be an object, got " + vars);
        }
        Map<String, Tensor> variables = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : ((Map<String, ?>) vars).entrySet()) {
            String where = "metric state of " + cls + ": variable '" + e.getKey() + "'";
            if (!(e.getValue() instanceof Map)) {
                throw new MetricException(where + " must be an object with 'shape' and 'values'");
            }
            Map<String, ?> v = (Map<String, ?>) e.getValue();
            if (!(v.get("shape") instanceof List) || !(v.get("values") instanceof List)) {
                throw new MetricException(where + " must have list fields 'shape' and 'values'");
            }
            List<?> shapeList = (List<?>) v.get("shape");
            List<?> valueList = (List<?>) v.get("values");
            int[] shape = new int[shapeList.size()];
            for (int i = 0; i < shape.length; i++) {
                Object d = shapeList.get(i);
                double dim = d instanceof Number ? ((Number) d).doubleValue() : Double.NaN;
                if (!(dim >= 0 && dim <= Integer.MAX_VALUE && dim == Math.rint(dim))) {
                    throw new MetricException(where + ": 'shape' must hold integers >= 0, got " + shapeList);
                }
                shape[i] = (int) dim;
            }
            double[] values = new double[valueList.size()];
            for (int i = 0; i < values.length; i++) {
                Object x = valueList.get(i);
                if (!(x instanceof Number)) {
                    throw new MetricException(where + ": 'values' must hold numbers, got " + x);
                }
                values[i] = ((Number) x).doubleValue();
            }
            long size = 1;
            for (int d : shape) {
                size = Math.min(size * d, Integer.MAX_VALUE + 1L);
            }
            if (size != values.length) {
                throw new MetricException(where + ": shape " + Tensor.shapeString(shape) + " does not fit "
                        + values.length + " values");
            }
            variables.put(e.getKey(), Tensor.of(values, shape));
        }
        return new MetricState((String) cls, (Map<String, Object>) cfg, variables);
    }

    /** Java serialisation writes {@link SerialForm} in place of this object. */
    private Object writeReplace() {
        return new SerialForm(this);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a MetricState is serialised through its serial form");
    }

    /**
     * The serialised form: JDK types only, so any worker can read it whatever the engine's class loading, and arrays
     * rather than boxed lists, so a large state (a MeanIoU confusion matrix) stays compact.
     */
    private static final class SerialForm implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String className;
        private final LinkedHashMap<String, Object> config;
        private final String[] names;
        private final int[][] shapes;
        private final double[][] values;

        SerialForm(MetricState state) {
            className = state.className;
            config = jdkMap(state.config);
            int n = state.variables.size();
            names = new String[n];
            shapes = new int[n][];
            values = new double[n][];
            int i = 0;
            for (Map.Entry<String, Tensor> e : state.variables.entrySet()) {
                Tensor t = e.getValue();
                names[i] = e.getKey();
                shapes[i] = t.shape();
                values[i] = new double[t.size()];
                for (int j = 0; j < values[i].length; j++) {
                    values[i][j] = t.get(j);
                }
                i++;
            }
        }

        private Object readResolve() throws InvalidObjectException {
            if (className == null || config == null || names == null || shapes == null || values == null
                    || shapes.length != names.length || values.length != names.length) {
                throw new InvalidObjectException("malformed serialised MetricState");
            }
            Map<String, Tensor> variables = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (names[i] == null || shapes[i] == null || values[i] == null) {
                    throw new InvalidObjectException("serialised MetricState of " + className + ": variable " + i
                            + " is incomplete");
                }
                // the bytes may come from anywhere: no negative dimension, no int overflow in the size
                long size = 1;
                boolean negative = false;
                for (int d : shapes[i]) {
                    negative |= d < 0;
                    size = Math.min(size * Math.max(d, 0), Integer.MAX_VALUE + 1L);
                }
                if (negative || size != values[i].length) {
                    throw new InvalidObjectException("serialised MetricState of " + className + ": variable '"
                            + names[i] + "' of shape " + Tensor.shapeString(shapes[i]) + " has " + values[i].length
                            + " values");
                }
                variables.put(names[i], Tensor.of(values[i], shapes[i]));
            }
            return new MetricState(className, config, variables);
        }

        /** A deep copy of a JSON-compatible map as LinkedHashMap / ArrayList (immutable JDK collections included). */
        private static LinkedHashMap<String, Object> jdkMap(Map<?, ?> map) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), jdkValue(e.getValue()));
            }
            return out;
        }

        private static Object jdkValue(Object v) {
            if (v instanceof Map) {
                return jdkMap((Map<?, ?>) v);
            }
            if (v instanceof List) {
                List<Object> out = new ArrayList<>();
                for (Object x : (List<?>) v) {
                    out.add(jdkValue(x));
                }
                return out;
            }
            return v; // String, Number, Boolean, null
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MetricState)) {
            return false;
        }
        MetricState s = (MetricState) o;
        return className.equals(s.className) && config.equals(s.config) && variables.equals(s.variables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, config, variables);
    }

    @Override
    public String toString() {
        return "MetricState" + toMap();
    }
}
