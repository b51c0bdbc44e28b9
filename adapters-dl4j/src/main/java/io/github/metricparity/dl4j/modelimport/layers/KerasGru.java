package io.github.metricparity.dl4j.modelimport.layers;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Keras GRU layer for deeplearning4j-modelimport, which has none: it reads the Keras config and weights into a
 * {@link KerasGruLayer}. Registered with DL4J's importer under {@link #CLASS_NAME}, the class name the metricparity
 * import gives GRU layers, so that no importer setting of the application is changed. Public because DL4J creates
 * it by reflection.
 */
public class KerasGru extends SameDiffKerasLayer {
    /** The Keras class name the metricparity import gives GRU layers. */
    public static final String CLASS_NAME = "MetricparityKerasGRU";

    /**
     * @throws UnsupportedKerasConfigurationException for a GRU this layer does not compute (state returned, run
     *                                                backwards, stateful, or an activation it lacks)
     */
    public KerasGru(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig);
        Map<String, Object> inner = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        for (String flag : new String[] {"return_state", "go_backwards", "stateful"}) {
            if (Boolean.TRUE.equals(inner.get(flag))) {
                throw new UnsupportedKerasConfigurationException("GRU layer '" + layerName + "' has " + flag
                        + "=True, which this import does not support");
            }
        }
        String activation = String.valueOf(inner.getOrDefault("activation", "tanh"));
        String recurrent = String.valueOf(inner.getOrDefault("recurrent_activation", "sigmoid"));
        if (!KerasGruLayer.supports(activation) || !KerasGruLayer.supports(recurrent)) {
            throw new UnsupportedKerasConfigurationException("GRU layer '" + layerName + "' uses the activations "
                    + activation + "/" + recurrent + "; supported: tanh, sigmoid, relu, linear");
        }
        Object units = inner.get("units");
        if (!(units instanceof Number) || ((Number) units).longValue() <= 0) {
            throw new InvalidKerasConfigurationException("GRU layer '" + layerName + "' has units=" + units);
        }
        this.layer = new KerasGruLayer(layerName, ((Number) units).longValue(),
                Boolean.TRUE.equals(inner.get("return_sequences")), !Boolean.FALSE.equals(inner.get("reset_after")),
                !Boolean.FALSE.equals(inner.get("use_bias")), activation, recurrent);
    }

    @Override
    public int getNumParams() {
        return ((KerasGruLayer) layer).defineParametersCount();
    }

    /** Keras's {@code kernel}, {@code recurrent_kernel} and {@code bias}, under this layer's parameter names. */
    @Override
    public void setWeights(Map<String, INDArray> weights) throws InvalidKerasConfigurationException {
        this.weights = new HashMap<>();
        put(weights, "kernel", "W");
        put(weights, "recurrent_kernel", "RW");
        if (weights.containsKey("bias")) {
            INDArray b = weights.get("bias");
            this.weights.put("b", b.rank() == 1 ? b.reshape(1, b.length()) : b);
        }
    }

    /**
     * Assigns into the layer's own parameter arrays (views of the network's flat parameters): DL4J's default
     * {@code setParam} replaces a SameDiff layer's table entry and leaves the network's parameters as they were.
     */
    @Override
    public void copyWeightsToLayer(org.deeplearning4j.nn.api.Layer target) throws InvalidKerasConfigurationException {
        for (Map.Entry<String, INDArray> p : target.paramTable().entrySet()) {
            INDArray w = weights == null ? null : weights.get(p.getKey());
            if (w == null || w.length() != p.getValue().length()) {
                throw new InvalidKerasConfigurationException("GRU layer '" + layerName + "': no weights of the size "
                        + "of its parameter " + p.getKey() + java.util.Arrays.toString(p.getValue().shape()));
            }
            p.getValue().assign(w.reshape(p.getValue().shape()));
        }
    }

    private void put(Map<String, INDArray> weights, String keras, String dl4j)
            throws InvalidKerasConfigurationException {
        if (!weights.containsKey(keras)) {
            throw new InvalidKerasConfigurationException("GRU layer '" + layerName + "' has no " + keras);
        }
        this.weights.put(dl4j, weights.get(keras));
    }
}
