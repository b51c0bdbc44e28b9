package io.github.metricparity.keras;

import io.github.metricparity.spi.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: tensors from nested Java arrays. */
public final class Tensors {
    private Tensors() {
    }

    /** A rank-1 tensor. */
    public static Tensor t(double... values) {
        return Tensor.vector(values.clone());
    }

    /** A rank-2 tensor from rows of equal length. */
    public static Tensor m(double[]... rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("ragged rows");
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return Tensor.of(data, rows.length, cols);
    }

    /** A rank-3 tensor. */
    public static Tensor cube(double[][]... blocks) {
        List<Double> flat = new ArrayList<>();
        int d1 = blocks[0].length;
        int d2 = blocks[0][0].length;
        for (double[][] b : blocks) {
            for (double[] row : b) {
                for (double v : row) {
                    flat.add(v);
                }
            }
        }
        double[] data = flat.stream().mapToDouble(Double::doubleValue).toArray();
        return Tensor.of(data, blocks.length, d1, d2);
    }

    /** A row for {@link #m(double[]...)}. */
    public static double[] r(double... values) {
        return values;
    }

    /** A column tensor (N,1). */
    public static Tensor col(double... values) {
        return Tensor.of(values.clone(), values.length, 1);
    }

    public static Tensor scalar(double v) {
        return Tensor.scalar(v);
    }
}
