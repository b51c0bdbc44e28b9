package io.github.metricparity.keras.iou;

import io.github.metricparity.keras.AbstractMetric;
import io.github.metricparity.keras.AxisLayout;
import io.github.metricparity.keras.MetricConfig;
import io.github.metricparity.keras.Numerics;
import io.github.metricparity.keras.StateVariable;
import io.github.metricparity.spi.DType;
import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.MetricException;
import io.github.metricparity.spi.Tensor;

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
        int n = numClasses;
        for (int i = 0; i < len; i++) {
            // labels, predictions and weights are cast to the metric dtype (int by default: truncation)
            double ti = dt.round(t.get(lenT == 1 ? 0 : i));
            double pi = dt.round(p.get(lenP == 1 ? 0 : i));
            if (!(ti >= 0 && ti < n && pi >= 0 && pi < n)) {
                continue;
            }
            if (ignoreClass != null && ti == ignore) {
                continue;
            }
            double wi = w == null ? 1.0 : dt.round(w.get(w.size() == 1 ? 0 : i));
            cm[(int) ti * n + (int) pi] += wi;
        }
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
            int best = 0;
            float bestValue = argmaxKey(x.get(layout.index(lane, 0)));
            for (int j = 1; j < layout.length(); j++) {
                float v = argmaxKey(x.get(layout.index(lane, j)));
                if (v > bestValue) {
                    bestValue = v;
                    best = j;
                }
            }
            out[lane] = best;
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
        for (int id : targetIds) {
            float tp = (float) diag[id];
            float den = (float) dt.round(dt.round(colSum[id] + rowSum[id]) - diag[id]);
            if (den > 1e-9f) {
                valid += 1f;
                iouSum += tp / (den + eps);
            }
        }
        return Tensor.scalar(iouSum / (valid + eps));
    }
}
