package io.github.metricparity.dl4j.modelimport.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;

/** A Keras layer the import computes with its own SameDiff layer: one input, output type from that layer. */
abstract class SameDiffKerasLayer extends KerasLayer {
    SameDiffKerasLayer(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length != 1) {
            throw new InvalidKerasConfigurationException("layer '" + layerName + "' takes one input, got "
                    + inputType.length);
        }
        try {
            return layer.getOutputType(-1, inputType[0]);
        } catch (IllegalArgumentException e) {
            throw new InvalidKerasConfigurationException(e.getMessage());
        }
    }
}
