package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.github.metricparity.dl4j.modelimport.layers.KerasAveragePooling1D;
import io.github.metricparity.dl4j.modelimport.layers.KerasGru;

/**
 * Rewrites a Keras 3 model config in the Keras 2 form deeplearning4j-modelimport 1.0.0-M2.1 reads: InputLayer's
 * {@code batch_shape} becomes {@code batch_input_shape}, Keras 3's {@code inbound_nodes} (call arguments holding
 * {@code __keras_tensor__} objects) become Keras 2's {@code [[[layer, node, tensor, {}]]]}, dtype policies become
 * their names, and the model is stamped Keras 2.x. Initializers become {@code Zeros} and regularizers and
 * constraints are dropped: the file's weights replace every initial value, and nothing here trains.
 *
 * <p>Only the layers listed in {@link #SUPPORTED} are passed on; any other, a Lambda (Python code, which Keras
 * itself refuses to load in safe mode), a nested model or a layer called twice is refused with a message naming
 * the layer. Declared shapes are bounded ({@link #MAX_DIMENSION}) before DL4J sees them. Stateless.
 */
final class Keras3Config {
    /** Keras 3 layer classes imported, each through DL4J's importer of the Keras 2 layer of the same name. */
    static final Set<String> SUPPORTED = Set.of("InputLayer", "Dense", "Activation", "Dropout", "Flatten", "Reshape",
            "BatchNormalization", "Conv1D", "Conv2D", "MaxPooling1D", "MaxPooling2D", "AveragePooling1D",
            "AveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling1D",
            "GlobalAveragePooling2D", "Embedding", "SimpleRNN", "LSTM", "GRU", "Add", "Concatenate", "Multiply",
            "Subtract", "Average", "Maximum", "ZeroPadding1D", "ZeroPadding2D", "UpSampling1D", "UpSampling2D",
            "LeakyReLU", "ReLU", "ELU", "Softmax", "SpatialDropout1D", "SpatialDropout2D", "RepeatVector",
            "Permute");
    /** Layers DL4J lacks or computes otherwise than Keras: the import's own, registered under their own names. */
    static final Map<String, String> OWN_LAYERS = Map.of("GRU", KerasGru.CLASS_NAME, "AveragePooling1D",
            KerasAveragePooling1D.CLASS_NAME);
    /** The largest dimension a declared shape may have. */
    static final long MAX_DIMENSION = 1L << 24;
    /** The largest number of values one example of a declared shape may have. */
    static final long MAX_EXAMPLE_SIZE = 1L << 28;
    private static final Set<String> DROPPED_KEYS = Set.of("kernel_regularizer", "bias_regularizer",
            "activity_regularizer", "recurrent_regularizer", "beta_regularizer", "gamma_regularizer",
            "embeddings_regularizer", "kernel_constraint", "bias_constraint", "recurrent_constraint",
            "beta_constraint", "gamma_constraint", "embeddings_constraint", "quantization_config", "seed");

    private Keras3Config() {
    }

    /**
     * The Keras 2 form of a Keras 3 model config.
     *
     * @throws IOException naming the layer, for a layer that cannot be imported
     */
    static Map<String, Object> toKeras2(Map<String, Object> root) throws IOException {
        ModelGraph graph = ModelGraph.of(root);
        Map<String, Object> config = JsonTrees.map(root, "config", "the model config");
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> outConfig = new LinkedHashMap<>();
        outConfig.put("name", config.getOrDefault("name", "model"));
        List<Object> layers = new ArrayList<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map<String, Object> layer : graph.layers()) {
            layers.add(layer(layer, graph.isSequential(), shapes));
        }
        outConfig.put("layers", layers);
        if (graph.isSequential()) {
            out.put("class_name", "Sequential");
        } else {
            out.put("class_name", "Model");
            outConfig.put("input_layers", endpoints(graph.inputNames()));
            outConfig.put("output_layers", endpoints(graph.outputNames()));
        }
        out.put("config", outConfig);
        out.put("keras_version", "2.13.1");
        out.put("backend", "tensorflow");
        return out;
    }

    private static List<Object> endpoints(List<String> names) {
        List<Object> out = new ArrayList<>();
        for (String n : names) {
            out.add(List.of(n, 0, 0));
        }
        return out;
    }

    private static Map<String, Object> layer(Map<String, Object> layer, boolean sequential, Map<String, long[]> shapes)
            throws IOException {
        String cls = (String) layer.get("class_name");
        String name = ModelGraph.layerName(layer);
        if (cls.equals("Lambda")) {
            throw new IOException("layer '" + name + "' is a Lambda layer: it holds Python code, which Keras itself "
                    + "refuses to load in safe mode and which cannot run on the JVM");
        }
        if (cls.equals("Sequential") || cls.equals("Functional") || cls.equals("Model")) {
            throw new IOException("layer '" + name + "' is a nested " + cls + " model: flatten it into one model "
                    + "before saving (DL4J imports one level of layers)");
        }
        if (!SUPPORTED.contains(cls)) {
            throw new IOException("layer '" + name + "' is a " + cls + " layer, which this import does not support "
                    + "(supported: " + new java.util.TreeSet<>(SUPPORTED) + ")");
        }
        Map<String, Object> config = new LinkedHashMap<>(JsonTrees.map(layer, "config", "layer '" + name + "'"));
        for (String k : List.copyOf(config.keySet())) {
            Object v = config.get(k);
            if (DROPPED_KEYS.contains(k)) {
                config.remove(k);
            } else if (k.endsWith("_initializer")) {
                config.put(k, Map.of("class_name", "Zeros", "config", Map.of()));
            } else if (k.equals("dtype") && v instanceof Map) {
                Object policy = JsonTrees.asMap(v).get("config");
                config.put(k, policy instanceof Map ? JsonTrees.asMap(policy).getOrDefault("name", "float32")
                        : "float32");
            }
        }
        config.put("name", name);
        switch (cls) {
            case "InputLayer": {
                Object shape = config.remove("batch_shape");
                if (shape == null) {
                    shape = config.get("batch_input_shape");
                }
                long[] dims = checkShape(name, shape, true);
                shapes.put(name, dims);
                config.put("batch_input_shape", shape);
                config.remove("optional");
                config.remove("sparse");
                config.remove("ragged");
                break;
            }
            case "Reshape":
                checkShape(name, config.get("target_shape"), false);
                break;
            case "Embedding":
                if (!config.containsKey("input_length")) {
                    config.put("input_length", inputLength(layer, shapes));
                }
                if (Boolean.TRUE.equals(config.get("mask_zero"))) {
                    throw new IOException("layer '" + name + "' is an Embedding with mask_zero=True: the Keras mask "
                            + "it makes is not imported");
                }
                break;
            case "Conv1D":
            case "Conv2D":
                if (config.get("groups") instanceof Number && ((Number) config.get("groups")).intValue() != 1) {
                    throw new IOException("layer '" + name + "' is a grouped convolution (groups="
                            + config.get("groups") + "), which DL4J's Keras import does not support");
                }
                config.remove("groups");
                break;
            case "GlobalMaxPooling1D":
            case "GlobalMaxPooling2D":
            case "GlobalAveragePooling1D":
            case "GlobalAveragePooling2D":
                if (Boolean.TRUE.equals(config.get("keepdims"))) {
                    throw new IOException("layer '" + name + "' pools with keepdims=True, which DL4J's Keras import "
                            + "does not support");
                }
                config.remove("keepdims");
                break;
            default:
                break;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", OWN_LAYERS.getOrDefault(cls, cls));
        out.put("config", config);
        if (!sequential) {
            out.put("name", name);
            out.put("inbound_nodes", inboundNodes(layer, name));
        }
        return out;
    }

    /** The Embedding's sequence length, from the input layer it is called on (Keras 3 no longer records it). */
    private static Object inputLength(Map<String, Object> layer, Map<String, long[]> shapes) throws IOException {
        Map<String, Object> build = JsonTrees.map(layer, "build_config", "an Embedding layer");
        Object shape = build.get("input_shape");
        if (shape instanceof List && ((List<?>) shape).size() == 2 && ((List<?>) shape).get(1) instanceof Number) {
            return ((Number) ((List<?>) shape).get(1)).intValue();
        }
        if (shapes.size() == 1) {
            long[] only = shapes.values().iterator().next();
            if (only.length == 2 && only[1] > 0) {
                return (int) only[1];
            }
        }
        return null;
    }

    /** A declared shape, bounded; {@code -1} for an unknown (null) dimension. */
    private static long[] checkShape(String name, Object raw, boolean batch) throws IOException {
        if (!(raw instanceof List)) {
            throw new IOException("layer '" + name + "' declares no shape");
        }
        List<?> dims = (List<?>) raw;
        if (dims.size() > 8) {
            throw new IOException("layer '" + name + "' declares a shape of rank " + dims.size());
        }
        long[] out = new long[dims.size()];
        long size = 1;
        for (int i = 0; i < dims.size(); i++) {
            Object d = dims.get(i);
            if (d == null) {
                out[i] = -1;
                continue;
            }
            if (!(d instanceof Number) || ((Number) d).longValue() < (batch || i > 0 ? 1 : -1)
                    || ((Number) d).doubleValue() != ((Number) d).longValue()) {
                throw new IOException("layer '" + name + "' declares the shape " + dims + " (dimension " + d + ")");
            }
            long v = ((Number) d).longValue();
            if (v > MAX_DIMENSION) {
                throw new IOException("layer '" + name + "' declares the shape " + dims + ", whose dimension " + v
                        + " is larger than " + MAX_DIMENSION);
            }
            out[i] = v;
            if (!(batch && i == 0) && v > 0) {
                size *= v;
                if (size > MAX_EXAMPLE_SIZE) {
                    throw new IOException("layer '" + name + "' declares the shape " + dims + ": more than "
                            + MAX_EXAMPLE_SIZE + " values per example");
                }
            }
        }
        return out;
    }

    /** Keras 3's call arguments to Keras 2's {@code [[[layer, node, tensor, {}], ...]]}. */
    private static List<Object> inboundNodes(Map<String, Object> layer, String name) throws IOException {
        List<Object> nodes = JsonTrees.list(layer, "inbound_nodes", "layer '" + name + "'");
        if (nodes.isEmpty()) {
            return List.of();
        }
        if (nodes.size() > 1) {
            throw new IOException("layer '" + name + "' is called " + nodes.size() + " times (a shared layer), "
                    + "which DL4J's Keras import does not support");
        }
        Object node = nodes.get(0);
        if (node instanceof List) {
            return nodes; // already Keras 2's form
        }
        if (!(node instanceof Map)) {
            throw new IOException("layer '" + name + "' has an inbound node of an unknown form");
        }
        List<Object> inputs = new ArrayList<>();
        collectTensors(JsonTrees.asMap(node).get("args"), inputs, name, 0);
        if (inputs.isEmpty()) {
            throw new IOException("layer '" + name + "' is called on no Keras tensor");
        }
        return List.of(inputs);
    }

    private static void collectTensors(Object arg, List<Object> out, String name, int depth) throws IOException {
        if (depth > 16) {
            throw new IOException("layer '" + name + "' has call arguments nested too deep");
        }
        if (arg instanceof List) {
            for (Object a : (List<?>) arg) {
                collectTensors(a, out, name, depth + 1);
            }
        } else if (arg instanceof Map && "__keras_tensor__".equals(JsonTrees.asMap(arg).get("class_name"))) {
            Map<String, Object> config = JsonTrees.map(JsonTrees.asMap(arg), "config", "layer '" + name + "'");
            Object history = config.get("keras_history");
            if (!(history instanceof List) || ((List<?>) history).size() != 3
                    || !(((List<?>) history).get(0) instanceof String)) {
                throw new IOException("layer '" + name + "' is called on a tensor without keras_history");
            }
            List<?> h = (List<?>) history;
            out.add(List.of(h.get(0), h.get(1), h.get(2), Map.of()));
        }
    }
}
