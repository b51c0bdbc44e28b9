package io.github.metricparity.keras.reliability;

import io.github.metricparity.spi.Tensor;
import java.util.Random;

/** Random tensors of the kinds metrics take, stored as float32 or float64 at random (both paths get exercised). */
final class Gen {
    private Gen() {
    }

    /** Wraps values in a tensor, as {@code float[]} or {@code double[]} at random. */
    static Tensor tensor(Random r, double[] data, int... shape) {
        if (r.nextBoolean()) {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) data[i];
            }
            return Tensor.of(f, shape);
        }
        return Tensor.of(data, shape);
    }

    /** Uniform values in {@code [lo, hi)}. */
    static Tensor uniform(Random r, double lo, double hi, int... shape) {
        double[] d = new double[size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * r.nextDouble();
        }
        return tensor(r, d, shape);
    }

    /** Probabilities in {@code [0, 1)}. */
    static Tensor probabilities(Random r, int... shape) {
        return uniform(r, 0, 1, shape);
    }

    /** Integers in {@code [0, n)} as doubles (labels, class ids, counts). */
    static Tensor ints(Random r, int n, int... shape) {
        double[] d = new double[size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(n);
        }
        return tensor(r, d, shape);
    }

    /** One row per sample holding a single 1 at a random class. */
    static Tensor oneHot(Random r, int rows, int classes) {
        double[] d = new double[rows * classes];
        for (int i = 0; i < rows; i++) {
            d[i * classes + r.nextInt(classes)] = 1.0;
        }
        return tensor(r, d, rows, classes);
    }

    /** Rows that sum to 1: softmax of random logits, so no two entries tie. */
    static Tensor distribution(Random r, int rows, int classes) {
        double[] d = new double[rows * classes];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                d[i * classes + j] = Math.exp(2 * r.nextGaussian());
                sum += d[i * classes + j];
            }
            for (int j = 0; j < classes; j++) {
                d[i * classes + j] /= sum;
            }
        }
        return tensor(r, d, rows, classes);
    }

    /** Per row, a random permutation of the class ids (SparseTopKCategoricalAccuracy with from_sorted_ids). */
    static Tensor sortedIds(Random r, int rows, int classes) {
        double[] d = new double[rows * classes];
        for (int i = 0; i < rows; i++) {
            int[] perm = new int[classes];
            for (int j = 0; j < classes; j++) {
                perm[j] = j;
            }
            for (int j = classes - 1; j > 0; j--) {
                int k = r.nextInt(j + 1);
                int t = perm[j];
                perm[j] = perm[k];
                perm[k] = t;
            }
            for (int j = 0; j < classes; j++) {
                d[i * classes + j] = perm[j];
            }
        }
        return tensor(r, d, rows, classes);
    }

    /**
     * Per-sample weights: about one in ten exactly 0, the others in {@code [0.1, 3)} (bounded away from 0, so an
     * epsilon Keras adds to a denominator stays negligible next to a class's total weight).
     */
    static Tensor weights(Random r, int rows) {
        double[] d = new double[rows];
        for (int i = 0; i < rows; i++) {
            d[i] = r.nextInt(10) == 0 ? 0.0 : 0.1 + 2.9 * r.nextDouble();
        }
        return tensor(r, d, rows);
    }

    /** {@code (rows,)} or {@code (rows, 1)}, chosen by {@code column}. */
    static int[] labelShape(int rows, boolean column) {
        return column ? new int[] {rows, 1} : new int[] {rows};
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
