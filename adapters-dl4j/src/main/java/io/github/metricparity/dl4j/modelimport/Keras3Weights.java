package io.github.metricparity.dl4j.modelimport;

import io.github.metricparity.dl4j.modelimport.KerasModelFile.LayerWeight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights of the two Keras 3 layouts into arrays per layer name. Stateless.
 * <ul>
 * <li>{@code .keras} ({@code keras/src/saving/saving_lib.py}): {@code layers/<path>/vars/0, 1, ...}, the layer's
 *     name in the {@code name} attribute of {@code vars}; a layer's sub-objects (an RNN's {@code cell}) keep their
 *     variables in their own {@code vars}, after the layer's.</li>
 * <li>Keras 3 {@code .h5} ({@code keras/src/legacy/saving/legacy_h5_format.py}):
 *     {@code model_weights/<layer>/.../<weight>}, the dataset named after the weight ({@code kernel}).</li>
 * </ul>
 */
final class Keras3Weights {
    private Keras3Weights() {
    }

    static Map<String, List<LayerWeight>> fromZipLayout(Hdf5File h5, Hdf5File.Budget budget)
            throws KerasModelFileException {
        Map<String, List<LayerWeight>> out = new LinkedHashMap<>();
        if (!h5.groups("/").contains("layers")) {
            return out;
        }
        for (String g : h5.groups("/layers")) {
            String path = "/layers/" + g;
            List<String> children = h5.groups(path);
            if (!children.contains("vars")) {
                continue;
            }
            String name = h5.hasAttribute("name", path + "/vars") ? h5.stringAttribute("name", 4096, path + "/vars")
                    : g;
            List<LayerWeight> arrays = new ArrayList<>();
            collectVars(h5, path, budget, arrays, 0);
            out.put(name, arrays);
        }
        return out;
    }

    /** The {@code vars} of a group, then those of its sub-objects (a cell), in order. */
    private static void collectVars(Hdf5File h5, String path, Hdf5File.Budget budget, List<LayerWeight> arrays,
            int depth) throws KerasModelFileException {
        if (depth > 8) {
            return;
        }
        List<String> children = h5.groups(path);
        if (children.contains("vars")) {
            List<String> numbered = new ArrayList<>(h5.datasets(path + "/vars"));
            numbered.sort(Comparator.comparingLong(Keras3Weights::index));
            for (String n : numbered) {
                arrays.add(new LayerWeight(null, h5.floats(path + "/vars", n, budget)));
            }
        }
        for (String child : children) {
            if (!child.equals("vars") && !child.equals("layers")) {
                collectVars(h5, path + "/" + child, budget, arrays, depth + 1);
            }
        }
    }

    private static long index(String name) {
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static Map<String, List<LayerWeight>> fromH5Layout(Hdf5File h5, Hdf5File.Budget budget)
            throws KerasModelFileException {
        Map<String, List<LayerWeight>> out = new LinkedHashMap<>();
        if (!h5.groups("/").contains("model_weights")) {
            return out;
        }
        for (String layer : h5.groups("/model_weights")) {
            List<LayerWeight> arrays = new ArrayList<>();
            collectDatasets(h5, "/model_weights/" + layer, budget, arrays, 0);
            out.put(layer, arrays);
        }
        return out;
    }

    private static void collectDatasets(Hdf5File h5, String path, Hdf5File.Budget budget, List<LayerWeight> arrays,
            int depth) throws KerasModelFileException {
        if (depth > 8) {
            return;
        }
        for (String d : h5.datasets(path)) {
            arrays.add(new LayerWeight(d.replaceAll(":\\d+$", ""), h5.floats(path, d, budget)));
        }
        for (String g : h5.groups(path)) {
            collectDatasets(h5, path + "/" + g, budget, arrays, depth + 1);
        }
    }

    /**
     * A layer's weights under their Keras names: as the {@code .h5} names them, or by position in the order Keras
     * creates them ({@code .keras}).
     *
     * @throws KerasModelFileException if the file holds other arrays than the layer needs
     */
    static Map<String, Hdf5File.Array> named(KerasModelFile file, String layer, String cls,
            Map<String, Object> config, List<LayerWeight> stored) throws KerasModelFileException {
        List<String> order = order(cls, config);
        Map<String, Hdf5File.Array> out = new LinkedHashMap<>();
        if (stored.size() != order.size()) {
            throw new KerasModelFileException(file.path(), "layer '" + layer + "' (" + cls + ") needs the weights "
                    + order + ", the file holds " + stored.size() + " arrays for it");
        }
        for (int i = 0; i < stored.size(); i++) {
            LayerWeight w = stored.get(i);
            String key = w.name() != null ? w.name() : order.get(i);
            if (!order.contains(key)) {
                throw new KerasModelFileException(file.path(), "layer '" + layer + "' (" + cls + ") has a weight '"
                        + key + "'; it needs " + order);
            }
            out.put(key, w.array());
        }
        return out;
    }

    /** The weights of a Keras layer, in the order Keras creates them ({@code layer.weights}). */
    static List<String> order(String cls, Map<String, Object> config) {
        boolean bias = !Boolean.FALSE.equals(config.get("use_bias"));
        List<String> out = new ArrayList<>();
        switch (cls) {
            case "Dense":
            case "Conv1D":
            case "Conv2D":
                out.add("kernel");
                if (bias) {
                    out.add("bias");
                }
                break;
            case "BatchNormalization":
                if (!Boolean.FALSE.equals(config.get("scale"))) {
                    out.add("gamma");
                }
                if (!Boolean.FALSE.equals(config.get("center"))) {
                    out.add("beta");
                }
                out.add("moving_mean");
                out.add("moving_variance");
                break;
            case "Embedding":
                out.add("embeddings");
                break;
            case "SimpleRNN":
            case "LSTM":
            case "GRU":
                out.add("kernel");
                out.add("recurrent_kernel");
                if (bias) {
                    out.add("bias");
                }
                break;
            default:
                break;
        }
        return out;
    }
}
