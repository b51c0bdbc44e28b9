package io.github.metricparity.dl4j;

import io.github.metricparity.keras.Numerics;
import io.github.metricparity.spi.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Base of the fast paths of Mean-based metrics (Keras {@code MeanMetricWrapper}) on rank-2 predictions
 * {@code (N, C)}: shared checks, the metric dtype's rounding, and the sample-weight reduction.
 *
 * <p>For the shapes handled here Keras's {@code reduce_to_samplewise_values} comes down to one rule: each sample's
 * value is the mean of its per-element values, {@code total += sum(w * value)} and {@code count += sum(w)} (the
 * batch size without weights), with a weight of shape {@code (N,)} or {@code (N, 1)} rounded to the metric dtype.
 * Every other weight shape (a scalar weighs the whole batch as one sample, per-element weights) goes through the
 * reference metric.
 */
abstract class MeanFastPath implements FastPath {
    private final DType dtype;
    private final ProbabilityGuard guard;

    /**
     * @param dtype the metric dtype; only float32 and float64 have fast paths
     * @param guard the probability diagnostics to keep, or null when the metric has none
     */
    MeanFastPath(DType dtype, ProbabilityGuard guard) {
        this.dtype = dtype;
        this.guard = guard;
    }

    @Override
    public final Contribution contribution(INDArray yTrue, INDArray yPred, INDArray sampleWeight) {
        if (guard != null) {
            guard.newBatch();
        }
        if (yPred.rank() != 2 || yPred.size(0) == 0 || yPred.size(1) == 0 || !isFloating(yPred)
                || !isFloating(yTrue) || yTrue.isEmpty()) {
            return null;
        }
        long n = yPred.size(0);
        INDArray weights = null;
        if (sampleWeight != null) {
            weights = weightVector(sampleWeight, n);
            if (weights == null) {
                return null;
            }
        }
        if (!isFinite(yTrue) || !isFinite(yPred)) {
            return null; // the reference refuses it, naming the argument
        }
        if (!accepts(yTrue, yPred)) {
            return null;
        }
        if (guard != null && guard.declines(yPred)) {
            return null;
        }
        INDArray perSample = perSample(yTrue, yPred);
        if (weights == null) {
            return new Contribution(perSample.sumNumber().doubleValue(), n);
        }
        return new Contribution(perSample.muli(weights).sumNumber().doubleValue(), weights.sumNumber().doubleValue());
    }

    @Override
    public final void referenceAccepted() {
        if (guard != null) {
            guard.referenceAccepted();
        }
    }

    /** True when this path computes the metric for these shapes and values exactly as the reference would. */
    abstract boolean accepts(INDArray yTrue, INDArray yPred);

    /** Each sample's value, shape {@code (N)}, type DOUBLE; may be modified by the caller. */
    abstract INDArray perSample(INDArray yTrue, INDArray yPred);

    /** The metric dtype. */
    final DType dtype() {
        return dtype;
    }

    /** The values as the metric dtype holds them, as DOUBLE (so that float32 results round exactly as Keras's). */
    final INDArray inDType(INDArray a) {
        INDArray rounded = dtype == DType.FLOAT32 && a.dataType() != DataType.FLOAT ? a.castTo(DataType.FLOAT) : a;
        return rounded.castTo(DataType.DOUBLE);
    }

    /** Double values rounded to the metric dtype (through float32 for float32 metrics). */
    final INDArray rounded(INDArray x) {
        return dtype == DType.FLOAT32 ? x.castTo(DataType.FLOAT).castTo(DataType.DOUBLE) : x;
    }

    /** {@code clip(x, epsilon, 1 - epsilon)} with the constants as the metric dtype holds them, on a copy. */
    final INDArray clipped(INDArray x) {
        return Transforms.min(Transforms.max(x, Numerics.epsilon(dtype), true), Numerics.oneMinusEpsilon(dtype),
                false);
    }

    /** A weight of shape (N,) or (N, 1) as a DOUBLE vector in the metric dtype; null for any other or non-finite. */
    private INDArray weightVector(INDArray w, long n) {
        boolean perSample = (w.rank() == 1 && w.size(0) == n) || (w.rank() == 2 && w.size(0) == n && w.size(1) == 1);
        if (!perSample || !isFloating(w) || !isFinite(w)) {
            return null;
        }
        return inDType(w).reshape(n);
    }

    static boolean isFloating(INDArray a) {
        return a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE;
    }

    /** No NaN or infinity: one reduction (a sum overflowing to infinity also sends the batch to the reference). */
    static boolean isFinite(INDArray a) {
        return Double.isFinite(a.sumNumber().doubleValue());
    }

    /**
     * True when {@code labels} has shape {@code (N,)} or {@code (N, 1)} and holds integer class ids in
     * {@code [0, classes)}, as sparse metrics require.
     */
    static boolean areClassIds(INDArray labels, long n, long classes) {
        boolean shapeOk = (labels.rank() == 1 && labels.size(0) == n)
                || (labels.rank() == 2 && labels.size(0) == n && labels.size(1) == 1);
        if (!shapeOk) {
            return false;
        }
        INDArray ids = labels.castTo(DataType.DOUBLE);
        if (ids.minNumber().doubleValue() < 0 || ids.maxNumber().doubleValue() > classes - 1) {
            return false;
        }
        // floor(x) <= x, so the differences sum to 0 exactly when every id is an integer
        return ids.sub(Transforms.floor(ids, true)).sumNumber().doubleValue() == 0;
    }

    /** Sparse labels of shape (N,) or (N, 1) as a DOUBLE vector. */
    static INDArray classIdVector(INDArray labels, long n) {
        return labels.castTo(DataType.DOUBLE).reshape(n);
    }
}
