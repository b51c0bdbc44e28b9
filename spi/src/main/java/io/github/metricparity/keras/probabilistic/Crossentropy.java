package io.github.metricparity.keras.probabilistic;

import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.reduction.SamplewiseReduction.Contribution;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;

/**
 * The per-sample functions of BinaryCrossentropy and CategoricalCrossentropy ({@code losses.py} with the TensorFlow
 * backend's numerics), one home for their arithmetic: the generic path computes a value per sample with
 * {@code row}, and the fused update ({@link io.github.metricparity.keras.internal.AbstractMetric#fusedUpdate}) sums the
 * same
 * {@code row} values for {@code (N, C)} batches without building the per-sample tensor, checking the values it
 * reads in the same pass. Inputs are read as float32, the dtype of the tensors Keras's losses receive.
 */
final class Crossentropy {
    private static final DType INPUT = Numerics.INPUT_DTYPE;
    private static final double EPS = Numerics.epsilon(INPUT);
    private static final double HI = Numerics.oneMinusEpsilon(INPUT);

    private Crossentropy() {
    }

    /** Keras {@code binary_crossentropy}: element-wise, mean over the last axis. */
    static final class Binary implements RowLoss {
        private final boolean fromLogits;
        private final double labelSmoothing;

        Binary(boolean fromLogits, double labelSmoothing) {
            this.fromLogits = fromLogits;
            this.labelSmoothing = labelSmoothing;
        }

        /** The mean loss of the {@code n} elements from flat index {@code from} of both tensors. */
        double row(Tensor yTrue, Tensor yPred, int from, int n) {
            return row(TensorBuffers.floats(yTrue), TensorBuffers.doubles(yTrue), TensorBuffers.offset(yTrue) + from,
                    TensorBuffers.floats(yPred), TensorBuffers.doubles(yPred), TensorBuffers.offset(yPred) + from, n);
        }

        @Override
        public double row(float[] tf, double[] td, int t0, float[] pf, double[] pd, int p0, int n) {
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += element(Fused.input(tf, td, t0 + j), Fused.input(pf, pd, p0 + j));
            }
            return acc / n;
        }

        private double element(float label, float prediction) {
            double y = label;
            if (labelSmoothing != 0) {
                y = y * (1.0 - labelSmoothing) + 0.5 * labelSmoothing;
            }
            double x = prediction;
            if (fromLogits) {
                // tf.nn.sigmoid_cross_entropy_with_logits: max(x, 0) - x*y + log(1 + exp(-|x|))
                return Math.max(x, 0) - x * y + log1p(Math.exp(-Math.abs(x)));
            }
            double p = Numerics.clip(x, EPS, HI);
            return -(y * Math.log(p) + (1 - y) * Math.log(INPUT.round(1 - p)));
        }

        /** The fused update for {@code y_true} and {@code y_pred} of one shape {@code (N, C)}; null to decline. */
        Contribution fused(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check, DType dtype) {
            return fusedRows(this, yTrue, yPred, w, check, dtype);
        }
    }

    /** Keras {@code categorical_crossentropy} along one axis. */
    static final class Categorical implements RowLoss {
        private final boolean fromLogits;
        private final double labelSmoothing;

        Categorical(boolean fromLogits, double labelSmoothing) {
            this.fromLogits = fromLogits;
            this.labelSmoothing = labelSmoothing;
        }

        /** The loss of the {@code classes} elements at flat indices {@code from + j * stride} of both tensors. */
        double row(Tensor yTrue, Tensor yPred, int from, int stride, int classes) {
            if (stride == 1) {
                return row(TensorBuffers.floats(yTrue), TensorBuffers.doubles(yTrue),
                        TensorBuffers.offset(yTrue) + from,
                        TensorBuffers.floats(yPred), TensorBuffers.doubles(yPred), TensorBuffers.offset(yPred) + from,
                        classes);
            }
            // another axis: gather the lane (as the float32 values the loss reads) and compute it contiguously
            float[] labels = new float[classes];
            float[] predictions = new float[classes];
            for (int j = 0; j < classes; j++) {
                int i = from + j * stride;
                labels[j] = (float) yTrue.get(i);
                predictions[j] = (float) yPred.get(i);
            }
            return row(labels, null, 0, predictions, null, 0, classes);
        }

        /**
         * The loss of {@code classes} contiguous elements. Contiguous on purpose: indexing with a stride that C2
         * cannot see is 1 made this loop 2.5 times slower (20 against 8 ns per logit).
         */
        @Override
        public double row(float[] tf, double[] td, int t0, float[] pf, double[] pd, int p0, int classes) {
            double loss = 0;
            if (fromLogits) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    max = Math.max(max, Fused.input(pf, pd, p0 + j));
                }
                double sumExp = 0;
                for (int j = 0; j < classes; j++) {
                    sumExp += Math.exp(Fused.input(pf, pd, p0 + j) - max);
                }
                double logSumExp = max + Math.log(sumExp);
                for (int j = 0; j < classes; j++) {
                    double y = smoothed(Fused.input(tf, td, t0 + j), classes);
                    // x - logSumExp is finite, so a zero label adds a signed zero to a sum that starts at +0.0
                    // (and never becomes -0.0): skipping it changes nothing
                    if (y != 0) {
                        loss -= y * (Fused.input(pf, pd, p0 + j) - logSumExp);
                    }
                }
            } else {
                double sum = 0;
                for (int j = 0; j < classes; j++) {
                    sum += Fused.input(pf, pd, p0 + j);
                }
                for (int j = 0; j < classes; j++) {
                    double y = smoothed(Fused.input(tf, td, t0 + j), classes);
                    double p = Numerics.clip(INPUT.round(Fused.input(pf, pd, p0 + j) / sum), EPS, HI);
                    loss -= y * Math.log(p); // NaN when the row sums to 0, whatever y
                }
            }
            return loss;
        }

        private double smoothed(float y, int classes) {
            return labelSmoothing == 0 ? y : y * (1.0 - labelSmoothing) + labelSmoothing / classes;
        }

        /** The fused update for {@code (N, C)} tensors along the last axis; null to decline. */
        Contribution fused(Tensor yTrue, Tensor yPred, Fused.Weights w, Fused.Check check, DType dtype) {
            return fusedRows(this, yTrue, yPred, w, check, dtype);
        }
    }

    /** The loss of one row of {@code n} contiguous elements, read as float32 from either buffer of each tensor. */
    private interface RowLoss {
        double row(float[] tf, double[] td, int t0, float[] pf, double[] pd, int p0, int n);
    }

    /**
     * The fused update of a row loss over {@code (N, C)} tensors: the checks and the weighted sum of the per-row
     * losses (cast to the metric dtype as {@code reduce_to_samplewise_values} does) in one pass; null to decline.
     */
    private static Contribution fusedRows(RowLoss loss, Tensor yTrue, Tensor yPred, Fused.Weights w,
            Fused.Check check, DType dtype) {
        if (!sameRank2(yTrue, yPred) || w == Fused.Weights.UNFIT) {
            return null;
        }
        int rows = yPred.dim(0);
        int n = yPred.dim(1);
        float[] tf = TensorBuffers.floats(yTrue);
        double[] td = TensorBuffers.doubles(yTrue);
        float[] pf = TensorBuffers.floats(yPred);
        double[] pd = TensorBuffers.doubles(yPred);
        long flags = 0;
        double total = 0;
        double count = 0;
        for (int r = 0; r < rows; r++) {
            int t0 = TensorBuffers.offset(yTrue) + r * n;
            int p0 = TensorBuffers.offset(yPred) + r * n;
            flags |= flags(tf, td, t0, pf, pd, p0, n, check);
            double v = dtype.round(loss.row(tf, td, t0, pf, pd, p0, n));
            if (w == null) {
                total += v;
            } else {
                double wi = w.get(r);
                total += v * wi;
                count += wi;
            }
        }
        if (flags < 0 || w != null && w.nonFiniteFlags(rows) < 0) {
            return null;
        }
        return new Contribution(total, w == null ? rows : count);
    }

    /**
     * {@code log(1 + e)} for {@code e} in [0, 1], within a few ulps of {@code Math.log1p} (Kahan: the rounding
     * error of {@code u = 1 + e} cancels in {@code log(u) * e / (u - 1)}) and about twice as fast: Java 17's
     * {@code log1p} is a native fdlibm call, {@code log} an intrinsic. Far below the float32 precision Keras
     * computes in.
     */
    static double log1p(double e) {
        double u = 1.0 + e;
        return u == 1.0 ? e : Math.log(u) * e / (u - 1.0);
    }

    /** Both {@code (N, C)} with {@code C >= 1}. */
    private static boolean sameRank2(Tensor yTrue, Tensor yPred) {
        return yPred.rank() == 2 && yTrue.rank() == 2 && yTrue.dim(0) == yPred.dim(0)
                && yTrue.dim(1) == yPred.dim(1) && yPred.dim(1) > 0;
    }

    /** The OR of the fused checks over {@code n} labels and predictions: negative when the batch must go generic. */
    private static long flags(float[] tf, double[] td, int t0, float[] pf, double[] pd, int p0, int n,
            Fused.Check check) {
        long flags = 0;
        if (tf != null && pf != null) {
            int f = 0;
            for (int j = 0; j < n; j++) {
                f |= Fused.nonFinite(tf[t0 + j]) | Fused.flag(check, pf[p0 + j]);
            }
            return f;
        }
        for (int j = 0; j < n; j++) {
            flags |= (td != null ? Fused.nonFinite(td[t0 + j]) : Fused.nonFinite(tf[t0 + j]))
                    | (pd != null ? Fused.flag(check, pd[p0 + j]) : Fused.flag(check, pf[p0 + j]));
        }
        return flags;
    }
}
