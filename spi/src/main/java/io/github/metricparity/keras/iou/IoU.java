package io.github.metricparity.keras.iou;

import io.github.metricparity.keras.internal.AbstractMetric;
import io.github.metricparity.keras.internal.AxisLayout;
import io.github.metricparity.keras.internal.Fused;
import io.github.metricparity.keras.internal.MetricConfig;
import io.github.metricparity.keras.internal.Numerics;
import io.github.metricparity.keras.internal.StateVariable;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Keras {@code _IoUBase} + {@code IoU.result}: the confusion-matrix IoU behind IoU, MeanIoU, OneHotIoU and
 * OneHotMeanIoU (the classes differ only in which arguments they take; see {@link IouMetrics}).
 */
class IoU extends AbstractMetric {
    private static final String VARIABLE = "total_confusion_matrix";

    private final int numClasses;
    private final int[] targetIds;
    private final Integer ignoreClass;
    private final boolean sparseYTrue;
    private final boolean sparseYPred;
    private final int axis;
    private final StateVariable totalCm;
    // the fused update's per-pair counts, kept between updates
    private int[] pairCounts;

    /**
     * @param sparseYTrueFixed the {@code sparse_y_true} a class that does not take the argument passes to the base
     *                         class: False for OneHotIoU/OneHotMeanIoU, True for BinaryIoU
     */
    IoU(MetricConfig config, boolean sparseYTrueFixed) {
        super(config);
        // BinaryIoU has no num_classes argument: it is 2
        this.numClasses = has(config, "num_classes") ? config.getInt("num_classes") : 2;
        this.targetIds = IouMetrics.targetIds(config, numClasses);
        this.ignoreClass = has(config, "ignore_class") ? config.getNullableInt("ignore_class") : null;
        this.sparseYTrue = has(config, "sparse_y_true") ? config.getBool("sparse_y_true") : sparseYTrueFixed;
        this.sparseYPred = !has(config, "sparse_y_pred") || config.getBool("sparse_y_pred");
        this.axis = has(config, "axis") ? config.getInt("axis") : -1;
        this.totalCm = addVariable(VARIABLE, numClasses, numClasses);
    }

    private static boolean has(MetricConfig config, String key) {
        return config.definition().params().stream().anyMatch(p -> p.key().equals(key));
    }

    /** The predictions as the base class receives them; BinaryIoU thresholds here. */
    Tensor preparePredictions(Tensor yPred) {
        return yPred;
    }

    @Override
    protected void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor pred = preparePredictions(yPred);
        Tensor t = flatten(sparseYTrue ? yTrue : argmax("y_true", yTrue));
        Tensor p = flatten(sparseYPred ? pred : argmax("y_pred", pred));

        // ops.where(bounds_mask, y_true/y_pred, 0) broadcasts the two flattened vectors against each other
        if (t.rank() == 0 && p.rank() == 0) {
            throw new InvalidInputException("y_true and y_pred are both scalars (shapes " + yTrue.shapeString()
                    + " and " + yPred.shapeString() + "); the confusion matrix needs at least one vector of class ids");
        }
        int lenT = t.size();
        int lenP = p.size();
        if (lenT != lenP && lenT != 1 && lenP != 1) {
            throw new InvalidInputException("y_true of shape " + yTrue.shapeString() + " and y_pred of shape "
                    + yPred.shapeString() + " hold " + lenT + " and " + lenP
                    + " class ids after flattening, which do not broadcast");
        }
        int len = lenT == 1 ? lenP : lenT;

        // sample_weight: flattened when its rank is > 1, then broadcast_to(shape(y_true))
        Tensor w = sampleWeight == null ? null : flatten(sampleWeight);
        if (w != null) {
            boolean fits = w.rank() == 0 || (t.rank() == 1 && (w.size() == 1 || w.size() == lenT));
            if (!fits) {
                throw new InvalidInputException("sample_weight of shape " + sampleWeight.shapeString()
                        + " (flattened " + w.shapeString() + ") cannot be broadcast to the flattened y_true of shape "
                        + t.shapeString() + " (y_true " + yTrue.shapeString() + ")");
            }
        }

        DType dt = dtype();
        double ignore = ignoreClass == null ? Double.NaN : dt.round(ignoreClass);
        double[] cm = totalCm.data();
        if (!dropsOutOfRangeIds()) {
            refuseOutOfRangeIds(t, p, len, ignore, yTrue, yPred);
        }
        for (int i = 0; i < len; i++) {
            int k = pair(t.get(lenT == 1 ? 0 : i), p.get(lenP == 1 ? 0 : i));
            if (k >= 0) {
                cm[k] += w == null ? 1.0 : dt.round(w.get(w.size() == 1 ? 0 : i));
            }
        }
    }

    /**
     * The fused update for class ids on both sides ({@code sparse_y_true}, and {@code sparse_y_pred} or scores whose
     * class axis is the last), one id per position and no weight or one per position: it checks the values, takes
     * the argmax of scores, and adds each (true, predicted) pair as {@link #updateState} does. Unweighted pairs of
     * an integer dtype are counted in one pass into an int histogram kept by this instance (adding a count of 1.0s
     * to an integral state is exact, so the order does not matter); otherwise a first pass checks the batch and a
     * second adds the pairs to the state in order.
     */
    @Override
    protected boolean fusedUpdate(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Fused.Check check) {
        if (!sparseYTrue || yTrue.rank() == 0 || yPred.rank() == 0 || !dropsOutOfRangeIds()) {
            return false;
        }
        int len = yTrue.size();
        int scores = 0; // classes along the last axis of dense predictions
        if (!sparseYPred) {
            int last = yPred.rank() - 1;
            if (axis != -1 && axis != last || yPred.dim(last) == 0) {
                return false;
            }
            scores = yPred.dim(last);
        }
        if (yPred.size() != (sparseYPred ? len : (long) len * scores)
                || sampleWeight != null && (sampleWeight.rank() == 0 || sampleWeight.size() != len)) {
            return false;
        }
        double[] cm = totalCm.data();
        boolean counting = sampleWeight == null && dtype().isInteger() && integral(cm);
        if (counting) {
            if (pairCounts == null) {
                pairCounts = new int[numClasses * numClasses];
            }
            Arrays.fill(pairCounts, 0);
        }
        float[] tf = TensorBuffers.floats(yTrue);
        float[] pf = TensorBuffers.floats(yPred);
        if (counting && tf != null && pf != null && ignoreClass == null) {
            if (!countFloat32(tf, TensorBuffers.offset(yTrue), pf, TensorBuffers.offset(yPred), len, scores)) {
                return false;
            }
        } else {
            long flags = 0;
            for (int i = 0; i < len; i++) {
                double tv = yTrue.get(i);
                double pv = sparseYPred ? yPred.get(i) : argmaxRow(yPred, i * scores, scores);
                // a dense row's argmax is -1 when a score is not finite
                flags |= Fused.nonFinite(tv) | Fused.nonFinite(pv) | (sparseYPred ? 0 : (long) pv);
                int k = pair(tv, pv);
                if (counting && k >= 0) {
                    pairCounts[k]++;
                }
            }
            if (flags < 0 || sampleWeight != null && !allFinite(sampleWeight)) {
                return false;
            }
        }
        if (counting) {
            for (int k = 0; k < cm.length; k++) {
                cm[k] += pairCounts[k];
            }
            return true;
        }
        DType dt = dtype();
        for (int i = 0; i < len; i++) {
            int k = pair(yTrue.get(i), sparseYPred ? yPred.get(i) : argmaxRow(yPred, i * scores, scores));
            if (k >= 0) {
                cm[k] += sampleWeight == null ? 1.0 : dt.round(sampleWeight.get(i));
            }
        }
        return true;
    }

    /**
     * Counts unweighted float32 pairs of an integer dtype without ignore_class into {@link #pairCounts}; false when
     * a value is not finite. The cast truncates toward zero, so a value casts into {@code [0, n)} exactly when it
     * lies in {@code (-1, n)}, and the int cast is that truncation.
     */
    private boolean countFloat32(float[] tf, int to, float[] pf, int po, int len, int scores) {
        int n = numClasses;
        int flags = 0;
        for (int i = 0; i < len; i++) {
            float t = tf[to + i];
            float p;
            if (sparseYPred) {
                p = pf[po + i];
                flags |= Fused.nonFinite(p);
            } else {
                int arg = argmaxRow(pf, po + i * scores, scores);
                flags |= arg;
                p = arg;
            }
            flags |= Fused.nonFinite(t);
            if (t > -1f && t < n && p > -1f && p < n) {
                pairCounts[(int) t * n + (int) p]++;
            }
        }
        return flags >= 0;
    }

    /**
     * Keras 3.15 and later leave class ids outside [0, num_classes) out, and count an absent class's IoU as 0
     * (keras-team/keras#22844).
     */
    private boolean dropsOutOfRangeIds() {
        return parsedConfig().kerasVersion().atLeast(3, 15);
    }

    /**
     * Keras before 3.15: an id outside [0, num_classes) fails the confusion matrix (TensorFlow raises; the
     * ignore_class mask zeroes the ignored pairs first), so the update is refused before the state changes.
     */
    private void refuseOutOfRangeIds(Tensor t, Tensor p, int len, double ignore, Tensor yTrue, Tensor yPred) {
        DType dt = dtype();
        int lenT = t.size();
        int lenP = p.size();
        for (int i = 0; i < len; i++) {
            double ti = dt.round(t.get(lenT == 1 ? 0 : i));
            double pi = dt.round(p.get(lenP == 1 ? 0 : i));
            if (ignoreClass != null && ti == ignore) {
                continue;
            }
            if (!(ti >= 0 && ti < numClasses && pi >= 0 && pi < numClasses)) {
                throw new InvalidInputException("class id " + (ti >= 0 && ti < numClasses ? pi + " in y_pred"
                        : ti + " in y_true") + " (position " + i + " of y_true " + yTrue.shapeString() + " / y_pred "
                        + yPred.shapeString() + ") is outside [0, " + numClasses + "): Keras "
                        + parsedConfig().kerasVersion() + " fails on it (3.15 and later leave it out)");
            }
        }
    }

    /**
     * The confusion-matrix cell of a (label, prediction) pair cast to the metric dtype (int by default: truncation),
     * or -1 when the pair is dropped: outside {@code [0, num_classes)}, or a true class equal to
     * {@code ignore_class}. The one pair rule of the generic and the fused updates.
     */
    private int pair(double label, double prediction) {
        DType dt = dtype();
        // (long) truncates toward zero as the integer cast does; values too large for it are dropped either way
        double ti = dt.isInteger() ? (long) label : dt.round(label);
        double pi = dt.isInteger() ? (long) prediction : dt.round(prediction);
        int n = numClasses;
        if (!(ti >= 0 && ti < n && pi >= 0 && pi < n) || ignoreClass != null && ti == dt.round(ignoreClass)) {
            return -1;
        }
        return (int) ti * n + (int) pi;
    }

    /** True when every count is an integer that 1.0s can be added to exactly (below 2^52). */
    private static boolean integral(double[] cm) {
        for (double v : cm) {
            if (v != Math.rint(v) || Math.abs(v) >= 0x1p52) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(Tensor t) {
        long flags = 0;
        for (int i = 0; i < t.size(); i++) {
            flags |= Fused.nonFinite(t.get(i));
        }
        return flags >= 0;
    }

    /**
     * {@code ops.argmax} of one lane of scores ({@code index(j)} is the flat index of its j-th score): ties to the
     * first, compared as float32 with -0.0 below +0.0 ({@link #argmaxKey}). With {@code finiteOnly}, -1 when a
     * score is not finite as float32 (the fused update then declines); the generic update compares an infinity
     * (a double beyond float32's range) as such. The one argmax rule of both updates.
     */
    private static int argmaxLane(Tensor x, IntUnaryOperator index, int length, boolean finiteOnly) {
        int best = 0;
        float bestValue = argmaxKey(x.get(index.applyAsInt(0)));
        long flags = Fused.nonFinite(x.get(index.applyAsInt(0)));
        for (int j = 1; j < length; j++) {
            double value = x.get(index.applyAsInt(j));
            flags |= Fused.nonFinite(value);
            float v = argmaxKey(value);
            if (v > bestValue) {
                bestValue = v;
                best = j;
            }
        }
        return finiteOnly && flags < 0 ? -1 : best;
    }

    /** {@link #argmaxLane} of one contiguous row of {@code length} scores from flat index {@code from}. */
    private static int argmaxRow(Tensor x, int from, int length) {
        return argmaxLane(x, j -> from + j, length, true);
    }

    /** {@link #argmaxRow(Tensor, int, int)} of float32 scores: bit patterns compared when they are non-negative. */
    private static int argmaxRow(float[] f, int from, int length) {
        int fast = Fused.argmaxNonNegative(f, from, length);
        if (fast >= 0) {
            return fast;
        }
        int best = 0;
        float bestValue = argmaxKey(f[from]);
        int flags = Fused.nonFinite(f[from]);
        for (int j = 1; j < length; j++) {
            flags |= Fused.nonFinite(f[from + j]);
            float v = argmaxKey(f[from + j]);
            if (v > bestValue) {
                bestValue = v;
                best = j;
            }
        }
        return flags < 0 ? -1 : best;
    }

    private static Tensor flatten(Tensor x) {
        return x.rank() > 1 ? x.reshape(x.size()) : x;
    }

    /**
     * {@code ops.argmax(x, axis)}: ties to the first index; values compared as float32, as Keras sees them, with
     * -0.0 below +0.0 (Keras replaces -0.0 by -tiny before {@code tf.argmax}, backend/tensorflow/numpy.py argmax).
     */
    private Tensor argmax(String argument, Tensor x) {
        if (x.rank() == 0 || axis < -x.rank() || axis >= x.rank()) {
            throw new InvalidInputException(argument + " of shape " + x.shapeString() + " has no axis " + axis
                    + " to take the argmax over (sparse_" + argument + "=False)");
        }
        AxisLayout layout = new AxisLayout(x, axis);
        if (layout.length() == 0) {
            throw new InvalidInputException(argument + " of shape " + x.shapeString() + " has an empty axis " + axis
                    + " to take the argmax over");
        }
        double[] out = new double[layout.lanes()];
        for (int lane = 0; lane < out.length; lane++) {
            int l = lane;
            out[lane] = argmaxLane(x, j -> layout.index(l, j), layout.length(), false);
        }
        return Tensor.of(out, layout.reducedShape());
    }

    private static float argmaxKey(double value) {
        float f = (float) value;
        return f == 0f && Float.floatToRawIntBits(f) != 0 ? -Float.MIN_NORMAL : f;
    }

    @Override
    protected Tensor computeResult() {
        if (axis != -1 && axis != 0) {
            // iou_metrics.py:324-327 sums the rank-1 per-class IoU vector over self.axis, which every backend
            // refuses for any other axis: Keras's result() raises here
            throw new MetricException(label() + ": result() fails in Keras 3 for axis=" + axis + ": IoU.result sums"
                    + " the per-class IoU vector (rank 1) over `axis` (keras/src/metrics/iou_metrics.py:324-327),"
                    + " so only axis -1 or 0 give a result; move the class axis last and use axis=-1");
        }
        DType dt = dtype();
        int n = numClasses;
        double[] cm = totalCm.data();
        // sums in the metric dtype: exact for the integer dtypes, rounded for float32
        double[] colSum = new double[n];
        double[] rowSum = new double[n];
        double[] diag = new double[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = dt.round(cm[r * n + c]);
                colSum[c] = dt.round(colSum[c] + v);
                rowSum[r] = dt.round(rowSum[r] + v);
            }
            diag[r] = dt.round(cm[r * n + r]);
        }
        // denominator and IoUs are computed in float32 whatever the dtype (iou_metrics.py:307-327)
        float eps = (float) Numerics.EPSILON;
        float iouSum = 0f;
        float valid = 0f;
        // before 3.15 (keras-team/keras#22844) an absent class's tp / (den + eps) stayed in the sum: 0 unless
        // negative weights make tp non-zero over a zero denominator
        boolean zeroAbsent = dropsOutOfRangeIds();
        for (int id : targetIds) {
            float tp = (float) diag[id];
            float den = (float) dt.round(dt.round(colSum[id] + rowSum[id]) - diag[id]);
            if (den > 1e-9f) {
                valid += 1f;
                iouSum += tp / (den + eps);
            } else if (!zeroAbsent) {
                iouSum += tp / (den + eps);
            }
        }
        return Tensor.scalar(iouSum / (valid + eps));
    }
}
