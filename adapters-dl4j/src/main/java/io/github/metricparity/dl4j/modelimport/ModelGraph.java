package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layer graph of a model config (Keras 3 or Keras 2 form): the layers in order, and the names of the input and
 * output layers. Immutable.
 */
final class ModelGraph {
    private final boolean sequential;
    private final List<Map<String, Object>> layers;
    private final List<String> inputNames;
    private final List<String> outputNames;

    private ModelGraph(boolean sequential, List<Map<String, Object>> layers, List<String> inputNames,
            List<String> outputNames) {
        this.sequential = sequential;
        this.layers = layers;
        this.inputNames = inputNames;
        this.outputNames = outputNames;
    }

    static ModelGraph of(KerasModelFile file) throws KerasModelFileException {
        try {
            return of(file.modelConfig());
        } catch (IOException e) {
            throw new KerasModelFileException(file.path(), "its model config: " + e.getMessage(), e);
        }
    }

    static ModelGraph of(Map<String, Object> root) throws IOException {
        Object cls = root.get("class_name");
        if (!(cls instanceof String)) {
            throw new IOException("no model class_name");
        }
        Map<String, Object> config = JsonTrees.map(root, "config", "the model config");
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Object l : JsonTrees.list(config, "layers", "the model config")) {
            if (!(l instanceof Map) || !(JsonTrees.asMap(l).get("class_name") instanceof String)) {
                throw new IOException("a layer entry without class_name: " + abbreviate(l));
            }
            layers.add(JsonTrees.asMap(l));
        }
        if (layers.isEmpty()) {
            throw new IOException("the model has no layers");
        }
        if (cls.equals("Sequential")) {
            Map<String, Object> first = layers.get(0);
            List<String> in = first.get("class_name").equals("InputLayer") ? List.of(layerName(first))
                    : List.of(layerName(first) + "_input");
            return new ModelGraph(true, layers, in, List.of(layerName(layers.get(layers.size() - 1))));
        }
        if (cls.equals("Functional") || cls.equals("Model")) {
            return new ModelGraph(false, layers, endpoints(config.get("input_layers"), "input_layers"),
                    endpoints(config.get("output_layers"), "output_layers"));
        }
        throw new IOException("a model of class '" + cls + "': only Sequential and Functional models are read "
                + "(a subclassed model keeps its layers in Python code)");
    }

    /** {@code [["a", 0, 0], ["b", 0, 0]]}, or Keras 3's single {@code ["a", 0, 0]}. */
    private static List<String> endpoints(Object raw, String key) throws IOException {
        if (!(raw instanceof List) || ((List<?>) raw).isEmpty()) {
            throw new IOException("the functional model config has no " + key);
        }
        List<?> list = (List<?>) raw;
        if (list.get(0) instanceof String) {
            return List.of((String) list.get(0));
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof List) || ((List<?>) o).isEmpty() || !(((List<?>) o).get(0) instanceof String)) {
                throw new IOException(key + " holds " + abbreviate(o) + ", not [layer, node, tensor]");
            }
            out.add((String) ((List<?>) o).get(0));
        }
        return out;
    }

    static String layerName(Map<String, Object> layer) throws IOException {
        Object n = layer.get("name");
        if (!(n instanceof String) && layer.get("config") instanceof Map) {
            n = JsonTrees.asMap(layer.get("config")).get("name");
        }
        if (!(n instanceof String)) {
            throw new IOException("a " + layer.get("class_name") + " layer without a name");
        }
        return (String) n;
    }

    static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    boolean isSequential() {
        return sequential;
    }

    List<Map<String, Object>> layers() {
        return layers;
    }

    List<String> inputNames() {
        return inputNames;
    }

    List<String> outputNames() {
        return outputNames;
    }
}
