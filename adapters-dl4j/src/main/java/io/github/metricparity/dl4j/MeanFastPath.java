package io.github.metricparity.dl4j;

import io.github.metricparity.keras.KerasCatalog;
import io.github.metricparity.spi.DType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Base of the fast paths of Mean-based metrics (Keras {@code MeanMetricWrapper}) on rank-2 predictions
 * {@code (N, C)}: shared checks, Keras's roundings, and the sample-weight reduction.
 *
 * <p>Keras's metric functions compute in the dtype of their inputs, float32 ({@link KerasCatalog#INPUT_DTYPE}),
 * whatever
 * the metric dtype; their values and the sample weight are then cast to the metric dtype. For the shapes handled
 * here {@code reduce_to_samplewise_values} comes down to one rule: {@code total += sum(w * value)} and
 * {@code count += sum(w)} (the batch size without weights), with a weight of shape {@code (N,)} or {@code (N, 1)}.
 * Every other weight shape (a scalar weighs the whole batch as one sample,
 * per-element weights) goes through the reference metric.
 */
abstract class MeanFastPath implements FastPath {
    private final DType dtype;

    /** @param dtype the metric dtype; only float32 and float64 have fast paths */
    MeanFastPath(DType dtype) {
        this.dtype = dtype;
    }

    @Override
    public final Contribution contribution(INDArray yTrue, INDArray yPred, INDArray sampleWeight) {
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
        INDArray perSample = perSample(yTrue, yPred);
        if (weights == null) {
            return new Contribution(perSample.sumNumber().doubleValue(), n);
        }
        return new Contribution(perSample.mul(weights).sumNumber().doubleValue(), weights.sumNumber().doubleValue());
    }

    /** True when this path computes the metric for these shapes and values exactly as the reference would. */
    abstract boolean accepts(INDArray yTrue, INDArray yPred);

    /** Each sample's value (1 for a match, 0 for a miss), shape {@code (N)}, type DOUBLE, not shared with inputs. */
    abstract INDArray perSample(INDArray yTrue, INDArray yPred);

    /** The values as Keras's metric functions see them (float32 inputs), held as DOUBLE. */
    static INDArray asInput(INDArray a) {
        return round(a, KerasCatalog.INPUT_DTYPE);
    }

    /**
     * The values as Keras's metric functions see them, in that data type (FLOAT for float32 inputs): enough for
     * comparisons and argmax, which need no double arithmetic; the same array when it already is.
     */
    static INDArray inInputType(INDArray a) {
        DataType type = KerasCatalog.INPUT_DTYPE == DType.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
        return a.dataType() == type ? a : a.castTo(type);
    }

    /** The values rounded to a float dtype, as DOUBLE (the same array when nothing changes). */
    private static INDArray round(INDArray a, DType dtype) {
        INDArray rounded = dtype == DType.FLOAT32 && a.dataType() != DataType.FLOAT ? a.castTo(DataType.FLOAT) : a;
        return rounded.castTo(DataType.DOUBLE);
    }

    /** A weight of shape (N,) or (N, 1) as a DOUBLE vector in the metric dtype; null for any other or non-finite. */
    private INDArray weightVector(INDArray w, long n) {
        boolean perSample = (w.rank() == 1 && w.size(0) == n) || (w.rank() == 2 && w.size(0) == n && w.size(1) == 1);
        if (!perSample || !isFloating(w) || !isFinite(w)) {
            return null;
        }
        return round(w, dtype).reshape(n);
    }

    static boolean isFloating(INDArray a) {
        return a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE;
    }

    /** No NaN or infinity: one reduction (a sum overflowing to infinity also sends the batch to the reference). */
    static boolean isFinite(INDArray a) {
        return Double.isFinite(a.sumNumber().doubleValue());
    }

    /**
     * True when {@code labels} has shape {@code (N,)} or {@code (N, 1)} and holds, as float32, integer class ids in
     * {@code [0, classes)}, as sparse metrics require.
     */
    static boolean areClassIds(INDArray labels, long n, long classes) {
        boolean shapeOk = (labels.rank() == 1 && labels.size(0) == n)
                || (labels.rank() == 2 && labels.size(0) == n && labels.size(1) == 1);
        if (!shapeOk) {
            return false;
        }
        INDArray ids = asInput(labels);
        if (ids.minNumber().doubleValue() < 0 || ids.maxNumber().doubleValue() > classes - 1) {
            return false;
        }
        // floor(x) <= x, so the differences sum to 0 exactly when every id is an integer
        return ids.sub(Transforms.floor(ids, true)).sumNumber().doubleValue() == 0;
    }

    /** Sparse labels of shape (N,) or (N, 1) as a DOUBLE vector, as float32 holds them. */
    static INDArray classIdVector(INDArray labels, long n) {
        return asInput(labels).reshape(n);
    }
}
