package io.github.metricparity.keras.internal;

import io.github.metricparity.spi.Tensor;

/**
 * The per-row values of {@code mean(f(y_true, y_pred), axis=-1)} (or {@code sum}) for two tensors of one shape:
 * the form of Keras's binary crossentropy, Poisson, KL divergence and the element-wise regression losses. The
 * element function runs on blocks of float32 values ({@link Terms}, written as loops that C2 vectorises); the
 * reduction over each row runs in double, in element order.
 *
 * <p>An instance holds the block arrays: confine it to one thread (a metric's fused update uses its own; the
 * generic path makes one per call).
 */
public final class ElementwiseRows {
    /** One element function over a block. */
    public interface Terms {
        /**
         * {@code out[i] = f(t[i], p[i])} for {@code i < n}. May overwrite {@code t} and {@code p}; {@code a} and
         * {@code b} are scratch; every array holds {@link ExpLog#BLOCK} floats.
         */
        void apply(float[] t, float[] p, float[] out, float[] a, float[] b, int n);
    }

    private final float[] t = new float[ExpLog.BLOCK];
    private final float[] p = new float[ExpLog.BLOCK];
    private final float[] out = new float[ExpLog.BLOCK];
    private final float[] a = new float[ExpLog.BLOCK];
    private final float[] b = new float[ExpLog.BLOCK];
    private final Blocks.Checks checks = new Blocks.Checks();

    /**
     * The values of rows {@code [first, first + count)} (rows of {@code width} elements, {@code width >= 1}) into
     * {@code values[0..count)}: the mean of the row's terms, or their sum. With checks (non-null), false when a
     * label is not finite or a prediction fails {@code predictions} ({@code values} then undefined).
     */
    public boolean rows(Terms f, boolean mean, Tensor yTrue, Tensor yPred, int width, int first, int count,
            double[] values, Fused.Check predictions) {
        long start = (long) first * width;
        long end = start + (long) count * width;
        int row = 0;
        int position = 0;
        double acc = 0;
        if (predictions != null) {
            checks.start(predictions);
        }
        for (long s = start; s < end; s += ExpLog.BLOCK) {
            int n = (int) Math.min(ExpLog.BLOCK, end - s);
            Blocks.read(yTrue, (int) s, t, n);
            Blocks.read(yPred, (int) s, p, n);
            if (predictions != null) {
                checks.add(t, n, p, n);
            }
            f.apply(t, p, out, a, b, n);
            if (width == 1) {
                for (int i = 0; i < n; i++) {
                    values[row + i] = out[i];
                }
                row += n;
                continue;
            }
            for (int i = 0; i < n; i++) {
                acc += out[i];
                if (++position == width) {
                    values[row++] = mean ? acc / width : acc;
                    acc = 0;
                    position = 0;
                }
            }
        }
        return predictions == null || checks.passed();
    }

    /** The values of every row of two tensors of one shape of rank >= 1 (rows along the last axis, non-empty). */
    public static double[] allRows(Terms f, boolean mean, Tensor yTrue, Tensor yPred) {
        int width = yPred.dim(-1);
        int rows = yPred.size() / width;
        double[] values = new double[rows];
        new ElementwiseRows().rows(f, mean, yTrue, yPred, width, 0, rows, values, null);
        return values;
    }
}
