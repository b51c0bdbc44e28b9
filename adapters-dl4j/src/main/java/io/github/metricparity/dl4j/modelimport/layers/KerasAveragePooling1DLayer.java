package io.github.metricparity.dl4j.modelimport.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's AveragePooling1D ({@code keras/src/layers/pooling/average_pooling1d.py}) on {@code [N, steps, channels]}:
 * each window's mean over the values inside the input ({@code padding="same"} pads without counting the pad, as
 * Keras does). DL4J 1.0.0-M2.1's imported 1-d average pooling gives other values on this layout, so the import uses
 * this layer instead. The windows are unrolled over the fixed number of steps. Public for DL4J's configuration
 * serialisation; made by the Keras import.
 */
public class KerasAveragePooling1DLayer extends SameDiffLayer {
    private static final long serialVersionUID = 1L;

    private long channels;
    private long steps;
    private int pool;
    private int stride;
    private boolean same;

    /** For DL4J's JSON. */
    public KerasAveragePooling1DLayer() {
    }

    KerasAveragePooling1DLayer(String name, int pool, int stride, boolean same) {
        setLayerName(name);
        this.pool = pool;
        this.stride = stride;
        this.same = same;
    }

    private long outputSteps() {
        return same ? (steps + stride - 1) / stride : (steps - pool) / stride + 1;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        long out = outputSteps();
        long padBefore = same ? Math.max((out - 1) * stride + pool - steps, 0) / 2 : 0;
        List<SDVariable> windows = new ArrayList<>();
        for (long i = 0; i < out; i++) {
            long from = Math.max(0, i * stride - padBefore);
            long to = Math.min(steps, i * stride - padBefore + pool);
            windows.add(input.get(SDIndex.all(), SDIndex.interval(from, to), SDIndex.all()).mean(1));
        }
        return sd.stack(1, windows.toArray(new SDVariable[0]));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // no parameters
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        setNIn(inputType, false);
        if (outputSteps() <= 0) {
            throw new IllegalArgumentException("AveragePooling1D layer '" + getLayerName() + "': a window of " + pool
                    + " does not fit " + steps + " steps");
        }
        return InputType.recurrent(channels, outputSteps(), RNNFormat.NWC);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent)
                || ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength() <= 0) {
            throw new IllegalArgumentException("AveragePooling1D layer '" + getLayerName() + "' needs a sequence "
                    + "[N, steps, channels] with a fixed number of steps, got " + inputType);
        }
        InputType.InputTypeRecurrent r = (InputType.InputTypeRecurrent) inputType;
        if (override || channels <= 0) {
            channels = r.getSize();
            steps = r.getTimeSeriesLength();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }
}
