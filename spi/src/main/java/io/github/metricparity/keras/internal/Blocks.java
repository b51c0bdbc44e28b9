package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.Tensor;
import io.github.metricparity.spi.internal.TensorBuffers;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Reading tensors block by block into float arrays, for the kernels that C2 vectorises ({@link ExpLog}): a block is
 * copied as float32 (the values Keras's functions compute with) into an array indexed from 0, so that every loop
 * over it indexes all its arrays alike. Copying a block that the next loops read from the first-level cache costs
 * about what reading it from memory costs anyway.
 */
public final class Blocks {
    private Blocks() {
    }

    /**
     * Copies the {@code n} values of {@code t} from flat index {@code from} into {@code dst[0..n)}, as float32; a
     * tensor over a buffer is read where it is.
     */
    public static void read(Tensor t, int from, float[] dst, int n) {
        FloatBuffer view = TensorBuffers.floatView(t);
        if (view != null) {
            view.get(from, dst, 0, n);
            return;
        }
        DoubleBuffer doubles = TensorBuffers.doubleView(t);
        if (doubles != null) {
            for (int i = 0; i < n; i++) {
                dst[i] = (float) doubles.get(from + i);
            }
            return;
        }
        float[] f = TensorBuffers.floats(t);
        if (f != null) {
            System.arraycopy(f, TensorBuffers.offset(t) + from, dst, 0, n);
            return;
        }
        double[] d = TensorBuffers.doubles(t);
        int start = TensorBuffers.offset(t) + from;
        for (int i = 0; i < n; i++) {
            dst[i] = (float) d[start + i];
        }
    }

    /**
     * The float array a tensor wraps (its element 0 at {@code TensorBuffers.offset}), for a scalar loop that reads
     * it in place; null when the tensor holds doubles or a buffer ({@link #read} copies those).
     */
    public static float[] floatArray(Tensor t) {
        return TensorBuffers.floatView(t) == null ? TensorBuffers.floats(t) : null;
    }

    /**
     * The fused checks over the blocks of a batch, accumulated element-wise (one vectorised operation per value,
     * where a reduction with {@code Math.min}/{@code max} costs C2 a scalar loop) and tested once at the end:
     * labels must be finite, predictions must pass the fused update's {@link Fused.Check}. An instance is confined
     * to one thread.
     */
    public static final class Checks {
        // fma(v, 0, acc) is NaN once v was NaN or infinite; min(acc, v * (1 - v)) is negative (or NaN) once v was
        // outside [0, 1] (-0.0 passes, as the generic path lets it)
        private final float[] finite = new float[ExpLog.BLOCK];
        private final float[] unit = new float[ExpLog.BLOCK];
        private Fused.Check predictions;

        /** Starts a batch whose predictions must pass {@code check}. */
        public void start(Fused.Check check) {
            predictions = check;
            java.util.Arrays.fill(finite, 0f);
            java.util.Arrays.fill(unit, 0f);
        }

        /** Notes a block of labels (which must be finite) and one of predictions. */
        public void add(float[] labels, int labelCount, float[] yPred, int predictionCount) {
            finite(labels, labelCount);
            if (predictions == Fused.Check.UNIT_INTERVAL) {
                for (int i = 0; i < predictionCount; i++) {
                    unit[i] = Math.min(unit[i], yPred[i] * (1f - yPred[i]));
                }
            } else {
                finite(yPred, predictionCount);
            }
        }

        private void finite(float[] a, int n) {
            for (int i = 0; i < n; i++) {
                finite[i] = Math.fma(a[i], 0f, finite[i]);
            }
        }

        /** True when every value noted since {@link #start} passed. */
        public boolean passed() {
            float f = 0f;
            float u = 0f;
            for (int i = 0; i < finite.length; i++) {
                f += finite[i];
                u = Math.min(u, unit[i]);
            }
            return f == 0f && u >= 0f;
        }
    }
}
