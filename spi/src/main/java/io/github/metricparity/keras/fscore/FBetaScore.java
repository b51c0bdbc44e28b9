package io.github.metricparity.keras.fscore;

import io.github.metricparity.keras.internal.AbstractMetric;
import io.github.metricparity.keras.internal.KerasShapes;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.StateVariable;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keras {@code FBetaScore} (and {@code F1Score}, the same with beta 1.0); see {@link FScoreMetrics} for the rules.
 *
 * <p>Shapes follow numpy broadcasting as Keras's element-wise ops do: {@code y_true}, the binarised {@code y_pred}
 * and the weight (expanded to rank 2 by trailing axes: {@code (N,)} becomes {@code (N,1)}, a scalar
 * {@code (1,1)}) are multiplied, then summed over the batch axis. A per-class sum of one column is added to every
 * class, as Keras's {@code assign(variable + sum)} broadcasts it.
 */
final class FBetaScore extends AbstractMetric {
    private enum Average { NONE, MICRO, MACRO, WEIGHTED }

    private final Average average;
    private final double beta;
    private final Double threshold;
    private final StateVariable truePositives;
    private final StateVariable falsePositives;
    private final StateVariable falseNegatives;
    private final StateVariable intermediateWeights;

    FBetaScore(MetricConfig config, double beta) {
        super(config);
        String avg = config.getString("average");
        this.average = avg == null ? Average.NONE : Average.valueOf(avg.toUpperCase(Locale.ROOT));
        this.beta = beta;
        this.threshold = config.getNullableDouble("threshold");
        this.truePositives = addLazyVariable("true_positives");
        this.falsePositives = addLazyVariable("false_positives");
        this.falseNegatives = addLazyVariable("false_negatives");
        this.intermediateWeights = addLazyVariable("intermediate_weights");
    }

    @Override
    protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        DType dt = dtype();
        if (dt.isInteger()) {
            // Keras on TensorFlow fails here too: `y_pred > threshold` / `abs(y_pred) > 1e-9` cannot convert the
            // float constant to an integer tensor (f_score_metrics.py:164-172)
            throw new InvalidInputException("dtype " + dt.kerasName() + " cannot hold the thresholded predictions "
                    + "and ratios; FBetaScore/F1Score need a float dtype (float32 or float64)");
        }
        if (yTrue.rank() != 2 || yPred.rank() != 2) {
            throw new InvalidInputException("expects 2D inputs with shape (batch_size, output_dim). Received input "
                    + "shapes: y_pred.shape=" + yPred.shapeString() + " and y_true.shape=" + yTrue.shapeString());
        }
        Tensor weight = sampleWeight == null ? null : expandWeight(sampleWeight);
        int[] tShape = yTrue.shape();
        int[] pShape = yPred.shape();
        int[] predTrue = KerasShapes.broadcastShape(pShape, tShape);
        if (predTrue == null) {
            throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " and y_pred of shape "
                    + yPred.shapeString() + " do not broadcast");
        }
        int[] full = weight == null ? predTrue : KerasShapes.broadcastShape(predTrue, weight.shape());
        int[] support = weight == null ? tShape : KerasShapes.broadcastShape(tShape, weight.shape());
        if (full == null || support == null) {
            throw new InvalidInputException("sample_weight of shape " + sampleWeight.shapeString() + " (as "
                    + weight.shapeString() + ") does not broadcast with y_true " + yTrue.shapeString()
                    + " and y_pred " + yPred.shapeString());
        }

        boolean micro = average == Average.MICRO;
        if (!truePositives.isBuilt()) {
            int[] shape = micro ? new int[0] : new int[] {yPred.dim(1)};
            for (StateVariable v : List.of(truePositives, falsePositives, falseNegatives, intermediateWeights)) {
                v.build(shape);
            }
        }
        requireConsistentState();
        int classes = micro ? 1 : truePositives.shape()[0];
        if (!micro) {
            requireColumns("the confusion counts", full[1], classes, yTrue, yPred, sampleWeight);
            requireColumns("the support", support[1], classes, yTrue, yPred, sampleWeight);
        }

        double[] positive = binarise(yPred, dt);
        double[] tp = new double[micro ? 1 : full[1]];
        double[] fp = new double[tp.length];
        double[] fn = new double[tp.length];
        for (int r = 0; r < full[0]; r++) {
            for (int c = 0; c < full[1]; c++) {
                double p = positive[at(pShape, r, c)];
                double y = dt.round(yTrue.get(at(tShape, r, c)));
                double w = weight == null ? 1.0 : weight.get(at(weight.shape(), r, c));
                int k = micro ? 0 : c;
                // y_pred*y_true, y_pred*(1-y_true), (1-y_pred)*y_true, each times the weight, in the dtype
                tp[k] += times(dt, p * y, w, weight != null);
                fp[k] += times(dt, p * dt.round(1.0 - y), w, weight != null);
                fn[k] += times(dt, (1.0 - p) * y, w, weight != null);
            }
        }
        double[] iw = new double[micro ? 1 : support[1]];
        for (int r = 0; r < support[0]; r++) {
            for (int c = 0; c < support[1]; c++) {
                double y = dt.round(yTrue.get(at(tShape, r, c)));
                double w = weight == null ? 1.0 : weight.get(at(weight.shape(), r, c));
                iw[micro ? 0 : c] += times(dt, y, w, weight != null);
            }
        }
        addBroadcast(truePositives, tp);
        addBroadcast(falsePositives, fp);
        addBroadcast(falseNegatives, fn);
        addBroadcast(intermediateWeights, iw);
    }

    private static double times(DType dt, double value, double weight, boolean weighted) {
        return weighted ? dt.round(value * weight) : value;
    }

    /** Flat index of element (r, c) of a rank-2 shape seen through broadcasting (size-1 axes repeat). */
    private static int at(int[] shape, int r, int c) {
        return (shape[0] == 1 ? 0 : r) * shape[1] + (shape[1] == 1 ? 0 : c);
    }

    /** {@code sample_weight} in the dtype, expanded with trailing axes to rank 2 (f_score_metrics.py:176-186). */
    private Tensor expandWeight(Tensor sampleWeight) {
        if (sampleWeight.rank() != 1 && !parsedConfig().kerasVersion().atLeast(3, 16)) {
            // before keras-team/keras#23335 (3.16), ops.expand_dims(sample_weight, 1) took per-sample weights only
            throw new InvalidInputException("sample_weight of shape " + sampleWeight.shapeString() + ": FBetaScore "
                    + "in Keras " + parsedConfig().kerasVersion()
                    + " takes only per-sample weights of shape (batch_size,) "
                    + "(a scalar or 2-D weight fails there; Keras 3.16 broadcasts it)");
        }
        if (sampleWeight.rank() > 2) {
            throw new InvalidInputException("sample_weight of shape " + sampleWeight.shapeString()
                    + " has rank > 2; FBetaScore takes a scalar, (batch_size,) or (batch_size, output_dim) weight");
        }
        int[] shape = sampleWeight.rank() == 2 ? sampleWeight.shape()
                : sampleWeight.rank() == 1 ? new int[] {sampleWeight.size(), 1} : new int[] {1, 1};
        return KerasShapes.rounded(sampleWeight, dtype()).reshape(shape);
    }

    private static void requireColumns(String what, int columns, int classes, Tensor yTrue, Tensor yPred,
            Tensor sampleWeight) {
        if (columns != classes && columns != 1) {
            throw new InvalidInputException(what + " of this batch have " + columns + " columns (y_true "
                    + yTrue.shapeString() + ", y_pred " + yPred.shapeString()
                    + (sampleWeight == null ? "" : ", sample_weight " + sampleWeight.shapeString())
                    + "), but the state was built for " + classes + " classes by the first update");
        }
    }

    /** 1.0 for a predicted positive: {@code y_pred > threshold}, or the row maximum when threshold is None. */
    private double[] binarise(Tensor yPred, DType dt) {
        int rows = yPred.dim(0);
        int cols = yPred.dim(1);
        double[] out = new double[rows * cols];
        if (threshold != null) {
            double t = dt.round(threshold);
            for (int i = 0; i < out.length; i++) {
                out[i] = dt.round(yPred.get(i)) > t ? 1.0 : 0.0;
            }
            return out;
        }
        // every entry equal to the row max is positive (ties give several); abs > 1e-9 keeps [0, 0, 0] negative
        double zero = dt.round(1e-9);
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, dt.round(yPred.get(r * cols + c)));
            }
            for (int c = 0; c < cols; c++) {
                double v = dt.round(yPred.get(r * cols + c));
                out[r * cols + c] = v >= max && Math.abs(v) > zero ? 1.0 : 0.0;
            }
        }
        return out;
    }

    /** {@code variable.assign(variable + sum)}: a one-column sum broadcasts to every class. */
    private static void addBroadcast(StateVariable v, double[] sum) {
        double[] data = v.data();
        for (int i = 0; i < data.length; i++) {
            data[i] += sum[sum.length == 1 ? 0 : i];
        }
    }

    /** A restored or merged state must have the shapes the first update would have built. */
    private void requireConsistentState() {
        int[] shape = truePositives.shape();
        boolean ok = shape.length == (average == Average.MICRO ? 0 : 1);
        for (StateVariable v : List.of(falsePositives, falseNegatives, intermediateWeights)) {
            ok &= v.isBuilt() && Arrays.equals(shape, v.shape());
        }
        if (!ok) {
            throw new MetricException(label() + ": inconsistent state: true_positives has shape "
                    + Tensor.shapeString(shape) + " and the other variables must have the same shape, (C,) or () for "
                    + "average='micro'");
        }
    }

    @Override
    protected Tensor computeResult() {
        if (!truePositives.isBuilt()) {
            throw new MetricException(label() + ": result() called before the first update_state(); the state "
                    + "variables are created from the first batch's shape (Keras raises here too)");
        }
        requireConsistentState();
        DType dt = dtype();
        double eps = Numerics.epsilon(dt);
        double b2 = dt.round(beta * beta);
        double onePlusB2 = dt.round(1.0 + beta * beta);
        double[] tp = truePositives.data();
        double[] fp = falsePositives.data();
        double[] fn = falseNegatives.data();
        int n = tp.length;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double t = dt.round(tp[i]);
            double precision = dt.round(t / dt.round(dt.round(t + dt.round(fp[i])) + eps));
            double recall = dt.round(t / dt.round(dt.round(t + dt.round(fn[i])) + eps));
            double mul = dt.round(precision * recall);
            double add = dt.round(dt.round(b2 * precision) + recall);
            double mean = dt.round(mul / dt.round(add + eps));
            f[i] = dt.round(mean * onePlusB2);
        }
        switch (average) {
            case NONE:
                return Tensor.vector(f);
            case WEIGHTED: {
                double[] iw = intermediateWeights.data();
                double total = 0;
                for (double x : iw) {
                    total = dt.round(total + dt.round(x));
                }
                double denominator = dt.round(total + eps);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum = dt.round(sum + dt.round(f[i] * dt.round(dt.round(iw[i]) / denominator)));
                }
                return Tensor.scalar(sum);
            }
            default: {
                // micro (one global score) and macro: ops.mean
                double sum = 0;
                for (double x : f) {
                    sum = dt.round(sum + x);
                }
                return Tensor.scalar(dt.round(sum / n));
            }
        }
    }
}
