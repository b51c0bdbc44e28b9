package io.github.metricparity.conformance.compare;

import io.github.metricparity.spi.Tensor;

/**
 * A batch of examples read from a file: {@code rows} rows of targets, predictions and (optionally) sample weights,
 * flat and row-major, in arrays reused from batch to batch.
 */
final class Batch {
    final int capacity;
    final int[] yTrueRow;
    final int[] yPredRow;
    final double[] yTrue;
    final double[] yPred;
    final double[] weights;
    /** 1-based number of the first row of this batch in the file. */
    long firstRow;
    int rows;

    Batch(int capacity, int[] yTrueRow, int[] yPredRow, boolean weighted) {
        this.capacity = capacity;
        this.yTrueRow = yTrueRow.clone();
        this.yPredRow = yPredRow.clone();
        this.yTrue = new double[Math.multiplyExact(capacity, Shapes.size(yTrueRow))];
        this.yPred = new double[Math.multiplyExact(capacity, Shapes.size(yPredRow))];
        this.weights = weighted ? new double[capacity] : null;
    }

    int yTrueWidth() {
        return yTrue.length / capacity;
    }

    int yPredWidth() {
        return yPred.length / capacity;
    }

    Tensor yTrueTensor() {
        return tensor(yTrue, yTrueRow);
    }

    Tensor yPredTensor() {
        return tensor(yPred, yPredRow);
    }

    /** The batch's targets and predictions with other row shapes of the same sizes, e.g. a trailing 1 added. */
    Tensor yTrueTensor(int[] row) {
        return tensor(yTrue, row);
    }

    Tensor yPredTensor(int[] row) {
        return tensor(yPred, row);
    }

    Tensor weightTensor() {
        return weights == null ? null : Tensor.ofDoubles(weights, 0, rows);
    }

    private Tensor tensor(double[] data, int[] row) {
        return Tensor.ofDoubles(data, 0, Shapes.batch(rows, row));
    }
}
