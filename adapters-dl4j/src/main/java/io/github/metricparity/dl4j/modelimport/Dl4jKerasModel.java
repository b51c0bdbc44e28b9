package io.github.metricparity.dl4j.modelimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Keras model imported into DL4J: the {@link #network()} ({@link MultiLayerNetwork} for a Sequential model,
 * {@link ComputationGraph} for a functional one) and {@link #predict} in Keras's array layout. The imported layers
 * take Keras's layout as it is (features last: {@code [N, features]}, {@code [N, steps, features]},
 * {@code [N, h, w, channels]}), as DL4J's Keras import configures them. Not thread-safe, as the network is not.
 */
public final class Dl4jKerasModel {
    private final Model network;
    private final List<String> inputNames;
    private final List<String> outputNames;

    Dl4jKerasModel(Model network, List<String> inputNames, List<String> outputNames) {
        this.network = network;
        this.inputNames = List.copyOf(inputNames);
        this.outputNames = List.copyOf(outputNames);
    }

    /** The DL4J network, with the file's weights. */
    public Model network() {
        return network;
    }

    /** The Keras input names, in the order {@link #predict} takes the inputs. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** The Keras output names, in the order {@link #predict} returns the outputs. */
    public List<String> outputNames() {
        return outputNames;
    }

    /**
     * The outputs for a batch of inputs, as Keras's {@code model.predict} computes them (inference mode: dropout
     * off, batch normalization with its moving statistics).
     *
     * @throws IllegalArgumentException if the number of inputs is not the model's
     */
    public List<INDArray> predict(List<INDArray> inputs) {
        if (inputs.size() != inputNames.size()) {
            throw new IllegalArgumentException("the model takes " + inputNames.size() + " inputs " + inputNames
                    + ", got " + inputs.size());
        }
        INDArray[] x = new INDArray[inputs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputs.get(i).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        }
        if (network instanceof MultiLayerNetwork) {
            return List.of(((MultiLayerNetwork) network).output(x[0], false));
        }
        return new ArrayList<>(Arrays.asList(((ComputationGraph) network).output(false, x)));
    }
}
