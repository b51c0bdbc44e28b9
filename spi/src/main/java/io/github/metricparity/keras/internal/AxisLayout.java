package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.Tensor;
import java.util.Arrays;

/**
 * A row-major shape split around one axis: {@code outer} blocks of {@code length} positions along the axis, each
 * position holding {@code inner} contiguous elements. Element {@code (o, j, i)} is at flat index
 * {@code (o * length + j) * inner + i}; reducing over the axis gives {@code outer * inner} results at
 * {@code o * inner + i}, with the shape {@link #reducedShape()}.
 */
public final class AxisLayout {
    private final int[] shape;
    private final int axis;
    private final int outer;
    private final int length;
    private final int inner;

    public AxisLayout(Tensor t, int axis) {
        this.shape = t.shape();
        this.axis = t.normalizeAxis(axis);
        int o = 1;
        for (int d = 0; d < this.axis; d++) {
            o *= shape[d];
        }
        int in = 1;
        for (int d = this.axis + 1; d < shape.length; d++) {
            in *= shape[d];
        }
        this.outer = o;
        this.length = shape[this.axis];
        this.inner = in;
    }

    public int axis() {
        return axis;
    }

    public int outer() {
        return outer;
    }

    public int length() {
        return length;
    }

    public int inner() {
        return inner;
    }

    /** Number of results after reducing over the axis. */
    public int lanes() {
        return outer * inner;
    }

    /** Flat index of position {@code j} along the axis in lane {@code lane} ({@code lane = o * inner + i}). */
    public int index(int lane, int j) {
        int o = lane / inner;
        int i = lane - o * inner;
        return (o * length + j) * inner + i;
    }

    /** The shape with the axis removed. */
    public int[] reducedShape() {
        int[] out = new int[shape.length - 1];
        for (int d = 0, k = 0; d < shape.length; d++) {
            if (d != axis) {
                out[k++] = shape[d];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(shape) + " axis " + axis;
    }
}
