package io.github.metricparity.dl4j;

import io.github.metricparity.spi.DType;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ND4J fast paths of the crossentropies ({@code keras/src/losses/losses.py}, TensorFlow backend numerics) for
 * predictions {@code (N, C)} along the last axis. Inputs are read as float32 (as Keras's losses see them, whatever
 * the metric dtype) and the arithmetic runs in double precision, as the reference does; the constants
 * ({@code epsilon}, {@code 1 - epsilon}) and the roundings that make Keras's float32 figures ({@code 1 - p} and the
 * renormalised probabilities are float32 values) are the reference's.
 */
final class CrossentropyFastPaths {
    private CrossentropyFastPaths() {
    }

    /** Keras {@code binary_crossentropy}: element-wise, mean over the last axis; {@code y_true} of the same shape. */
    static final class Binary extends MeanFastPath {
        private final boolean fromLogits;
        private final double labelSmoothing;

        Binary(DType dtype, boolean fromLogits, double labelSmoothing) {
            super(dtype, fromLogits ? null : ProbabilityGuard.probabilities());
            this.fromLogits = fromLogits;
            this.labelSmoothing = labelSmoothing;
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return Arrays.equals(yTrue.shape(), yPred.shape());
        }

        @Override
        INDArray values(INDArray yTrue, INDArray yPred) {
            INDArray y = asInput(yTrue).dup();
            if (labelSmoothing != 0) {
                y.muli(1.0 - labelSmoothing).addi(0.5 * labelSmoothing);
            }
            INDArray x = asInput(yPred);
            INDArray loss;
            if (fromLogits) {
                // tf.nn.sigmoid_cross_entropy_with_logits: max(x, 0) - x*y + log(1 + exp(-|x|))
                INDArray softplusTail = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false);
                loss = Transforms.relu(x, true).subi(x.mul(y)).addi(softplusTail);
            } else {
                INDArray p = clipped(x);
                INDArray q = inputRounded(p.rsub(1.0));
                loss = y.mul(Transforms.log(p, false)).addi(y.rsub(1.0).muli(Transforms.log(q, false))).negi();
            }
            return loss.mean(1);
        }
    }

    /** Keras {@code categorical_crossentropy} along the last axis; {@code y_true} of the same shape. */
    static final class Categorical extends MeanFastPath {
        private final boolean fromLogits;
        private final double labelSmoothing;

        Categorical(DType dtype, boolean fromLogits, double labelSmoothing) {
            super(dtype, fromLogits ? null : ProbabilityGuard.distributions());
            this.fromLogits = fromLogits;
            this.labelSmoothing = labelSmoothing;
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return Arrays.equals(yTrue.shape(), yPred.shape());
        }

        @Override
        INDArray values(INDArray yTrue, INDArray yPred) {
            INDArray y = asInput(yTrue).dup();
            if (labelSmoothing != 0) {
                y.muli(1.0 - labelSmoothing).addi(labelSmoothing / yPred.size(1));
            }
            INDArray x = asInput(yPred);
            INDArray logP;
            if (fromLogits) {
                logP = x.subColumnVector(logSumExp(x));
            } else {
                // renormalised to sum 1 (a float32 division in Keras), then clipped
                INDArray sums = x.sum(true, 1);
                logP = Transforms.log(clipped(inputRounded(x.divColumnVector(sums))), false);
            }
            return y.muli(logP).sum(1).negi();
        }
    }

    /**
     * Keras {@code sparse_categorical_crossentropy} without {@code ignore_class}: {@code y_true} holds integer class
     * ids {@code (N,)} or {@code (N, 1)}; the loss is the log-softmax of the logits, or of {@code log(clip(p))}.
     */
    static final class Sparse extends MeanFastPath {
        private final boolean fromLogits;

        Sparse(DType dtype, boolean fromLogits) {
            super(dtype, fromLogits ? null : ProbabilityGuard.distributions());
            this.fromLogits = fromLogits;
        }

        @Override
        boolean accepts(INDArray yTrue, INDArray yPred) {
            return areClassIds(yTrue, yPred.size(0), yPred.size(1));
        }

        @Override
        INDArray values(INDArray yTrue, INDArray yPred) {
            long classes = yPred.size(1);
            INDArray x = asInput(yPred);
            INDArray logits = fromLogits ? x : Transforms.log(clipped(x), false);
            INDArray ids = classIdVector(yTrue, yPred.size(0)).castTo(DataType.INT);
            INDArray oneHot = Nd4j.exec(new OneHot(ids, (int) classes, -1, 1.0, 0.0, DataType.DOUBLE))[0];
            INDArray picked = oneHot.muli(logits).sum(1);
            return logSumExp(logits).reshape(picked.shape()).subi(picked);
        }
    }

    /** Row-wise {@code log(sum(exp(x)))}, shape (N, 1), with the row maximum subtracted for stability. */
    private static INDArray logSumExp(INDArray x) {
        INDArray max = x.max(true, 1);
        INDArray sumExp = Transforms.exp(x.subColumnVector(max), false).sum(true, 1);
        return Transforms.log(sumExp, false).addi(max);
    }
}
