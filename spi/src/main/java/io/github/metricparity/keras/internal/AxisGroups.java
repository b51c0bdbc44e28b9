package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.InvalidInputException;
import io.github.metricparity.spi.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A reduction over one or several axes ({@code ops.sum(x, axis=(1, 2))}, as numpy does it): the elements of a shape
 * split into groups, one per position of the kept axes. Group {@code g} (row-major over the kept axes, the layout of
 * {@link #reducedShape()}) holds {@link #groupSize()} elements, in row-major order of the reduced axes;
 * {@link #index(int, int)} gives their flat indices. An empty axis list reduces nothing (groups of one element).
 */
public final class AxisGroups {
    private final int[] reducedShape;
    private final int[] keepDimsShape;
    private final int groupSize;
    private final int[] flat;

    private AxisGroups(int[] reducedShape, int[] keepDimsShape, int groupSize, int[] flat) {
        this.reducedShape = reducedShape;
        this.keepDimsShape = keepDimsShape;
        this.groupSize = groupSize;
        this.flat = flat;
    }

    /**
     * Groups the elements of {@code shape} by the axes not in {@code axes}.
     *
     * @param axes    axes to reduce, negative ones counted from the end (numpy rules: each in {@code [-rank, rank)},
     *                none repeated)
     * @param context names the argument in an error, e.g. "y_pred of shape (2, 3)"
     * @throws InvalidInputException for an axis out of range or repeated
     */
    public static AxisGroups of(int[] shape, List<Integer> axes, String context) {
        int rank = shape.length;
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            int n = a < 0 ? a + rank : a;
            if (n < 0 || n >= rank) {
                throw new InvalidInputException("axis " + a + " is out of bounds for " + context + " (rank " + rank
                        + ")");
            }
            if (reduced[n]) {
                throw new InvalidInputException("axis " + axes + " repeats an axis for " + context);
            }
            reduced[n] = true;
        }
        int keptRank = 0;
        for (boolean r : reduced) {
            keptRank += r ? 0 : 1;
        }
        int[] kept = new int[keptRank];
        int[] keepDims = shape.clone();
        int groupSize = 1;
        int groups = 1;
        for (int d = 0, k = 0; d < rank; d++) {
            if (reduced[d]) {
                keepDims[d] = 1;
                groupSize *= shape[d];
            } else {
                kept[k++] = shape[d];
                groups *= shape[d];
            }
        }
        int size = groups * groupSize;
        int[] flat = new int[size];
        int[] idx = new int[rank];
        for (int i = 0; i < size; i++) {
            // mixed-radix position of element i in the kept axes (g) and in the reduced axes (j)
            int g = 0;
            int j = 0;
            for (int d = 0; d < rank; d++) {
                if (reduced[d]) {
                    j = j * shape[d] + idx[d];
                } else {
                    g = g * shape[d] + idx[d];
                }
            }
            flat[g * groupSize + j] = i;
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return new AxisGroups(kept, keepDims, groupSize, flat);
    }

    /** {@link #of(int[], List, String)} for a tensor. */
    public static AxisGroups of(Tensor t, List<Integer> axes, String argument) {
        return of(t.shape(), axes, argument + " of shape " + t.shapeString());
    }

    /** The shape after the reduction (the kept axes, in order). */
    public int[] reducedShape() {
        return reducedShape.clone();
    }

    /**
     * The shape after the reduction with {@code keepdims=True} (reduced axes kept with size 1): one value per group,
     * in group order, has this shape.
     */
    public int[] keepDimsShape() {
        return keepDimsShape.clone();
    }

    /** Number of groups (elements after the reduction). */
    public int groups() {
        return groupSize == 0 ? sizeOf(reducedShape) : flat.length / groupSize;
    }

    /** Number of elements reduced into each group. */
    public int groupSize() {
        return groupSize;
    }

    /** Flat index of the {@code k}-th element of group {@code g}. */
    public int index(int g, int k) {
        return flat[g * groupSize + k];
    }

    private static int sizeOf(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return "AxisGroups" + Arrays.toString(reducedShape) + " x " + groupSize;
    }
}
