package io.github.metricparity.dl4j.modelimport;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The weight-regularization penalty Keras adds to every batch's loss in {@code evaluate()}
 * ({@code Trainer.compute_loss} sums {@code model.losses}; {@code keras/src/regularizers/regularizers.py}: L1 is
 * {@code l1 * sum(|w|)}, L2 {@code l2 * sum(w^2)}, L1L2 both), from the file's weights. Stateless.
 */
final class Regularization {
    private Regularization() {
    }

    /**
     * The penalty of every weight regularizer of the model.
     *
     * @throws KerasModelFileException for a regularizer whose penalty is not reproduced (activity regularizers,
     *                                 which depend on the layer's outputs; other classes; a Keras 2 file, whose
     *                                 weights DL4J reads)
     */
    static double penalty(KerasModelFile file) throws KerasModelFileException {
        double total = 0;
        for (Map<String, Object> layer : ModelGraph.of(file).layers()) {
            String name;
            Map<String, Object> config;
            try {
                name = ModelGraph.layerName(layer);
                config = JsonTrees.map(layer, "config", "layer");
            } catch (IOException e) {
                throw new KerasModelFileException(file.path(), e.getMessage(), e);
            }
            for (Map.Entry<String, Object> e : config.entrySet()) {
                if (!e.getKey().endsWith("_regularizer") || e.getValue() == null) {
                    continue;
                }
                String weight = weightOf(e.getKey());
                if (weight == null || file.format() == KerasFileFormat.KERAS2_H5) {
                    throw new KerasModelFileException(file.path(), "layer '" + name + "' has a " + e.getKey() + ": "
                            + "Keras adds its penalty to evaluate()'s loss, which is not reproduced for "
                            + (weight == null ? "this regularizer" : "Keras 2 files"));
                }
                double[] factors = factors(file, name, e.getKey(), e.getValue());
                Hdf5File.Array w = Keras3Weights.named(file, name, (String) layer.get("class_name"), config,
                        file.weights().getOrDefault(name, List.of())).get(weight);
                if (w == null) {
                    continue; // a bias regularizer without a bias: no penalty
                }
                double abs = 0;
                double squares = 0;
                for (float v : w.values()) {
                    abs += Math.abs(v);
                    squares += (double) v * v;
                }
                total += factors[0] * abs + factors[1] * squares;
            }
        }
        return total;
    }

    private static String weightOf(String key) {
        switch (key) {
            case "kernel_regularizer":
                return "kernel";
            case "bias_regularizer":
                return "bias";
            case "recurrent_regularizer":
                return "recurrent_kernel";
            case "embeddings_regularizer":
                return "embeddings";
            case "beta_regularizer":
                return "beta";
            case "gamma_regularizer":
                return "gamma";
            default:
                return null;
        }
    }

    /** {l1, l2} of a regularizer given as a string ({@code "l1"}, {@code "l2"}) or a serialised L1, L2 or L1L2. */
    private static double[] factors(KerasModelFile file, String layer, String key, Object raw)
            throws KerasModelFileException {
        String cls;
        Map<String, Object> config = Map.of();
        if (raw instanceof String) {
            cls = (String) raw;
        } else if (raw instanceof Map && JsonTrees.asMap(raw).get("class_name") instanceof String) {
            cls = (String) JsonTrees.asMap(raw).get("class_name");
            Object c = JsonTrees.asMap(raw).get("config");
            config = c instanceof Map ? JsonTrees.asMap(c) : Map.of();
        } else {
            throw new KerasModelFileException(file.path(), "layer '" + layer + "' has the " + key + " " + raw);
        }
        switch (cls) {
            case "L1":
            case "l1":
                return new double[] {number(config, "l1", 0.01), 0};
            case "L2":
            case "l2":
                return new double[] {0, number(config, "l2", 0.01)};
            case "L1L2":
            case "l1_l2":
                return new double[] {number(config, "l1", 0.0), number(config, "l2", 0.0)};
            default:
                throw new KerasModelFileException(file.path(), "layer '" + layer + "' has a " + cls + " " + key
                        + ": its penalty to evaluate()'s loss is not reproduced (L1, L2 and L1L2 are)");
        }
    }

    private static double number(Map<String, Object> config, String key, double fallback) {
        Object v = config.get(key);
        return v instanceof Number ? ((Number) v).doubleValue() : fallback;
    }
}
