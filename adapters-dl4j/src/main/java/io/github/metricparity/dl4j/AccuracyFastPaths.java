package io.github.metricparity.dl4j;

import io.github.metricparity.spi.DType;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J fast paths of the accuracy family ({@code keras/src/metrics/accuracy_metrics.py}) for predictions
 * {@code (N, C)}: one argmax per row, on the float32 arrays as they are (no copy, no cast). Ties resolve to the
 * first index in ND4J's argmax as in Keras's. ({@code BinaryAccuracy} has none: its element-wise threshold, compare
 * and count take as many ND4J passes as the reference takes loop iterations, and measured slower at every size.)
 */
final class AccuracyFastPaths {
    private AccuracyFastPaths() {
    }

    /** {@code argmax(y_true) == argmax(y_pred)}, with {@code y_true} of the same shape {@code (N, C)}. */
    static final class Categorical extends MeanFastPath {
        Categorical(DType dtype) {
            super(dtype);
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return Arrays.equals(yTrue.shape(), yPred.shape());
        }

        @Override
        INDArray perSample(INDArray yTrue, INDArray yPred) {
            INDArray trueIds = Nd4j.argMax(inInputType(yTrue), 1);
            INDArray predIds = Nd4j.argMax(inInputType(yPred), 1);
            return trueIds.eq(predIds).castTo(DataType.DOUBLE);
        }
    }

    /** {@code y_true == argmax(y_pred)}, with integer class ids {@code (N,)} or {@code (N, 1)}. */
    static final class SparseCategorical extends MeanFastPath {
        SparseCategorical(DType dtype) {
            super(dtype);
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return areClassIds(yTrue, yPred.size(0), yPred.size(1));
        }

        @Override
        INDArray perSample(INDArray yTrue, INDArray yPred) {
            INDArray predIds = Nd4j.argMax(inInputType(yPred), 1).castTo(DataType.DOUBLE);
            return predIds.eq(classIdVector(yTrue, yPred.size(0))).castTo(DataType.DOUBLE);
        }
    }
}
