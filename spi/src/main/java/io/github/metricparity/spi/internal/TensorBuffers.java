package io.github.metricparity.spi.internal;

import io.github.metricparity.spi.Tensor;

/**
 * The backing arrays of a {@link Tensor}, for the allocation-free loops of the reference metrics. Tensor's public
 * API is read-only; this package is not exported, so only this module's kernels reach the arrays, and they never
 * write to them.
 */
public final class TensorBuffers {
    /** What {@link Tensor} registers when it is initialised. */
    public interface Access {
        float[] floats(Tensor t);

        double[] doubles(Tensor t);

        int offset(Tensor t);
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

    /** The backing float array, or null when the tensor holds doubles. */
    public static float[] floats(Tensor t) {
        return access.floats(t);
    }

    /** The backing double array, or null when the tensor holds floats. */
    public static double[] doubles(Tensor t) {
        return access.doubles(t);
    }

    /** Index of element 0 in the backing array. */
    public static int offset(Tensor t) {
        return access.offset(t);
    }
}
