package io.github.metricparity.dl4j;

import io.github.metricparity.spi.DType;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J fast paths of the accuracy family ({@code keras/src/metrics/accuracy_metrics.py}) for predictions
 * {@code (N, C)}: one argmax per row instead of a Java loop over every score. Ties resolve to the first index in
 * ND4J's argmax as in Keras's.
 */
final class AccuracyFastPaths {
    private AccuracyFastPaths() {
    }

    /** {@code argmax(y_true) == argmax(y_pred)}, with {@code y_true} of the same shape {@code (N, C)}. */
    static final class Categorical extends MeanFastPath {
        Categorical(DType dtype) {
            super(dtype, null);
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return Arrays.equals(yTrue.shape(), yPred.shape());
        }

        @Override
        INDArray values(INDArray yTrue, INDArray yPred) {
            INDArray trueIds = Nd4j.argMax(asInput(yTrue), 1);
            INDArray predIds = Nd4j.argMax(asInput(yPred), 1);
            return trueIds.eq(predIds).castTo(DataType.DOUBLE);
        }
    }

    /** {@code y_true == argmax(y_pred)}, with integer class ids {@code (N,)} or {@code (N, 1)}. */
    static final class SparseCategorical extends MeanFastPath {
        SparseCategorical(DType dtype) {
            super(dtype, null);
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return areClassIds(yTrue, yPred.size(0), yPred.size(1));
        }

        @Override
        INDArray values(INDArray yTrue, INDArray yPred) {
            INDArray predIds = Nd4j.argMax(asInput(yPred), 1).castTo(DataType.DOUBLE);
            return predIds.eq(classIdVector(yTrue, yPred.size(0))).castTo(DataType.DOUBLE);
        }
    }

    /**
     * {@code (y_pred > threshold) == y_true} element-wise (strict threshold, {@code y_true} not thresholded), the
     * mean over each row being the sample's value; {@code y_true} of the same shape {@code (N, C)}, compared as float32.
     */
    static final class Binary extends MeanFastPath {
        private final double threshold;

        /** @param threshold the threshold as the functions' float32 holds it */
        Binary(DType dtype, double threshold) {
            super(dtype, ProbabilityGuard.probabilities());
            this.threshold = threshold;
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return Arrays.equals(yTrue.shape(), yPred.shape());
        }

        @Override
        INDArray values(INDArray yTrue, INDArray yPred) {
            INDArray predicted = asInput(yPred).gt(threshold).castTo(DataType.DOUBLE);
            return asInput(yTrue).eq(predicted).castTo(DataType.DOUBLE);
        }
    }
}
