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
 * Keras's GRU ({@code keras/src/layers/rnn/gru.py}) as a DL4J layer, which DL4J 1.0.0-M2.1 lacks: inputs
 * {@code [N, steps, features]} (Keras's layout), gates in Keras's order (update, reset, candidate), both of Keras's
 * conventions ({@code reset_after=True}, Keras 3's default, applies the reset gate after the recurrent product and
 * has an input and a recurrent bias; {@code False} before it, one bias). Parameters {@code W} {@code [features,
 * 3*units]}, {@code RW} {@code [units, 3*units]}, {@code b} {@code [2 or 1, 3*units]}, Keras's arrays as they are.
 * The time loop is unrolled over the fixed number of steps of the input. Public for DL4J's configuration
 * serialisation; made by the Keras import.
 */
public class KerasGruLayer extends SameDiffLayer {
    private static final long serialVersionUID = 1L;

    private long nIn;
    private long units;
    private long steps;
    private boolean returnSequences;
    private boolean resetAfter;
    private boolean useBias;
    private String activation;
    private String recurrentActivation;

    /** For DL4J's JSON. */
    public KerasGruLayer() {
    }

    KerasGruLayer(String name, long units, boolean returnSequences, boolean resetAfter, boolean useBias,
            String activation, String recurrentActivation) {
        setLayerName(name);
        this.units = units;
        this.returnSequences = returnSequences;
        this.resetAfter = resetAfter;
        this.useBias = useBias;
        this.activation = activation;
        this.recurrentActivation = recurrentActivation;
    }

    /** The activations the layer computes: Keras's names. */
    static boolean supports(String activation) {
        return List.of("tanh", "sigmoid", "relu", "linear").contains(activation);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable w = params.get("W");
        SDVariable rw = params.get("RW");
        SDVariable b = useBias ? params.get("b") : null;
        SDVariable inputBias = b == null ? null : b.get(SDIndex.point(0), SDIndex.all());
        SDVariable recurrentBias = b != null && resetAfter ? b.get(SDIndex.point(1), SDIndex.all()) : null;
        SDVariable h = null;
        List<SDVariable> outputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            SDVariable xw = sd.mmul(input.get(SDIndex.all(), SDIndex.point(t), SDIndex.all()), w);
            if (inputBias != null) {
                xw = xw.add(inputBias);
            }
            if (h == null) {
                h = sd.zerosLike(columns(xw, 0));
            }
            SDVariable z;
            SDVariable candidate;
            if (resetAfter) {
                SDVariable hr = sd.mmul(h, rw);
                if (recurrentBias != null) {
                    hr = hr.add(recurrentBias);
                }
                z = apply(sd, recurrentActivation, columns(xw, 0).add(columns(hr, 0)));
                SDVariable r = apply(sd, recurrentActivation, columns(xw, 1).add(columns(hr, 1)));
                candidate = apply(sd, activation, columns(xw, 2).add(r.mul(columns(hr, 2))));
            } else {
                SDVariable hzr = sd.mmul(h, rw.get(SDIndex.all(), SDIndex.interval(0L, 2 * units)));
                z = apply(sd, recurrentActivation, columns(xw, 0).add(columns(hzr, 0)));
                SDVariable r = apply(sd, recurrentActivation, columns(xw, 1).add(columns(hzr, 1)));
                SDVariable hh = sd.mmul(r.mul(h), rw.get(SDIndex.all(), SDIndex.interval(2 * units, 3 * units)));
                candidate = apply(sd, activation, columns(xw, 2).add(hh));
            }
            // h = z * h_prev + (1 - z) * candidate
            h = z.mul(h).add(z.rsub(1.0).mul(candidate));
            outputs.add(h);
        }
        return returnSequences ? sd.stack(1, outputs.toArray(new SDVariable[0])) : h;
    }

    /** Gate {@code g} (0, 1, 2) of a {@code [N, 3*units]} array. */
    private SDVariable columns(SDVariable a, int g) {
        return a.get(SDIndex.all(), SDIndex.interval(g * units, (g + 1) * units));
    }

    private static SDVariable apply(SameDiff sd, String activation, SDVariable x) {
        switch (activation) {
            case "tanh":
                return sd.math.tanh(x);
            case "sigmoid":
                return sd.nn.sigmoid(x);
            case "relu":
                return sd.nn.relu(x, 0.0);
            default:
                return x;
        }
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam("W", nIn, 3 * units);
        params.addWeightParam("RW", units, 3 * units);
        if (useBias) {
            params.addBiasParam("b", resetAfter ? 2 : 1, 3 * units);
        }
    }

    /** The number of parameter arrays: W, RW and, with a bias, b. */
    int defineParametersCount() {
        return useBias ? 3 : 2;
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // the Keras file's weights replace them
        for (INDArray p : params.values()) {
            p.assign(0);
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        setNIn(inputType, false);
        return returnSequences ? InputType.recurrent(units, steps, RNNFormat.NWC) : InputType.feedForward(units);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent)) {
            throw new IllegalArgumentException("GRU layer '" + getLayerName() + "' takes a sequence "
                    + "[N, steps, features], got " + inputType);
        }
        InputType.InputTypeRecurrent r = (InputType.InputTypeRecurrent) inputType;
        if (r.getTimeSeriesLength() <= 0) {
            throw new IllegalArgumentException("GRU layer '" + getLayerName() + "' needs a fixed number of time "
                    + "steps (the model's Input(shape=(steps, features)) with steps given)");
        }
        if (override || nIn <= 0) {
            nIn = r.getSize();
            steps = r.getTimeSeriesLength();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // Keras's [N, steps, features] as it comes
    }
}
