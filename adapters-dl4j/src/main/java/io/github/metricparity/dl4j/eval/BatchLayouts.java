package io.github.metricparity.dl4j.eval;

import io.github.metricparity.spi.InvalidInputException;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns what DL4J hands an {@code IEvaluation} (labels, network output, label mask) into a {@link KerasBatch}, by
 * the rules of {@link ArrayLayout}. Stateless.
 */
final class BatchLayouts {
    private BatchLayouts() {
    }

    /**
     * @return the batch in Keras layout, or null when the mask removes every example
     * @throws InvalidInputException for a mask whose shape fits none of DL4J's kinds of mask, or a bad axis
     */
    static KerasBatch prepare(ArrayLayout layout, int axis, INDArray labels, INDArray predictions, INDArray mask) {
        if (layout == ArrayLayout.KERAS) {
            return new KerasBatch(labels, predictions, mask);
        }
        if (labels.rank() <= 2 && predictions.rank() <= 2) {
            return masked(labels, predictions, mask);
        }
        int classAxis = axis < 0 ? axis + labels.rank() : axis;
        if (classAxis < 1 || classAxis >= labels.rank() || predictions.rank() != labels.rank()) {
            throw new InvalidInputException("DL4J layout: class axis " + axis + " does not fit labels of shape "
                    + Arrays.toString(labels.shape()) + " and predictions of shape "
                    + Arrays.toString(predictions.shape()));
        }
        INDArray labelRows = toRows(labels, classAxis);
        INDArray predictionRows = toRows(predictions, classAxis);
        if (mask == null) {
            return new KerasBatch(labelRows, predictionRows, null);
        }
        if (Arrays.equals(mask.shape(), withoutAxis(labels.shape(), classAxis))) {
            // per time step (or per pixel): one weight per row, in the rows' order
            return perExample(labelRows, predictionRows, mask.dup('c').reshape(labelRows.size(0)));
        }
        if (Arrays.equals(mask.shape(), labels.shape())) {
            return new KerasBatch(labelRows, predictionRows, toRows(mask, classAxis));
        }
        throw new InvalidInputException("DL4J layout: a mask of shape " + Arrays.toString(mask.shape())
                + " fits labels of shape " + Arrays.toString(labels.shape()) + " neither per time step ("
                + Arrays.toString(withoutAxis(labels.shape(), classAxis)) + ") nor per output");
    }

    /** Rank 1 or 2: per-example masks {@code [N]}/{@code [N, 1]}, or a per-output mask of the labels' shape. */
    private static KerasBatch masked(INDArray labels, INDArray predictions, INDArray mask) {
        if (mask == null) {
            return new KerasBatch(labels, predictions, null);
        }
        long n = labels.rank() == 0 ? 1 : labels.size(0);
        boolean perExample = (mask.rank() == 1 && mask.size(0) == n)
                || (mask.rank() == 2 && mask.size(0) == n && mask.size(1) == 1);
        if (perExample) {
            return perExample(labels, predictions, mask.reshape(n));
        }
        if (Arrays.equals(mask.shape(), labels.shape())) {
            return new KerasBatch(labels, predictions, mask);
        }
        throw new InvalidInputException("DL4J layout: a mask of shape " + Arrays.toString(mask.shape())
                + " fits labels of shape " + Arrays.toString(labels.shape()) + " neither per example (["
                + n + "] or [" + n + ", 1]) nor per output");
    }

    /**
     * Keeps the rows whose mask is not zero (DL4J drops masked examples) and weighs them by the mask unless every
     * kept value is 1.
     */
    private static KerasBatch perExample(INDArray labels, INDArray predictions, INDArray maskVector) {
        // one value per example: reading them is O(rows), the arrays themselves are pulled with an ND4J op
        double[] m = maskVector.castTo(DataType.DOUBLE).toDoubleVector();
        int[] kept = new int[m.length];
        int count = 0;
        boolean allOnes = true;
        for (int i = 0; i < m.length; i++) {
            if (m[i] != 0) {
                kept[count++] = i;
                allOnes &= m[i] == 1;
            }
        }
        if (count == 0) {
            return null;
        }
        if (count == m.length) {
            return new KerasBatch(labels, predictions, allOnes ? null : maskVector);
        }
        int[] rows = Arrays.copyOf(kept, count);
        INDArray weights = null;
        if (!allOnes) {
            double[] w = new double[count];
            for (int i = 0; i < count; i++) {
                w[i] = m[rows[i]];
            }
            weights = Nd4j.createFromArray(w);
        }
        return new KerasBatch(pullRows(labels, rows), pullRows(predictions, rows), weights);
    }

    private static INDArray pullRows(INDArray a, int[] rows) {
        if (a.rank() == 2) {
            return Nd4j.pullRows(a, 1, rows);
        }
        long[] shape = a.shape().clone();
        long rowLength = a.length() / shape[0];
        INDArray pulled = Nd4j.pullRows(a.reshape('c', shape[0], rowLength), 1, rows);
        shape[0] = rows.length;
        return pulled.reshape('c', shape);
    }

    /**
     * The weights of the weighted metrics: the mask times the sample weights ({@code CompileMetrics} gives the
     * weighted metrics both). Equal shapes multiply element-wise; otherwise both are broadcast to the labels' shape
     * (DL4J layout: per example {@code [N]}/{@code [N, 1]}, per time step {@code [N, T]} beside the class axis) or,
     * in Keras layout, to their common shape after Keras aligns their ranks (trailing axes of size 1).
     *
     * @throws InvalidInputException for sample weights of a shape that fits neither
     */
    static INDArray combine(ArrayLayout layout, int axis, INDArray labels, INDArray mask, INDArray sampleWeights) {
        if (mask == null) {
            return sampleWeights;
        }
        if (Arrays.equals(mask.shape(), sampleWeights.shape())) {
            return mask.castTo(DataType.DOUBLE).mul(sampleWeights.castTo(DataType.DOUBLE));
        }
        if (layout == ArrayLayout.DL4J) {
            long n = labels.rank() == 0 ? 1 : labels.size(0);
            INDArray perStep = perExample(mask, n) ? sampleWeights : mask;
            INDArray perExample = perExample(mask, n) ? mask : sampleWeights;
            if (perExample(perExample, n) && perStep.rank() == 2 && perStep.size(0) == n
                    && labels.rank() >= 3 && !Arrays.equals(perStep.shape(), labels.shape())) {
                // a per-example array times a per-time-step one stays per time step
                return perStep.castTo(DataType.DOUBLE).mulColumnVector(perExample.castTo(DataType.DOUBLE)
                        .reshape(n, 1));
            }
            if (perExample(mask, n) && perExample(sampleWeights, n)) {
                return mask.castTo(DataType.DOUBLE).reshape(n).mul(sampleWeights.castTo(DataType.DOUBLE).reshape(n));
            }
            INDArray m = toLabelsShape(mask, labels, axis, "mask");
            INDArray w = toLabelsShape(sampleWeights, labels, axis, "sample weights");
            return m.mul(w);
        }
        int rank = Math.max(mask.rank(), sampleWeights.rank());
        INDArray m = withTrailingOnes(mask, rank).castTo(DataType.DOUBLE);
        INDArray w = withTrailingOnes(sampleWeights, rank).castTo(DataType.DOUBLE);
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            long a = m.size(i);
            long b = w.size(i);
            if (a != b && a != 1 && b != 1) {
                throw new InvalidInputException("Keras layout: a mask of shape " + Arrays.toString(mask.shape())
                        + " and sample weights of shape " + Arrays.toString(sampleWeights.shape())
                        + " do not broadcast together");
            }
            shape[i] = Math.max(a, b);
        }
        return m.broadcast(shape).mul(w.broadcast(shape));
    }

    private static boolean perExample(INDArray a, long n) {
        return (a.rank() == 1 && a.size(0) == n) || (a.rank() == 2 && a.size(0) == n && a.size(1) == 1);
    }

    private static INDArray withTrailingOnes(INDArray a, int rank) {
        long[] shape = Arrays.copyOf(a.shape(), rank);
        for (int i = a.rank(); i < rank; i++) {
            shape[i] = 1;
        }
        return a.reshape(shape);
    }

    /** A DL4J per-example, per-time-step or per-output weight array, broadcast to the labels' shape. */
    private static INDArray toLabelsShape(INDArray w, INDArray labels, int axis, String what) {
        long[] target = labels.shape();
        INDArray d = w.castTo(DataType.DOUBLE);
        if (Arrays.equals(w.shape(), target)) {
            return d;
        }
        long n = labels.rank() == 0 ? 1 : labels.size(0);
        long[] shape = new long[target.length];
        Arrays.fill(shape, 1);
        shape[0] = n;
        boolean perExample = (w.rank() == 1 && w.size(0) == n) || (w.rank() == 2 && w.size(0) == n && w.size(1) == 1);
        if (perExample) {
            return d.reshape(shape).broadcast(target);
        }
        int classAxis = axis < 0 ? axis + labels.rank() : axis;
        if (labels.rank() >= 3 && Arrays.equals(w.shape(), withoutAxis(target, classAxis))) {
            long[] expanded = target.clone();
            expanded[classAxis] = 1;
            return d.reshape(expanded).broadcast(target);
        }
        throw new InvalidInputException("DL4J layout: " + what + " of shape " + Arrays.toString(w.shape())
                + " fit labels of shape " + Arrays.toString(target) + " neither per example ([" + n + "] or [" + n
                + ", 1]), per time step, nor per output");
    }

    /** Moves the class axis last and flattens the others into rows: {@code [rows, classes]}, c order. */
    static INDArray toRows(INDArray a, int classAxis) {
        int rank = a.rank();
        int[] order = new int[rank];
        int j = 0;
        for (int i = 0; i < rank; i++) {
            if (i != classAxis) {
                order[j++] = i;
            }
        }
        order[rank - 1] = classAxis;
        long classes = a.size(classAxis);
        long rows = classes == 0 ? 0 : a.length() / classes;
        return a.permute(order).dup('c').reshape('c', rows, classes);
    }

    private static long[] withoutAxis(long[] shape, int axis) {
        long[] out = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
