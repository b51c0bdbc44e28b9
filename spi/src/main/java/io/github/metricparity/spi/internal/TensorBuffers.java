package io.github.metricparity.spi.internal;

import io.github.metricparity.spi.Tensor;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The backing arrays of a {@link Tensor}, for the allocation-free loops of the reference metrics. Tensor's public
 * API is read-only; this package is not exported, so only this module's kernels reach the arrays, and they never
 * write to them. A tensor over a buffer hands out the buffer ({@link #floatView}), which the block kernels read in
 * place; asked for an array, it copies its values once and hands out the copy (at offset 0).
 */
public final class TensorBuffers {
    /** What {@link Tensor} registers when it is initialised. */
    public interface Access {
        float[] floats(Tensor t);

        double[] doubles(Tensor t);

        int offset(Tensor t);

        FloatBuffer floatView(Tensor t);

        DoubleBuffer doubleView(Tensor t);
    }

    private static Access access;

    private TensorBuffers() {
    }

    /** Called once, by {@link Tensor}'s static initialiser. */
    public static void register(Access a) {
        if (access != null) {
            throw new IllegalStateException("TensorBuffers: access already registered");
        }
        access = a;
    }

    /** The buffer a tensor reads in place, index 0 its element 0; null when it holds an array or doubles. */
    public static FloatBuffer floatView(Tensor t) {
        return access.floatView(t);
    }

    /** The double buffer a tensor reads in place; null when it holds an array or floats. */
    public static DoubleBuffer doubleView(Tensor t) {
        return access.doubleView(t);
    }

    /** The backing float array (a copy for a tensor over a buffer), or null when the tensor holds doubles. */
    public static float[] floats(Tensor t) {
        return access.floats(t);
    }

    /** The backing double array (a copy for a tensor over a buffer), or null when the tensor holds floats. */
    public static double[] doubles(Tensor t) {
        return access.doubles(t);
    }

    /** Index of element 0 in the backing array (0 for the copy of a buffer). */
    public static int offset(Tensor t) {
        return access.offset(t);
    }
}
