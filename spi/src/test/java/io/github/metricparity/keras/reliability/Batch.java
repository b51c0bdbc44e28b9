package io.github.metricparity.keras.reliability;

import io.github.metricparity.spi.Metric;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.ValuesMetric;

/**
 * One update's arguments. For {@link ValuesMetric}s ({@code Mean}, {@code Sum}) {@code yTrue} is null and
 * {@code yPred} holds the values. Every tensor has the batch on axis 0 (weights are per sample, shape {@code (N,)}).
 */
public record Batch(Tensor yTrue, Tensor yPred, Tensor weight) {

    /** Number of samples. */
    public int rows() {
        return yPred.dim(0);
    }

    /** Feeds this batch to a metric through the entry point its Keras signature has. */
    public void feed(Metric m) {
        if (yTrue == null) {
            ((ValuesMetric) m).updateValues(yPred, weight);
        } else {
            m.update(yTrue, yPred, weight);
        }
    }

    /** Samples {@code [from, to)} as a new batch (copies). */
    public Batch slice(int from, int to) {
        return new Batch(sliceRows(yTrue, from, to), sliceRows(yPred, from, to), sliceRows(weight, from, to));
    }

    /** The same batch with weights multiplied by {@code c} (no weights stays no weights). */
    public Batch scaleWeights(double c) {
        if (weight == null) {
            return this;
        }
        double[] w = weight.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            w[i] *= c;
        }
        return new Batch(yTrue, yPred, Tensor.of(w, weight.shape()));
    }

    /** The same batch with another weight tensor. */
    public Batch withWeight(Tensor w) {
        return new Batch(yTrue, yPred, w);
    }

    /** The same batch with other targets and predictions. */
    public Batch with(Tensor newTrue, Tensor newPred) {
        return new Batch(newTrue, newPred, weight);
    }

    /** Rows {@code [from, to)} of a tensor whose axis 0 is the batch, keeping float or double storage. */
    static Tensor sliceRows(Tensor t, int from, int to) {
        if (t == null) {
            return null;
        }
        int[] shape = t.shape();
        int rowSize = 1;
        for (int d = 1; d < shape.length; d++) {
            rowSize *= shape[d];
        }
        shape[0] = to - from;
        int start = from * rowSize;
        if (t.isFloat32()) {
            float[] rows = new float[(to - from) * rowSize];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (float) t.get(start + i);
            }
            return Tensor.of(rows, shape);
        }
        double[] rows = new double[(to - from) * rowSize];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = t.get(start + i);
        }
        return Tensor.of(rows, shape);
    }

    @Override
    public String toString() {
        return "Batch[y_true=" + describe(yTrue) + ", y_pred=" + describe(yPred) + ", sample_weight="
                + describe(weight) + "]";
    }

    private static String describe(Tensor t) {
        return t == null ? "null" : t + " " + t.shapeString() + (t.isFloat32() ? " float32" : "");
    }
}
