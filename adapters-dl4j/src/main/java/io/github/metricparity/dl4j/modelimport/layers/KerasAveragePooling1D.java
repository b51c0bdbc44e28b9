package io.github.metricparity.dl4j.modelimport.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;

/**
 * Keras's AveragePooling1D for deeplearning4j-modelimport, as a {@link KerasAveragePooling1DLayer}; registered
 * under {@link #CLASS_NAME}. Public because DL4J creates it by reflection.
 */
public class KerasAveragePooling1D extends SameDiffKerasLayer {
    /** The Keras class name the metricparity import gives AveragePooling1D layers. */
    public static final String CLASS_NAME = "MetricparityKerasAveragePooling1D";

    public KerasAveragePooling1D(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig);
        Map<String, Object> inner = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        if (!"channels_last".equals(inner.getOrDefault("data_format", "channels_last"))) {
            throw new UnsupportedKerasConfigurationException("AveragePooling1D layer '" + layerName + "' has "
                    + "data_format=" + inner.get("data_format") + "; only channels_last is imported");
        }
        int pool = first(inner.get("pool_size"), "pool_size");
        Object s = inner.get("strides");
        int stride = s == null ? pool : first(s, "strides");
        String padding = String.valueOf(inner.getOrDefault("padding", "valid"));
        if (!padding.equals("valid") && !padding.equals("same")) {
            throw new UnsupportedKerasConfigurationException("AveragePooling1D layer '" + layerName + "' has padding="
                    + padding);
        }
        this.layer = new KerasAveragePooling1DLayer(layerName, pool, stride, padding.equals("same"));
    }

    private int first(Object v, String key) throws InvalidKerasConfigurationException {
        Object x = v instanceof List && ((List<?>) v).size() == 1 ? ((List<?>) v).get(0) : v;
        if (!(x instanceof Number) || ((Number) x).intValue() <= 0 || ((Number) x).intValue() > 1 << 20) {
            throw new InvalidKerasConfigurationException("AveragePooling1D layer '" + layerName + "' has " + key + "="
                    + v);
        }
        return ((Number) x).intValue();
    }

    @Override
    public int getNumParams() {
        return 0;
    }
}
